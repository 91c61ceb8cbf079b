"""What a sheet's columns can become, guessed from their headers, and how a cell's words
find the hub's area, category, urgency or kind.

Guessing reads headers the way forms write them, in English and Spanish ("What do you need?",
"¿Qué necesitas?", "Neighborhood", "Barrio", "Phone", "Timestamp", "Marca temporal"), and the
organizer corrects what it got wrong. A column whose cells look like phone numbers or email
addresses is taken for contact details whatever its header says, so they land in the private
note rather than in a post.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mutualaid.contact_details import contact_details_in
from mutualaid.models import SEEDED_CATEGORY_NAMES, Area, Category

from .models import NameAlias, RowKind

IGNORE = ""


@dataclass(frozen=True)
class Target:
    name: str
    label: object
    required: bool = False
    many: bool = False  # several columns may feed it (joined)
    private: bool = False


TITLE = Target("title", _("What it is (the title)"), required=True)
DETAILS = Target("details", _("Details"), many=True)
CATEGORY = Target("category", _("Category"), required=True)
AREA = Target("area", _("Area"), required=True)
URGENCY = Target("urgency", _("How soon"))
NAME = Target("name", _("First name of the neighbor (public)"))
CONTACT = Target(
    "contact", _("Phone, email or address (private contact note)"), many=True, private=True
)
TIMESTAMP = Target("timestamp", _("When it was sent (timestamp)"))
OFFER_KIND = Target("offer_kind", _("Kind of offer"))
ITEM_NAME = Target("title", _("Item name"), required=True)
QUANTITY = Target("quantity", _("How many came in"), required=True)
SIZE = Target("size", _("Size"))
CONDITION = Target("condition", _("Condition"))
THING_NAME = Target("title", _("Thing name"), required=True)
CONDITION_NOTES = Target("condition_notes", _("Condition notes"))
LOAN_DAYS = Target("loan_days", _("Usual loan (days)"))
# Offers and things hold no private note: their contact columns are left out, never kept.
DROP_CONTACT = Target("contact", _("Phone, email or address (left out)"), many=True, private=True)

TARGETS = {
    RowKind.NEEDS: [TITLE, DETAILS, CATEGORY, AREA, URGENCY, NAME, CONTACT, TIMESTAMP],
    RowKind.OFFERS: [TITLE, DETAILS, CATEGORY, AREA, OFFER_KIND, DROP_CONTACT, TIMESTAMP],
    RowKind.ITEMS: [ITEM_NAME, QUANTITY, SIZE, CONDITION, CATEGORY, TIMESTAMP],
    RowKind.THINGS: [THING_NAME, DETAILS, CATEGORY, CONDITION_NOTES, LOAN_DAYS, DROP_CONTACT],
}


def targets_for(kind: str) -> dict[str, Target]:
    return {target.name: target for target in TARGETS[kind]}


def normalized(text: str) -> str:
    """Lowercase, no accents, no punctuation, single spaces: how headers and names compare."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


