"""The hub's one date widget and one date-and-time widget.

Browsers read and send `<input type=date>` and `datetime-local` values only as ISO 8601,
whatever the page's language, so these render ISO values; the fields still accept the
language's own input formats too.
"""

from django import forms

DATE_INPUT = "%Y-%m-%d"
DATETIME_LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATE_INPUT)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_LOCAL_INPUT)
