"""Spotting contact details in text that others will read.

Posts are read by every signed-in neighbor (or by everyone), so they never carry a phone
number, an email address or a street address: neighbors reach each other through the hub's
private messages, and places are areas. This is a best effort that errs towards letting
everyday numbers through (sizes, times, years, prices); its job is to catch the honest
mistake of typing your number into a post, with a plain message saying why.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Digits joined by spaces, dots, dashes or brackets, as phone numbers are written.
_PHONE = re.compile(r"(?<![\w/:,])\+?\(?\d[\d\s().-]{5,}\d(?![\w/:,])")
_YEARS = re.compile(r"^(?:19|20)\d\d\s*-\s*(?:19|20)\d\d$")
# "123 Main Street", "45 Oak Ave": a number, a capitalized name, a street word.
_STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-ZÀ-Ý][\w'-]*\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl)\b"
)
# "calle 5", "carrera 7", "av. 3": Spanish street names are mostly numbered.
_CALLE = re.compile(r"\b(?:calle|carrera|cra\.?|avenida|av\.)\s*\d+", re.IGNORECASE)

MESSAGES = {
    "phone": _(
        "This looks like a phone number. Please take it out: neighbors reach you through "
        "the hub's private messages, so your number stays yours."
    ),
    "email": _(
        "This looks like an email address. Please take it out: neighbors reach you through "
        "the hub's private messages, so your address stays yours."
    ),
    "address": _(
        "This looks like a street address. Please take it out and choose your area instead; "
        "you can agree where to meet in a private message."
    ),
}


def contact_details_in(text: str) -> str | None:
    """ "phone", "email" or "address" when `text` seems to hold one, else None."""
    if not text:
        return None
    if _EMAIL.search(text):
        return "email"
    for match in _PHONE.finditer(text):
        number = match.group().strip()
        groups = re.findall(r"\d+", number)
        if (
            sum(len(group) for group in groups) >= 7
            and max(len(group) for group in groups) >= 3
            and not _YEARS.match(number)
        ):
            return "phone"
    if _STREET.search(text) or _CALLE.search(text):
        return "address"
    return None


def check_no_contact_details(text: str) -> None:
    """A form field's validator: raise with a plain message when `text` has contact details."""
    kind = contact_details_in(text)
    if kind:
        raise ValidationError(MESSAGES[kind], code=f"contact_{kind}")
