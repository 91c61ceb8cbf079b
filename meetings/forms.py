"""Forms for meetings, agenda items, RSVPs, polls, minutes and the decision log search."""

from django import forms
from django.contrib.auth import get_user_model
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from mutualaid.roles import ORGANIZER
from mutualaid.widgets import DateInput, DateTimeLocalInput

from .models import (
    KIND_HINTS,
    OUTCOME_HINTS,
    POLL_HINTS,
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    PollAnswer,
    Rsvp,
    explained,
)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "area",
            "place_name",
            "online_url",
            "access_notes",
            "language",
            "organizers",
        ]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "access_notes": forms.Textarea(attrs={"rows": 2}),
            "organizers": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "starts_at": _("In the hub's local time."),
            "online_url": _("Optional. A video call link for people joining from home."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organizers = self.fields["organizers"]
        organizers.queryset = (
            get_user_model().objects.filter(groups__name=ORGANIZER).order_by("display_name")
        )
        organizers.required = False
        organizers.label = _("Organizers")
        organizers.help_text = _("You are added as an organizer.")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting has to end after it starts."))
        if not (data.get("area") or data.get("place_name") or data.get("online_url")):
            raise forms.ValidationError(
                _("Say where the meeting happens: an area, a place or an online link.")
            )
        return data


class AgendaItemForm(forms.ModelForm):
    """Organizers add and edit items on the agenda."""

    class Meta:
        model = AgendaItem
        fields = ["title", "description", "kind", "time_box_minutes", "facilitator"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"time_box_minutes": _("Time box (minutes)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_box_minutes"].min_value = 1
        self.fields["time_box_minutes"].max_value = 480
        self.fields["time_box_minutes"].widget.attrs.update(min=1, max=480)
        # The unmet needs item comes with its own snapshot: it has its own button.
        kinds = AgendaItem.Kind.choices
        if not (self.instance.pk and self.instance.kind == AgendaItem.Kind.UNMET_NEEDS):
            kinds = [choice for choice in kinds if choice[0] != AgendaItem.Kind.UNMET_NEEDS]
        self.fields["kind"].widget = forms.RadioSelect()
        self.fields["kind"].choices = explained(kinds, KIND_HINTS)


class ProposalForm(AgendaItemForm):
    """Any signed-in neighbor proposes an item. Organizers set the facilitator."""

    class Meta(AgendaItemForm.Meta):
        fields = ["title", "description", "kind", "time_box_minutes"]
        labels = {
            "title": _("What should we talk about?"),
            "time_box_minutes": _("How many minutes might it need?"),
        }


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not this time?"),
        help_text=_("The neighbor who proposed it will see this."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you come?"), choices=Rsvp.Answer.choices, widget=forms.RadioSelect
    )


class PollAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Where do you stand?"),
        choices=explained(PollAnswer.Answer.choices, POLL_HINTS),
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        help_text=_("Optional, but an objection needs a reason."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == PollAnswer.Answer.BLOCK and not data.get("reason", "").strip():
            self.add_error(
                "reason", _("An objection needs a reason, so everyone can understand and respond.")
            )
        return data


class DecisionRecordForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["outcome", "text"]
        widgets = {"outcome": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": _("What was decided")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = explained(Decision.Outcome.choices, OUTCOME_HINTS)


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["attendance_count", "minutes"]
        labels = {"minutes": _("General minutes")}
        widgets = {"minutes": forms.Textarea(attrs={"rows": 5})}


class ItemMinutesForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 3})}


ItemMinutesFormSet = modelformset_factory(AgendaItem, form=ItemMinutesForm, extra=0)


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["what", "owner_name", "due", "decision"]
        widgets = {"due": DateInput()}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = meeting.decisions.order_by("pk")
        self.fields["decision"].required = False
        self.fields["decision"].empty_label = _("Not tied to a decision")


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label=_("Search decisions"), required=False, max_length=200)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Any outcome")), *Decision.Outcome.choices],
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date comes before the start date."))
        return data

    def filter(self, queryset):
        """The decisions matching the search; the whole log when the form is empty or invalid."""
        if not self.is_valid():
            return queryset.for_list()
        data = self.cleaned_data
        if data["outcome"]:
            queryset = queryset.filter(outcome=data["outcome"])
        if data["since"]:
            queryset = queryset.filter(decided_on__gte=data["since"])
        if data["until"]:
            queryset = queryset.filter(decided_on__lte=data["until"])
        queryset = queryset.for_list()
        text = data["q"].strip()
        if text:
            found = queryset.search(text)
            # A typo finds nothing in full-text search; similar titles are the next best.
            queryset = found if found.exists() else queryset.similar(text)
        return queryset
