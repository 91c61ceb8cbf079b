"""The inbox settings: how a neighbor is told of each group of notices."""

from django import forms

from .models import NoticeSettings


class NoticeSettingsForm(forms.ModelForm):
    class Meta:
        model = NoticeSettings
        fields = ["answers", "messages", "fits", "store"]
        widgets = dict.fromkeys(fields, forms.RadioSelect)
