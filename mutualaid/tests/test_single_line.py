"""Single-line text (titles, names, places) refuses line breaks, tabs and other control
characters everywhere; multi-line text keeps its line breaks but never takes a NUL byte."""

import importlib
import inspect

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from mutualaid.single_line import SINGLE_LINE_MESSAGE

PROJECT_FORM_MODULES = [
    "mutualaid.forms",
    "needs.forms",
    "offers.forms",
    "freestore.forms",
    "meetings.forms",
    "allauth.account.forms",
]


def project_form_fields():
    """(form, field name, field) for every CharField every project form class declares."""
    for module_name in PROJECT_FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, form_class in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form_class, forms.BaseForm) or not hasattr(form_class, "base_fields"):
                continue
            for field_name, field in form_class.base_fields.items():
                if isinstance(field, forms.CharField) and not isinstance(field, forms.JSONField):
                    yield f"{module_name}.{form_class.__name__}", field_name, field


def refusal(field, value) -> list[str]:
    try:
        field.clean(value)
    except ValidationError as error:
        return error.messages
    return []


FIELDS = list(project_form_fields())
SINGLE_LINE = [(form, name, field) for form, name, field in FIELDS
               if not isinstance(field.widget, forms.Textarea)]  # fmt: skip
MULTI_LINE = [(form, name, field) for form, name, field in FIELDS
              if isinstance(field.widget, forms.Textarea)]  # fmt: skip


def test_the_walk_finds_single_and_multi_line_fields_in_every_app():
    forms_seen = {form.split(".")[0] for form, _name, _field in SINGLE_LINE}
    assert {"mutualaid", "needs", "offers", "freestore", "meetings", "allauth"} <= forms_seen
    assert any(name == "title" for _form, name, _field in SINGLE_LINE)
    assert MULTI_LINE


@pytest.mark.parametrize(
    "value", ["one\ntwo", "one\rtwo", "one\ttwo", "a\x00b", "a\x07b", "a\x85b"]
)
def test_every_single_line_field_refuses_control_characters_in_plain_words(value):
    accepted = [f"{form}.{name}" for form, name, field in SINGLE_LINE if not refusal(field, value)]
    assert accepted == []
    plain_worded = [
        f"{form}.{name}"
        for form, name, field in SINGLE_LINE
        if type(field) in (forms.CharField, forms.SlugField, forms.RegexField)
        and SINGLE_LINE_MESSAGE not in refusal(field, value)
    ]
    assert plain_worded == []


def test_multi_line_fields_keep_line_breaks_and_tabs_but_refuse_nul():
    for form, name, field in MULTI_LINE:
        assert not refusal(field, "Line one\r\nline two\n\n\tindented"), f"{form}.{name}"
        assert refusal(field, "a\x00b"), f"{form}.{name}"


def test_single_line_refusal_reads_in_spanish():
    field = forms.CharField()
    with translation.override("es"):
        (message,) = refusal(field, "uno\ndos")
    assert "una sola línea" in message


def test_a_field_whose_widget_becomes_a_textarea_later_keeps_its_line_breaks():
    field = forms.CharField()
    field.widget = forms.Textarea()
    assert field.clean("one\ntwo") == "one\ntwo"