# Header words per field, most telling first; the first field with a hit wins. Contact comes
# first so "Phone number of the person in need" is never taken for a need.
HEADER_WORDS = [
    (
        "contact",
        [
            "phone",
            "telefono",
            "tel",
            "mobile",
            "movil",
            "cell",
            "celular",
            "whatsapp",
            "email",
            "e mail",
            "correo",
            "address",
            "direccion",
            "domicilio",
            "contact",
            "contacto",
            "how can we reach",
            "como te contactamos",
        ],
    ),
    (
        "timestamp",
        ["timestamp", "marca temporal", "submitted", "enviado", "created", "fecha", "date"],
    ),
    (
        "area",
        [
            "neighborhood",
            "neighbourhood",
            "barrio",
            "area",
            "zona",
            "zone",
            "colonia",
            "sector",
            "vecindario",
        ],
    ),
    (
        "name",
        ["first name", "your name", "name", "nombre", "tu nombre", "who is it for", "para quien"],
    ),
    ("offer_kind", ["kind of offer", "tipo de oferta"]),
    (
        "category",
        ["category", "categoria", "type of help", "tipo de ayuda", "kind of help", "tipo", "type"],
    ),
    (
        "urgency",
        [
            "how soon",
            "how urgent",
            "urgency",
            "urgencia",
            "urgent",
            "para cuando",
            "cuando",
            "when",
        ],
    ),
    (
        "quantity",
        [
            "how many",
            "quantity",
            "qty",
            "count",
            "cantidad",
            "cuantos",
            "cuantas",
            "number of",
            "numero de",
            "units",
            "unidades",
        ],
    ),
    ("size", ["size", "talla", "tamano", "medida"]),
    ("loan_days", ["loan days", "days", "dias de prestamo", "dias"]),
    ("condition_notes", ["condition notes", "notas de estado"]),
    ("condition", ["condition", "estado", "condicion"]),
    (
        "title",
        [
            "what do you need",
            "what you need",
            "que necesitas",
            "que necesita",
            "what can you offer",
            "what can you share",
            "que puedes ofrecer",
            "que puedes compartir",
            "need",
            "necesidad",
            "necesito",
            "offer",
            "oferta",
            "title",
            "titulo",
            "item",
            "articulo",
            "thing",
            "cosa",
            "what",
            "que",
            "request",
            "pedido",
            "solicitud",
        ],
    ),
    (
        "details",
        [
            "details",
            "detalles",
            "anything else",
            "algo mas",
            "more",
            "mas",
            "notes",
            "notas",
            "description",
            "descripcion",
            "comments",
            "comentarios",
            "tell us",
            "cuentanos",
            "other",
            "otro",
        ],
    ),
]


# A date or a time, as sheets write them: digits that are not a phone number.
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


def _looks_like_contact(cell: str) -> bool:
    return not _DATE.match(cell.strip()) and contact_details_in(cell) is not None


def _has_words(header: str, words: str) -> bool:
    return re.search(rf"(?:^| ){re.escape(words)}(?: |$)", header) is not None


def guess_target(header: str, cells: list[str], kind: str) -> str:
    """The field a column probably is, or IGNORE."""
    allowed = targets_for(kind)
    filled = [cell for cell in cells if cell][:50]
    if filled and sum(map(_looks_like_contact, filled)) * 2 > len(filled):
        return "contact" if "contact" in allowed else IGNORE
    header = normalized(header)
    for name, words in HEADER_WORDS:
        if any(_has_words(header, phrase) for phrase in words):
            return name if name in allowed else IGNORE
    return IGNORE


def guess_columns(headers: list[str], rows: list[list[str]], kind: str) -> dict[str, str]:
    """Column index (as text) -> field, each single field used once (the first column)."""
    allowed = targets_for(kind)
    guessed, taken = {}, set()
    for index, header in enumerate(headers):
        cells = [row[index] for row in rows[:200] if index < len(row)]
        name = guess_target(header, cells, kind)
        if name and (allowed[name].many or name not in taken):
            guessed[str(index)] = name
            taken.add(name)
    return guessed


# Everyday words for the seeded categories, in both languages (normalized).
CATEGORY_WORDS = {
    "food": [
        "food",
        "comida",
        "alimentos",
        "groceries",
        "despensa",
        "meals",
        "comidas",
        "mercado",
        "viveres",
    ],
    "clothing-household": [
        "clothing",
        "clothes",
        "ropa",
        "household",
        "hogar",
        "casa",
        "furniture",
        "muebles",
        "ropa y hogar",
    ],
    "childcare": [
        "childcare",
        "child care",
        "babysitting",
        "ninos",
        "cuidado de ninos",
        "kids",
        "children",
        "guarderia",
    ],
    "health": [
        "health",
        "salud",
        "medicine",
        "medicina",
        "mental health",
        "salud mental",
        "medical",
        "medico",
    ],
    "housing": ["housing", "vivienda", "rent", "renta", "alquiler", "tenants", "inquilinos"],
    "tools-garden": ["tools", "herramientas", "garden", "jardin", "tools and garden"],
    "repairs": ["repairs", "repair", "reparaciones", "arreglos", "handyman", "trades", "oficios"],
    "transport": [
        "transport",
        "transportation",
        "transporte",
        "rides",
        "ride",
        "errands",
        "mandados",
        "viajes",
    ],
    "learning": [
        "learning",
        "books",
        "libros",
        "tutoring",
        "clases",
        "educacion",
        "education",
        "school",
        "escuela",
        "aprendizaje",
    ],
    "other": ["other", "otro", "otra", "otros", "misc", "miscellaneous", "varios"],
}

