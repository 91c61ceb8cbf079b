"""The hub's catalogs share one namespace: the same English text must read the same everywhere.

Django merges the root catalog and every app's catalog into one, so where two catalogs give
the same msgid different translations only one of them is ever shown, and the other page
reads wrong. A word that means different things in different places needs a context
(`pgettext_lazy("meeting status", "Cancelled")`, `{% translate "Open" context "action item" %}`).
"""

import gettext
from pathlib import Path

from django.conf import settings

import mutualaid

ROOT = Path(mutualaid.__file__).resolve().parent.parent
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def compiled_catalogs(language):
    """Every compiled catalog of the project for one language, by where it lives."""
    paths = [Path(path) for path in settings.LOCALE_PATHS]
    paths += [ROOT / app / "locale" for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]
    catalogs = {}
    for path in paths:
        mo = path / language / "LC_MESSAGES" / "django.mo"
        if mo.exists():
            with mo.open("rb") as handle:
                catalogs[str(mo.relative_to(ROOT))] = gettext.GNUTranslations(handle)._catalog
    return catalogs


def test_every_app_has_a_compiled_catalog_to_compare():
    for language in LANGUAGES:
        assert len(compiled_catalogs(language)) >= 5


def test_no_english_text_is_translated_two_ways_across_catalogs():
    clashes = []
    for language in LANGUAGES:
        seen = {}
        for name, catalog in compiled_catalogs(language).items():
            for key, text in catalog.items():
                if key == "":  # the header
                    continue
                if key in seen and seen[key][1] != text:
                    clashes.append(f"{language} {key!r}: {seen[key]} vs {(name, text)}")
                seen.setdefault(key, (name, text))
    assert clashes == []
