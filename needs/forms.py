"""Forms for needs, matches, messages and followed filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mutualaid.choice_widgets import RememberedRadioSelect
from mutualaid.models import Category
from offers.forms import FilterForm, PostForm

from .models import Follow, Need, does_intake


class NeedForm(PostForm):
    class Meta:
        model = Need
        fields = [
            "title",
            "details",
            "urgency",
            "category",
            "area",
            "visibility",
            "on_behalf_of",
            "contact_note",
        ]
        labels = {"title": _("What you need, in a few words")}
        help_texts = {
            "title": _("For example: a winter coat for my son, size 8"),
            "details": _("Sizes, times, anything that helps. No addresses or phone numbers."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["urgency"].widget = RememberedRadioSelect(choices=Need.Urgency.choices)
        if not does_intake(user):
            del self.fields["on_behalf_of"]
            del self.fields["contact_note"]
        else:
            self.fields["on_behalf_of"].help_text = _(
                "Only when you take a need by phone or on paper for someone without an account."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_note") and not cleaned.get("on_behalf_of"):
            self.add_error(
                "on_behalf_of", _("Add their first name, so others know who this is for.")
            )
        return cleaned


class NeedFilterForm(FilterForm):
    urgency = forms.ChoiceField(
        label=_("How soon"),
        choices=[("", _("Any time")), *Need.Urgency.choices],
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        choices=[("", _("Newest first")), ("waiting", _("Waiting longest"))],
        required=False,
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only the two of you can read this, unless one of you reports it to a moderator."
            " Agree a time and a public place."
        ),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write something first."))
        return body


class CompleteForm(forms.Form):
    thanks = forms.CharField(
        label=_("A thank-you note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AskForm(forms.Form):
    """Connect two neighbors: about a need, an offer, or both."""

    need = forms.IntegerField(required=False, widget=forms.HiddenInput)
    offer = forms.IntegerField(required=False, widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("A short note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("need") and not cleaned.get("offer"):
            raise forms.ValidationError(_("That link is missing what it was about."))
        return cleaned


class FollowForm(forms.ModelForm):
    class Meta:
        model = Follow
        fields = ["side", "categories", "area"]
        widgets = {"categories": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.order_by("order", "name")
        self.fields["area"].empty_label = _("Every area")
        self.fields["side"].widget = forms.RadioSelect(choices=Follow.Side.choices)
