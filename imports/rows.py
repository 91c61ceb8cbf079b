"""Checking each row of a mapped sheet: what it would become, its stable key, and, when it
can't be imported, every reason why in plain words.

The preview and the import itself read rows through the same `RowChecker`, so what the
preview promises is what the import does. Every field others will read is held to the
contact-details check (`mutualaid.contact_details`); phone numbers, emails and addresses
belong in the columns mapped to the private contact note, and only there.
"""

import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mutualaid.contact_details import contact_details_in

from . import columns as c
from .models import RowKind
from .sheets import Table

TITLE_MAX = {RowKind.NEEDS: 120, RowKind.OFFERS: 120, RowKind.ITEMS: 100, RowKind.THINGS: 100}
DETAILS_MAX = 2000
CONTACT_MAX = 500
NAME_MAX = 40
SIZE_MAX = 30
QUANTITY_MAX = 10_000

FIELD_WORDS = {
    "title": gettext_lazy("what it is"),
    "area": gettext_lazy("area"),
    "category": gettext_lazy("category"),
    "quantity": gettext_lazy("how many"),
    "name": gettext_lazy("first name"),
    "details": gettext_lazy("details"),
    "contact": gettext_lazy("contact note"),
    "size": gettext_lazy("size"),
}


def problem_text(code: str, column: str = "", value: str = "") -> str:
    """A refusal's reason, in the reader's language (stored as code, column and value)."""
    what = str(FIELD_WORDS.get(column, column))
    texts = {
        "missing": _("Nothing under %(field)s.") % {"field": what},
        "too_short": _("The title is too short to say what this is."),
        "too_long": _("The %(field)s is longer than %(max)s characters.")
        % {"field": what, "max": value},
        "unknown_area": _("“%(value)s” is not one of the hub's areas: choose which it is.")
        % {"value": value},
        "unknown_category": _("“%(value)s” is not one of the hub's categories: choose which it is.")
        % {"value": value},
        "contact_phone": _(
            "A phone number in “%(column)s”, which others would read. Map that column to the "
            "private contact note, or take the number out."
        )
        % {"column": column},
        "contact_email": _(
            "An email address in “%(column)s”, which others would read. Map that column to "
            "the private contact note, or take the address out."
        )
        % {"column": column},
        "contact_address": _(
            "A street address in “%(column)s”, which others would read. Map that column to "
            "the private contact note, or take the address out."
        )
        % {"column": column},
        "no_name": _("Contact details but no first name: say who this is for."),
        "bad_number": _("“%(value)s” under %(field)s is not a whole number from 1 to %(max)s.")
        % {"value": value, "field": what, "max": QUANTITY_MAX},
        "new_item": _("“%(value)s” is new to this store: give it a category.") % {"value": value},
        # Refused while writing (by the store, say): the reason was said when it happened.
        "refused": value,
    }
    return texts.get(code, code)


@dataclass
class RowCheck:
    number: int  # the sheet's row number
    key: str
    values: dict = field(default_factory=dict)
    # [code, column, value] each, rendered by problem_text.
    problems: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _joined(parts: list[tuple[str, str]], separator: str) -> str:
    filled = [(header, value) for header, value in parts if value]
    if len(filled) == 1:
        return filled[0][1]
    return separator.join(f"{header}: {value}" for header, value in filled)


