"""The upload form, and the mapping form built from the sheet's own columns."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from freestore.models import Store
from mutualaid import roles
from mutualaid.models import Area, Category

from . import columns as c
from .models import RowKind, kinds_for


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The file"),
        help_text=_(
            "A .csv or .xlsx file: in Google Forms, “Download responses (.csv)”; in a "
            "spreadsheet or Airtable, export or download as CSV or Excel."
        ),
    )
    kind = forms.ChoiceField(label=_("Its rows are"), widget=forms.RadioSelect)
    store = forms.ModelChoiceField(
        label=_("Store"),
        queryset=Store.objects.all(),
        required=False,
        empty_label=_("Choose a store"),
        help_text=_("For store items and lending shelf things."),
    )
    volunteer = forms.EmailField(
        label=_("Whose offers (their account's email)"),
        required=False,
        help_text=_("For offers. Leave it empty when they are your own."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        allowed = kinds_for(user)
        self.fields["kind"].choices = [
            (value, label) for value, label in RowKind.choices if value in allowed
        ]
        if len(allowed) == 1:
            self.initial.setdefault("kind", allowed[0])
        if not set(allowed) & {RowKind.ITEMS, RowKind.THINGS}:
            del self.fields["store"]
        elif Store.objects.count() == 1:
            self.initial.setdefault("store", Store.objects.get())
        if RowKind.OFFERS not in allowed or not user.has_role(roles.ORGANIZER):
            del self.fields["volunteer"]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (RowKind.ITEMS, RowKind.THINGS) and not cleaned.get("store"):
            self.add_error("store", _("Choose the store these go to."))
        email = cleaned.get("volunteer")
        cleaned["volunteer_user"] = None
        if kind == RowKind.OFFERS and email:
            found = (
                get_user_model()
                .objects.filter(email__iexact=email, is_active=True, forgotten_at=None)
                .first()
            )
            if found is None:
                self.add_error("volunteer", _("No neighbor has an account with that email."))
            cleaned["volunteer_user"] = found
        return cleaned


class MappingForm(forms.Form):
    """One choice per column of the sheet, and one per area or category name it didn't
    know; the sheet's words travel in hidden fields beside their choice."""

    def __init__(self, *args, run, headers, unknown, **kwargs):
        super().__init__(*args, **kwargs)
        self.run = run
        self.headers = headers
        choices = [(c.IGNORE, _("Leave out"))] + [
            (target.name, target.label) for target in c.TARGETS[run.kind]
        ]
        for index, header in enumerate(headers):
            self.fields[f"col-{index}"] = forms.ChoiceField(
                label=header, choices=choices, required=False
            )
            self.initial.setdefault(f"col-{index}", run.columns.get(str(index), c.IGNORE))
        self.value_fields = []
        for field, model in (("area", Area), ("category", Category)):
            for n, words in enumerate(unknown.get(field, [])):
                self.fields[f"{field}-word-{n}"] = forms.CharField(
                    widget=forms.HiddenInput, initial=words, max_length=200, required=False
                )
                self.fields[f"{field}-{n}"] = forms.ModelChoiceField(
                    label=words,
                    queryset=model.objects.all(),
                    required=False,
                    empty_label=_("Leave these rows out"),
                )
                self.value_fields.append((field, f"{field}-{n}"))

    def column_fields(self):
        return [self[f"col-{index}"] for index in range(len(self.headers))]

    def area_fields(self):
        return [self[name] for field, name in self.value_fields if field == "area"]

    def category_fields(self):
        return [self[name] for field, name in self.value_fields if field == "category"]

    def mapping(self) -> tuple[dict, dict]:
        """(columns, values) as the run keeps them."""
        columns = {
            str(index): self.cleaned_data.get(f"col-{index}") or ""
            for index in range(len(self.headers))
        }
        values = {
            field: dict((self.run.values or {}).get(field, {})) for field in ("area", "category")
        }
        for field, name in self.value_fields:
            words = c.normalized(self.cleaned_data.get(name.replace(field, f"{field}-word"), ""))
            chosen = self.cleaned_data.get(name)
            if words and chosen is not None:
                values[field][words] = chosen.pk
        return columns, values
