"""Forms of the free store, with messages in plain words."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mutualaid.models import Category
from mutualaid.widgets import DateInput, DateTimeLocalInput

from .models import AdjustmentReason, Condition, Item, Shift, Store, Thing

SEARCH_ATTRS = {
    "hx-trigger": "input changed delay:300ms, search",
    "hx-sync": "closest form:replace",
    "autocomplete": "off",
}


class StockFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", **SEARCH_ATTRS}),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("All categories"),
        to_field_name="slug",
    )
    size = forms.ChoiceField(label=_("Size"), required=False)

    def __init__(self, *args, sizes=(), url="", **kwargs):
        super().__init__(*args, **kwargs)
        if url:
            self.fields["q"].widget.attrs.update({"hx-get": url, "hx-include": "closest form"})
        self.fields["size"].choices = [("", _("Any size"))] + [(s, s) for s in sizes]

    def filter(self, items):
        if not self.is_valid():
            return items
        data = self.cleaned_data
        items = items.search(data.get("q", ""))
        if data.get("category"):
            items = items.filter(category=data["category"])
        if data.get("size"):
            items = items.filter(size=data["size"])
        return items


class StoreChoiceForm(forms.Form):
    store = forms.ModelChoiceField(
        label=_("Store"), queryset=Store.objects.all(), to_field_name="slug", empty_label=None
    )


class IntakeLineForm(forms.Form):
    """One line of a donation: a known item by name, or a new one created on the fly."""

    name = forms.CharField(
        label=_("Item"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "item-suggestions", "autocomplete": "off"}),
    )
    quantity = forms.IntegerField(
        label=_("How many"), min_value=1, max_value=10_000, required=False
    )
    size = forms.CharField(label=_("Size"), max_length=30, required=False)
    condition = forms.ChoiceField(
        label=_("Condition"),
        choices=[("", _("As we have it")), *Condition.choices],
        required=False,
        initial="",
        help_text=_("A known item stays as it is; a new one is Good unless you say."),
    )
    category = forms.ModelChoiceField(
        label=_("Category (for a new item)"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("Same as before"),
    )
    new_item = forms.BooleanField(label=_("It's a new item"), required=False)

    def __init__(self, *args, suggest_url="", **kwargs):
        super().__init__(*args, **kwargs)
        if suggest_url:
            # Type-ahead: refresh the shared <datalist> with names matching what is typed.
            self.fields["name"].widget.attrs.update(
                {
                    "hx-get": suggest_url,
                    "hx-trigger": "input changed delay:300ms",
                    "hx-sync": "this:replace",
                    "hx-target": "#item-suggestions",
                    "hx-swap": "innerHTML",
                }
            )

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("quantity"):
            self.add_error("quantity", _("How many came in?"))
        if data.get("quantity") and not data.get("name"):
            self.add_error("name", _("What came in?"))
        return data

    @property
    def is_blank(self):
        return not (self.cleaned_data.get("name") or self.cleaned_data.get("quantity"))


class BaseIntakeFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if all(form.is_blank for form in self.forms):
            raise forms.ValidationError(_("Add at least one item with how many came in."))


IntakeFormSet = forms.formset_factory(
    IntakeLineForm, formset=BaseIntakeFormSet, extra=4, max_num=40, absolute_max=40
)
INTAKE_DAMAGED = _(
    "Part of the form came back damaged, so nothing was recorded. "
    "Check the lines below and send them again."
)


def intake_data_repair(data) -> bool:
    """Mend the formset's line count in a POST copy (mutable) whose count can't be read.

    The count is a hidden field: it only goes wrong in a crafted or mangled request. The
    lines that came with it are counted from their own field names, so what was typed shows
    again. Returns True when something had to be mended (the caller records nothing then).
    """
    prefix = IntakeFormSet.get_default_prefix()
    top = IntakeFormSet.absolute_max
    total = data.get(f"{prefix}-TOTAL_FORMS", "")
    if total.isdigit() and int(total) <= top and data.get(f"{prefix}-INITIAL_FORMS") == "0":
        return False
    sent = [key.split("-")[1] for key in data if key.startswith(f"{prefix}-")]
    indexes = [int(index) for index in sent if index.isdigit() and int(index) < top]
    data[f"{prefix}-TOTAL_FORMS"] = str(max([IntakeFormSet.extra - 1, *indexes]) + 1)
    data[f"{prefix}-INITIAL_FORMS"] = "0"
    return True


class BasketAddForm(forms.Form):
    item = forms.ModelChoiceField(queryset=Item.objects.all(), widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("How many"), min_value=1, max_value=10_000, initial=1)


class AdjustmentForm(forms.Form):
    quantity = forms.IntegerField(
        label=_("Change"),
        help_text=_("Negative takes away, e.g. -2 for two damaged."),
        min_value=-10_000,
        max_value=10_000,
    )
    reason = forms.ChoiceField(label=_("Why"), choices=AdjustmentReason.choices)
    note = forms.CharField(label=_("Note (optional)"), max_length=200, required=False)

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if quantity == 0:
            raise forms.ValidationError(_("Change the stock by at least one."))
        return quantity


class StocktakeForm(forms.Form):
    """One number field per item; leave blank what you did not count."""

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"count-{item.pk}"] = forms.IntegerField(
                label=str(item),
                required=False,
                min_value=0,
                max_value=100_000,
                help_text=_("Records say %(n)d") % {"n": item.quantity},
            )

    def rows(self):
        return [(item, self[f"count-{item.pk}"]) for item in self.items]

    def counts(self) -> dict[int, int]:
        return {
            item.pk: self.cleaned_data[f"count-{item.pk}"]
            for item in self.items
            if self.cleaned_data.get(f"count-{item.pk}") is not None
        }

    def clean(self):
        data = super().clean()
        if not self.errors and not self.counts():
            raise forms.ValidationError(_("Type at least one counted number."))
        return data


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["name", "category", "size", "condition", "target"]


class ThingForm(forms.ModelForm):
    class Meta:
        model = Thing
        fields = ["store", "name", "category", "description", "condition_notes", "loan_days"]


class PledgeForm(forms.Form):
    quantity = forms.IntegerField(label=_("How many can you bring?"), min_value=1, max_value=1000)


class BorrowForm(forms.Form):
    due_on = forms.DateField(label=_("Bring it back by"), widget=DateInput())

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        today = timezone.localdate()
        if due_on < today:
            raise forms.ValidationError(_("Pick a day from today on."))
        if due_on > today + datetime.timedelta(days=60):
            raise forms.ValidationError(_("Two months at most, so others get a turn."))
        return due_on


class ShiftForm(forms.ModelForm):
    class Meta:
        model = Shift
        fields = ["store", "starts_at", "ends_at", "places", "note"]
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The shift has to end after it starts."))
        return data


class MovementExportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date has to be on or after the start date."))
        if start and end and (end - start).days > 366 * 3:
            self.add_error("end", _("Three years at most per export."))
        return data
