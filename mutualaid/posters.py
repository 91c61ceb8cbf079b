"""Printable posters: one page each, with a QR code drawn on the server, in a chosen language.

A poster is a public page that does not wear the site's menu and footer
(`templates/poster_base.html`). Its language is chosen with `?lang=es`, apart from the
language the visitor reads the hub in, and its QR code (SVG, made by segno, no outside
service) opens the page it summarizes at the hub's absolute address (`site_url`).
"""

import segno
from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .site_url import site_url


def absolute_url(request, path: str) -> str:
    return site_url(request) + path


def qr_svg(url: str, *, label: str) -> SafeString:
    """An inline SVG QR code for `url`, scaled by CSS, named `label` for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=4, omitsize=True, svgclass="qr", lineclass="qr-line", light="#fff")
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))  # noqa: S308


def poster_language(request) -> str:
    """`?lang=` when it names a language the hub speaks, else the visitor's own."""
    chosen = request.GET.get("lang", "")
    if chosen in dict(settings.LANGUAGES):
        return chosen
    return translation.get_language() or settings.LANGUAGE_CODE


def _language_links(request, current: str) -> list[dict]:
    params = request.GET.copy()
    links = []
    for code, _name in settings.LANGUAGES:
        params["lang"] = code
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": f"{request.path}?{params.urlencode()}",
                "current": code == current,
            }
        )
    return links


def poster_render(request, template: str, context: dict, *, qr_path: str, back_url: str):
    """Render a poster in its chosen language, with a QR code that opens `qr_path`."""
    language = poster_language(request)
    qr_url = absolute_url(request, qr_path)
    with translation.override(language):
        context = {
            **context,
            "poster_language": language,
            "language_links": _language_links(request, language),
            "qr_url": qr_url,
            "qr": qr_svg(qr_url, label=_("QR code that opens %(url)s") % {"url": qr_url}),
            "back_url": back_url,
        }
        response = render(request, template, context)
    response["Content-Language"] = language
    return response
