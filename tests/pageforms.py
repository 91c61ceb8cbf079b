"""Read the forms a page serves, and fill them the way a neighbor would.

Used by the hostile-input and double-submit tests, so they cover every form on the pages
without a hand-written list that goes stale.
"""

from datetime import timedelta
from html.parser import HTMLParser

from django.utils import timezone

PLAIN_TEXT = "Winter coat, size 8"
PLAIN_LONG_TEXT = "Any evening this week works. Thank you!"


class FormReader(HTMLParser):
    """Every form on a page: method, action, and fields with their current values and types."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "fields": {},
                "types": {},
                "choices": {},
            }
            self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            form["types"][name] = kind
            values = form["fields"].setdefault(name, [])
            if kind in ("checkbox", "radio"):
                form["choices"].setdefault(name, []).append(attrs.get("value") or "on")
                if "checked" in attrs:
                    values.append(attrs.get("value") or "on")
                return
            values.append(attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = name
            form["types"][name] = "select-multiple" if "multiple" in attrs else "select"
            form["fields"].setdefault(name, [])
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            form["choices"].setdefault(self._select, []).append(value)
            if "selected" in attrs:
                form["fields"][self._select].append(value)
        elif tag == "textarea" and name:
            self._textarea = name
            form["types"][name] = "textarea"
            form["fields"][name] = [""]

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form["fields"][self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_on(html: str) -> list[dict]:
    reader = FormReader()
    reader.feed(html)
    return reader.forms


def filled(form: dict) -> dict[str, list[str]]:
    """The form's own values, with every empty field given a plain, valid-looking answer."""
    soon = timezone.localtime() + timedelta(days=2)
    answers = {
        "text": PLAIN_TEXT,
        "search": "coat",
        "textarea": PLAIN_LONG_TEXT,
        "number": "1",
        "email": "neighbor@example.org",
        "url": "https://meet.example.org/hub",
        "date": soon.date().isoformat(),
        "datetime-local": soon.strftime("%Y-%m-%dT18:00"),
        "time": "18:00",
        "tel": "555 0100",
        "password": "a long enough passphrase",
    }
    data = {}
    for name, values in form["fields"].items():
        kind = form["types"].get(name, "text")
        if values and any(value.strip() for value in values):
            data[name] = list(values)
        elif kind in ("datetime-local", "time") and "end" in name:
            data[name] = [answers[kind].replace("18:00", "20:00")]
        elif kind in ("select", "radio"):
            options = [value for value in form["choices"].get(name, []) if value]
            data[name] = options[:1]
        elif kind in ("checkbox", "select-multiple", "hidden"):
            data[name] = list(values)
        else:
            data[name] = [answers.get(kind, PLAIN_TEXT)]
    return data
