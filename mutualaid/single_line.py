"""One-line text stays on one line: every form field that is not a textarea refuses line
breaks, tabs, NUL and the other control characters, in every form of the project.

Browsers drop line breaks from a one-line input, so such characters only come from a crafted
request, and they break what is built from the text later: email subjects, calendar lines,
CSV cells. Installed once, from the core's `AppConfig.ready()`, on Django's own `CharField`,
so model forms, allauth's forms and the admin are covered without each form opting in. The
widget is read when the value is checked, so a form that turns a field into a textarea in
its `__init__` keeps line breaks there. Textareas keep Django's own refusal of NUL.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SINGLE_LINE_MESSAGE = _(
    "Please write this on one line, without line breaks, tabs or other hidden characters."
)


def has_control_characters(value: str) -> bool:
    """True when `value` holds a C0 or C1 control character (line breaks and NUL included)."""
    return any(unicodedata.category(char) == "Cc" for char in value)


def is_single_line(widget) -> bool:
    return not isinstance(widget, forms.Textarea)


def install() -> None:
    """Make `forms.CharField` (and every field built on it) refuse control characters."""
    if getattr(forms.CharField.validate, "refuses_control_characters", False):
        return
    django_validate = forms.CharField.validate

    def validate(self, value):
        django_validate(self, value)
        single_line = isinstance(value, str) and is_single_line(self.widget)
        if single_line and has_control_characters(value):
            raise ValidationError(SINGLE_LINE_MESSAGE, code="control_characters")

    validate.refuses_control_characters = True
    forms.CharField.validate = validate