def _short_title(text: str, limit: int) -> str:
    """A long answer becomes a title cut at a word, the whole of it going into the details."""
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def row_key(kind: str, values: dict[str, str], timestamp: str) -> str:
    """A sheet's timestamp and who the row is from, when it has them (so a later export,
    even with edited words, is recognized); otherwise every mapped cell."""
    if timestamp:
        who = values.get("name") or values.get("contact") or values.get("title", "")
        parts = [kind, "ts", c.normalized(timestamp), c.normalized(who)]
    else:
        parts = [kind, "cells"] + [
            f"{name}={c.normalized(value)}" for name, value in sorted(values.items())
        ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class RowChecker:
    """Built once per import: the hub's areas and categories, the store's items."""

    def __init__(self, *, kind: str, table: Table, columns: dict, values: dict, store=None):
        self.kind = kind
        self.table = table
        self.targets = c.targets_for(kind)
        self.by_target: dict[str, list[int]] = {}
        for index, name in sorted(columns.items(), key=lambda pair: int(pair[0])):
            if name in self.targets and int(index) < len(table.headers):
                self.by_target.setdefault(name, []).append(int(index))
        self.chosen = values
        self.areas = c.Names("area")
        self.categories = c.Names("category")
        self.known_items: set[tuple[str, str]] = set()
        if kind == RowKind.ITEMS and store is not None:
            from freestore.models import Item

            self.known_items = {
                (name.casefold(), size)
                for name, size in Item.objects.filter(store=store).values_list("name", "size")
            }

    def header(self, index: int) -> str:
        return self.table.headers[index]

    def cells(self, row: list[str], target: str) -> list[tuple[str, str]]:
        return [
            (self.header(index), row[index] if index < len(row) else "")
            for index in self.by_target.get(target, [])
        ]

    def cell(self, row: list[str], target: str) -> str:
        found = self.cells(row, target)
        return found[0][1] if found else ""

    def unknown_values(self) -> dict[str, list[str]]:
        """Per area/category: the sheet's words that name nothing the hub knows yet."""
        unknown = {}
        for target, names in (("area", self.areas), ("category", self.categories)):
            seen = {}
            for row in self.table.rows:
                words = self.cell(row, target)
                key = c.normalized(words)
                if key and key not in seen and names.find(words, self.chosen.get(target)) is None:
                    seen[key] = words
            if seen:
                unknown[target] = sorted(seen.values(), key=str.casefold)
        return unknown

    def check(self, position: int) -> RowCheck:
        row = self.table.rows[position]
        problems = []
        values = {}
        # What the row says, field by field (raw), for the key.
        raw = {name: _joined(self.cells(row, name), "; ") for name in self.by_target}
        raw.pop("timestamp", None)
        key = row_key(self.kind, raw, self.cell(row, "timestamp"))

        title = self.cell(row, "title")
        details = _joined(self.cells(row, "details"), "\n")
        limit = TITLE_MAX[self.kind]
        if not title:
            problems.append(["missing", "title", ""])
        elif len(title) < 3:
            problems.append(["too_short", "title", ""])
        elif len(title) > limit:
            details = f"{title}\n\n{details}".strip()
            title = _short_title(title, limit)
        values["title"] = title
        if len(details) > DETAILS_MAX:
            problems.append(["too_long", "details", str(DETAILS_MAX)])
        values["details"] = details

        # Every field others read: nothing that looks like a way to reach someone.
        for target in ("title", "details", "name", "size", "condition_notes"):
            for header, cell in self.cells(row, target):
                kind = contact_details_in(cell)
                if kind:
                    problems.append([f"contact_{kind}", header, ""])

        if "category" in self.targets:
            words = self.cell(row, "category")
            category = self.categories.find(words, self.chosen.get("category")) if words else None
            if category is None and self.kind != RowKind.ITEMS:
                problems.append(
                    ["unknown_category", "category", words]
                    if words
                    else ["missing", "category", ""]
                )
            elif category is None and words:
                problems.append(["unknown_category", "category", words])
            values["category"] = category.pk if category else None

        if "area" in self.targets:
            words = self.cell(row, "area")
            area = self.areas.find(words, self.chosen.get("area")) if words else None
            if area is None:
                problems.append(
                    ["unknown_area", "area", words] if words else ["missing", "area", ""]
                )
            values["area"] = area.pk if area else None

        getattr(self, f"_check_{self.kind}")(row, values, problems)
        return RowCheck(
            number=self.table.numbers[position], key=key, values=values, problems=problems
        )

    def _check_needs(self, row, values, problems):
        values["urgency"] = c.urgency_of(self.cell(row, "urgency"))
        name = self.cell(row, "name").split(" ")[0] if self.cell(row, "name") else ""
        if len(name) > NAME_MAX:
            problems.append(["too_long", "name", str(NAME_MAX)])
        values["name"] = name
        contact = _joined(self.cells(row, "contact"), "; ")
        if len(contact) > CONTACT_MAX:
            problems.append(["too_long", "contact", str(CONTACT_MAX)])
        if contact and not name:
            problems.append(["no_name", "", ""])
        values["contact"] = contact

    def _check_offers(self, row, values, problems):
        values["kind"] = c.offer_kind_of(self.cell(row, "offer_kind"))

    def _check_items(self, row, values, problems):
        quantity = self._number(row, "quantity", problems, required=True)
        values["quantity"] = quantity
        size = self.cell(row, "size")
        if len(size) > SIZE_MAX:
            problems.append(["too_long", "size", str(SIZE_MAX)])
        values["size"] = size
        values["condition"] = c.condition_of(self.cell(row, "condition"))
        known = (" ".join(values["title"].split()).casefold(), size) in self.known_items
        unknown = any(p[0] == "unknown_category" for p in problems)
        if values["title"] and not known and values.get("category") is None and not unknown:
            problems.append(["new_item", "title", values["title"]])

    def _check_things(self, row, values, problems):
        values["condition_notes"] = self.cell(row, "condition_notes")
        days = self._number(row, "loan_days", problems, required=False)
        values["loan_days"] = min(days, 60) if days else 7

    def _number(self, row, target, problems, *, required):
        words = self.cell(row, target).replace(",", "").strip()
        if not words:
            if required:
                problems.append(["missing", target, ""])
            return None
        try:
            number = float(words)
        except ValueError:
            number = None
        if number is None or not number.is_integer() or not 1 <= number <= QUANTITY_MAX:
            problems.append(["bad_number", target, self.cell(row, target)[:40]])
            return None
        return int(number)
