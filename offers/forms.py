"""Forms for offers, and the post form base and list filters that needs share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mutualaid import shared_cache
from mutualaid.choice_widgets import RememberedRadioSelect, RememberedSelect
from mutualaid.contact_details import check_no_contact_details
from mutualaid.models import Area, Category

from .models import Offer

FILTER_WORDS_MAX = 200


class PostForm(forms.ModelForm):
    """What both sides fill in: a short title, details, category, area, who reads details."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["title"].widget.attrs.update({"autocomplete": "off"})
        self.fields["details"].widget.attrs.update({"rows": 4})
        self.fields["category"].empty_label = _("Choose a category")
        self.fields["area"].empty_label = _("Choose an area")
        self._share_choices(self.fields["category"], self.fields["area"])
        self.fields["visibility"].widget = RememberedRadioSelect(
            choices=self.fields["visibility"].choices
        )
        if user is not None and user.is_authenticated and user.area_id and not self.instance.pk:
            self.initial["area"] = self.initial.get("area") or user.area_id

    @staticmethod
    def _share_choices(*fields):
        """The category and area choices are the same for everyone who speaks the language: they
        come from the shared cache (an area or category saved refreshes them), not from two
        queries a form, and render through a remembered select. What is chosen is still checked
        against the table when the form is sent."""

        def choices():
            return [
                [("", str(field.empty_label))] + [(row.pk, str(row)) for row in field.queryset]
                for field in fields
            ]

        labels = [str(field.empty_label) for field in fields]
        shared = shared_cache.remembered(
            shared_cache.POSTS, ("post form choices", *labels), choices
        )
        for field, field_choices in zip(fields, shared, strict=True):
            field.widget = RememberedSelect(attrs=field.widget.attrs)
            field.widget.is_required = field.required
            field.choices = field_choices

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if len(title) < 3:
            raise forms.ValidationError(_("Please say in a few words what this is about."))
        check_no_contact_details(title)
        return title

    def clean_details(self):
        details = self.cleaned_data["details"].strip()
        check_no_contact_details(details)
        return details


class OfferForm(PostForm):
    class Meta:
        model = Offer
        fields = ["title", "details", "kind", "ongoing", "category", "area", "visibility"]
        labels = {"title": _("What you can share, in a few words")}
        help_texts = {
            "title": _("For example: kids' winter jackets, sizes 6–10"),
            "details": _("Sizes, times, how it can be picked up. No addresses or phone numbers."),
        }


class FilterForm(forms.Form):
    """List filters. Bad values are ignored, never an error page."""

    q = forms.CharField(label=_("Words"), required=False, max_length=FILTER_WORDS_MAX)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("All categories"),
    )
    area = forms.ModelChoiceField(
        label=_("Area"), queryset=Area.objects.all(), required=False, empty_label=_("All areas")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["category"].to_field_name = "slug"
        self.fields["area"].to_field_name = "slug"

    def values(self) -> dict:
        """Cleaned values, keeping whatever was valid when something was not."""
        if self.is_valid():
            return self.cleaned_data
        return {
            name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
        }


class OfferFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Any kind")), *Offer.Kind.choices],
        required=False,
    )
