"""Forms for signing up and for the profile a neighbor keeps."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import SPOKEN_LANGUAGES, User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up: only the name others will see."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("The name other neighbors see. A first name or nickname is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Please tell us what to call you."))
        return name

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        # The hub writes to them in the language they signed up in, until they choose another.
        user.language = translation.get_language_from_request(request)
        if user.language not in dict(settings.LANGUAGES):
            user.language = settings.LANGUAGE_CODE
        user.save(update_fields=["display_name", "language"])


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["display_name", "area", "languages", "language", "email_notifications"]
        help_texts = {
            "area": _("Roughly where you are, so nearby neighbors show first. Never your address."),
            "language": _("Emails from the hub come in this language."),
            "email_notifications": _(
                "Untick to get no email from the hub, only notices in your inbox. "
                "Which notices are emailed, and when, you choose in your inbox settings."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].empty_label = _("I'd rather not say")

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Please tell us what to call you."))
        return name


class AccountDeleteForm(forms.Form):
    """Deleting an account asks for the password again, and a clear yes."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("So we know it's really you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand my account can't be brought back."),
        error_messages={"required": _("Please tick the box to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password doesn't match. Please try again."))
        return password
