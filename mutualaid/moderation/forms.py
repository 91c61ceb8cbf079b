"""Forms for reporting an item and for the moderators' decisions and notes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What's wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Anything else the moderators should know (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only moderators read this. The person you report is not told who you are."),
    )


class ReportDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("What should happen?"), choices=Report.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept in the moderation log. A warned or suspended neighbor reads it in their email."
        ),
    )


class ModerationNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the log (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