URGENCY_WORDS = {
    "today": [
        "today",
        "hoy",
        "urgent",
        "urgente",
        "asap",
        "now",
        "ahora",
        "ya",
        "right away",
        "lo antes posible",
        "emergency",
        "emergencia",
    ],
    "week": [
        "this week",
        "esta semana",
        "week",
        "semana",
        "soon",
        "pronto",
        "in a few days",
        "en unos dias",
    ],
    "whenever": [
        "whenever",
        "cuando sea",
        "any time",
        "anytime",
        "no rush",
        "sin prisa",
        "no urgency",
        "later",
        "despues",
    ],
}

OFFER_KIND_WORDS = {
    "things": ["things", "thing", "cosas", "goods", "items", "objetos", "donation", "donacion"],
    "time": ["time", "tiempo", "hours", "horas", "volunteering", "voluntariado"],
    "skill": ["skill", "skills", "habilidad", "habilidades", "a skill", "oficio", "talent"],
    "lend": ["lend", "prestar", "loan", "prestamo", "something to lend", "borrow"],
}

CONDITION_WORDS = {
    "new": ["new", "nuevo", "nueva", "sin usar", "unused"],
    "good": ["good", "bueno", "buena", "bien", "like new", "como nuevo", "used", "usado"],
    "worn": ["worn", "gastado", "gastada", "worn but fine", "fair", "regular"],
}


def _word_lookup(table: dict[str, list[str]], words: str) -> str | None:
    words = normalized(words)
    for value, synonyms in table.items():
        if words == value or words in synonyms:
            return value
    return None


def urgency_of(words: str) -> str:
    return (_word_lookup(URGENCY_WORDS, words) or "whenever") if words else "whenever"


def offer_kind_of(words: str) -> str:
    return (_word_lookup(OFFER_KIND_WORDS, words) or "things") if words else "things"


def condition_of(words: str) -> str:
    return (_word_lookup(CONDITION_WORDS, words) or "good") if words else "good"


class Names:
    """The hub's areas or categories by every name a sheet may use: their names and short
    names, the seeded categories' names in each language and everyday words, and what an
    organizer mapped by hand before (NameAlias)."""

    def __init__(self, field: str):
        self.field = field
        model = Area if field == "area" else Category
        self.objects = {thing.pk: thing for thing in model.objects.all()}
        self.by_words: dict[str, int] = {}
        for thing in self.objects.values():
            self._add(thing.name, thing.pk)
            self._add(thing.slug.replace("-", " "), thing.pk)
            if field == "category" and thing.slug in SEEDED_CATEGORY_NAMES:
                for code in ("en", "es"):
                    with translation.override(code):
                        self._add(str(SEEDED_CATEGORY_NAMES[thing.slug]), thing.pk)
                for words in CATEGORY_WORDS.get(thing.slug, []):
                    self._add(words, thing.pk)
        aliases = NameAlias.objects.filter(**{f"{field}__isnull": False})
        for alias in aliases.values_list("words", field):
            self.by_words[alias[0]] = alias[1]

    def _add(self, words: str, pk: int):
        self.by_words.setdefault(normalized(words), pk)
        # "Clothing & household" is found by "clothing and household" and "clothing".
        self.by_words.setdefault(normalized(words.replace("&", " and ")), pk)

    def find(self, words: str, chosen: dict[str, int] | None = None):
        """The area/category these words name (by hand in `chosen` first), or None."""
        key = normalized(words)
        if chosen and key in chosen:
            return self.objects.get(chosen[key])
        pk = self.by_words.get(key)
        return self.objects.get(pk) if pk else None
