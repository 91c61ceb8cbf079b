"""Translating a post between English and Spanish with Apertium, on this machine.

Apertium (Debian's `apertium-en-es`) is rule-based and offline: about a tenth of a second a
sentence, so it runs in a background task after a post is saved, never on a request. Without
it, posts simply have no translation and matching works as before (`manage.py check` says so).
"""

import logging
import shutil
import subprocess

logger = logging.getLogger(__name__)

# Apertium's names for the two directions.
PAIRS = {("es", "en"): "spa-eng", ("en", "es"): "eng-spa"}
TIMEOUT_SECONDS = 20


def _apertium() -> str | None:
    return shutil.which("apertium")


def available() -> bool:
    program = _apertium()
    if program is None:
        return False
    try:
        modes = subprocess.run(  # noqa: S603 (a fixed program and arguments)
            [program, "-l"], capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return False
    return all(pair in modes for pair in PAIRS.values())


def translate(text: str, *, source: str, target: str) -> str | None:
    """`text` in `target`, or None when it can't be translated here."""
    pair = PAIRS.get((source, target))
    if not text.strip():
        return ""
    program = _apertium()
    if pair is None or program is None:
        return None
    try:
        # The text goes in on standard input, never as an argument.
        done = subprocess.run(  # noqa: S603
            [program, "-u", pair],
            input=text,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        logger.warning("Could not translate a post (%s): %s", pair, error)
        return None
    return done.stdout.strip()


def other_language(language: str) -> str:
    return "es" if language == "en" else "en"
