"""Security headers on every page, served with the production settings, and the grade the
MDN HTTP Observatory's published scoring rules give them.

The production settings are not copied here: they are read by running mutualaid/settings.py
with DEBUG=false, so a change there is what these tests see.
"""

import re
import runpy
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from mutualaid.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "mutualaid" / "settings.py"
HOST = "hub.example.org"

# Settings that decide the headers and cookies; everything else stays as the tests have it.
SECURITY_SETTINGS = re.compile(
    r"^(DEBUG|SECURE_.*|SESSION_COOKIE_.*|CSRF_COOKIE_.*|LANGUAGE_COOKIE_.*|X_FRAME_OPTIONS|"
    r"CROSS_ORIGIN_RESOURCE_POLICY)$"
)


def production_security_settings(monkeypatch) -> dict:
    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", HOST)
    for name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "SECURE_HSTS_SECONDS", "BEHIND_PROXY"):
        monkeypatch.delenv(name, raising=False)
    values = runpy.run_path(str(SETTINGS_FILE))
    chosen = {name: value for name, value in values.items() if SECURITY_SETTINGS.match(name)}
    chosen["ALLOWED_HOSTS"] = [HOST]
    return chosen


@pytest.fixture
def production(monkeypatch):
    with override_settings(**production_security_settings(monkeypatch)):
        yield


def pages_without_arguments() -> list[str]:
    """Every URL the project defines that needs no argument, found by walking the URLconf."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = str(entry.pattern).removeprefix("^").removesuffix("$").removesuffix("\\Z")
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern):
                url = "/" + prefix + route
                if not re.search(r"[<(\[?*+\\]", url):
                    found.append(url)

    walk(get_resolver().url_patterns, "")
    return sorted(set(found)) + ["/no-such-page/"]


PAGES = pages_without_arguments()


def test_the_walk_finds_the_core_pages():
    for url in ["/", "/privacy/", "/accounts/login/", "/accounts/signup/", "/profile/"]:
        assert url in PAGES


# --- The MDN HTTP Observatory's scoring table, for the tests it defines ----------------------
# https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring
MODIFIERS = {
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    "redirection-to-https": 0,
    "redirection-not-to-https-on-initial-redirection": -10,
    "redirection-off-host-from-http": -5,
    "redirection-missing": -20,
    "redirection-not-to-https": -20,
    "referrer-policy-private": 5,
    "referrer-policy-no-referrer-when-downgrade": 0,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    "hsts-preloaded": 5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-implemented-and-external-scripts-loaded-securely": 5,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "sri-implemented-but-external-scripts-not-loaded-securely": -20,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 5,
    "x-frame-options-allow-from-origin": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    "cross-origin-resource-policy-implemented-with-same-origin": 10,
    "cross-origin-resource-policy-implemented-with-same-site": 10,
    "cross-origin-resource-policy-implemented-with-cross-origin": 0,
    "cross-origin-resource-policy-not-implemented": 0,
    "cross-origin-resource-policy-header-invalid": -5,
}
GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
    (0, "F"),
]
SIX_MONTHS = 15552000  # the Observatory accepts 180 days as "six months"
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}


def parse_csp(header: str) -> dict[str, set[str]]:
    policy = {}
    for directive in header.split(";"):
        parts = directive.split()
        if parts and parts[0].lower() not in policy:
            policy[parts[0].lower()] = set(parts[1:])
    return policy


def score_csp(header: str | None) -> str:
    if not header:
        return "csp-not-implemented"
    policy = parse_csp(header)
    if not policy:
        return "csp-header-invalid"
    fallback = policy.get("default-src", {"*"})
    script = set(policy.get("script-src", fallback))
    style = set(policy.get("style-src", fallback))
    objects = policy.get("object-src", fallback)
    for sources in (script, style):
        if any(s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for s in sources):
            sources.discard("'unsafe-inline'")
    passive_names = {"img-src", "media-src"}
    active = [s for name, sources in policy.items() if name not in passive_names for s in sources]
    passive = [s for name in passive_names for s in policy.get(name, fallback)]

    def insecure(sources):
        return any(s.startswith(("http:", "ftp:")) for s in sources)

    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline"
    if insecure(active):
        return "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval"
    if insecure(passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if style & (BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only"
    if policy.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none"
    return "csp-implemented-with-no-unsafe"


def score_hsts(header: str | None) -> str:
    if not header:
        return "hsts-not-implemented"
    match = re.search(r"max-age=\"?(\d+)", header, re.IGNORECASE)
    if not match:
        return "hsts-header-invalid"
    if int(match.group(1)) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months"
    # "hsts-preloaded" needs the host on the browsers' preload list, which a header can't prove.
    return "hsts-implemented-max-age-at-least-six-months"


def score_cookies(set_cookie_headers: list[str], hsts_ok: bool) -> str:
    order = [
        "cookies-without-secure-flag-but-protected-by-hsts",
        "cookies-without-secure-flag",
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        "cookies-samesite-flag-invalid",
        "cookies-anticsrf-without-samesite-flag",
        "cookies-session-without-httponly-flag",
        "cookies-session-without-secure-flag",
    ]
    worst = None

    def worse(result):
        nonlocal worst
        if worst is None or order.index(result) > order.index(worst):
            worst = result

    if not set_cookie_headers:
        return "cookies-not-found"
    missing_samesite = False
    for raw in set_cookie_headers:
        name = raw.split("=", 1)[0].strip().lower()
        attributes = {}
        for part in raw.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            attributes[key.lower()] = value.strip()
        secure, httponly = "secure" in attributes, "httponly" in attributes
        samesite = attributes.get("samesite")
        session = "login" in name or "sess" in name
        if samesite is not None and samesite.lower() not in {"lax", "strict", "none"}:
            worse("cookies-samesite-flag-invalid")
        if samesite is not None and samesite.lower() == "none" and not secure:
            worse("cookies-samesite-flag-invalid")
        if not secure:
            worse(
                "cookies-without-secure-flag-but-protected-by-hsts"
                if hsts_ok
                else "cookies-without-secure-flag"
            )
        if "csrf" in name and samesite is None:
            worse("cookies-anticsrf-without-samesite-flag")
        if session and not secure:
            worse(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts_ok
                else "cookies-session-without-secure-flag"
            )
        if session and not httponly:
            worse("cookies-session-without-httponly-flag")
        missing_samesite = missing_samesite or samesite is None
    if worst:
        return worst
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions"
    return "cookies-secure-with-httponly-sessions-and-samesite"


def score_cors(header: str | None) -> str:
    if not header:
        return "cross-origin-resource-sharing-not-implemented"
    if header.strip() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access"
    return "cross-origin-resource-sharing-implemented-with-restricted-access"


def score_redirection(response, host: str) -> str:
    if response.status_code not in (301, 302, 307, 308):
        return "redirection-missing"
    location = response["Location"]
    if not location.startswith("https://"):
        return "redirection-not-to-https"
    if not location.startswith(f"https://{host}/"):
        return "redirection-off-host-from-http"
    return "redirection-to-https"


def score_referrer(header: str | None) -> str:
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    unsafe = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
    if not header:
        return "referrer-policy-not-implemented"
    known = [p.strip().lower() for p in header.split(",") if p.strip().lower() in private | unsafe]
    if not known:
        return "referrer-policy-header-invalid"
    return "referrer-policy-private" if known[-1] in private else "referrer-policy-unsafe"


class ScriptCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def score_sri(response) -> str:
    if "text/html" not in response.get("Content-Type", ""):
        return "sri-not-implemented-response-not-html"
    collector = ScriptCollector()
    collector.feed(response.content.decode())
    sources = [s["src"] for s in collector.scripts if s.get("src")]
    if not sources:
        return "sri-not-implemented-but-no-scripts-loaded"
    external = [src for src in sources if src.startswith(("http:", "https:", "//"))]
    with_sri = all(s.get("integrity") for s in collector.scripts if s.get("src") in external)
    insecure = any(src.startswith(("http:", "//")) for src in external)
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
    if insecure:
        return (
            "sri-implemented-but-external-scripts-not-loaded-securely"
            if with_sri
            else "sri-not-implemented-and-external-scripts-not-loaded-securely"
        )
    return (
        "sri-implemented-and-external-scripts-loaded-securely"
        if with_sri
        else "sri-not-implemented-but-external-scripts-loaded-securely"
    )


def score_xcto(header: str | None) -> str:
    if not header:
        return "x-content-type-options-not-implemented"
    if header.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff"
    return "x-content-type-options-header-invalid"


def score_xfo(header: str | None, csp: str | None) -> str:
    if csp and "frame-ancestors" in parse_csp(csp):
        return "x-frame-options-implemented-via-csp"
    if not header:
        return "x-frame-options-not-implemented"
    value = header.strip().lower()
    if value in {"deny", "sameorigin"}:
        return "x-frame-options-sameorigin-or-deny"
    if value.startswith("allow-from"):
        return "x-frame-options-allow-from-origin"
    return "x-frame-options-header-invalid"


def score_corp(header: str | None) -> str:
    if not header:
        return "cross-origin-resource-policy-not-implemented"
    value = header.strip().lower()
    if value in {"same-origin", "same-site", "cross-origin"}:
        return f"cross-origin-resource-policy-implemented-with-{value}"
    return "cross-origin-resource-policy-header-invalid"


def observatory(https_response, http_response, host: str) -> tuple[int, str, dict]:
    """Score one page the way the Observatory does: penalties first, then, only when the
    score is still 90 or more, the bonuses."""
    headers = https_response.headers
    hsts = score_hsts(headers.get("Strict-Transport-Security"))
    results = {
        "content-security-policy": score_csp(headers.get("Content-Security-Policy")),
        "cookies": score_cookies(
            [morsel.OutputString() for morsel in https_response.cookies.values()],
            hsts_ok=hsts == "hsts-implemented-max-age-at-least-six-months",
        ),
        "cross-origin-resource-sharing": score_cors(headers.get("Access-Control-Allow-Origin")),
        "redirection": score_redirection(http_response, host),
        "referrer-policy": score_referrer(headers.get("Referrer-Policy")),
        "strict-transport-security": hsts,
        "subresource-integrity": score_sri(https_response),
        "x-content-type-options": score_xcto(headers.get("X-Content-Type-Options")),
        "x-frame-options": score_xfo(
            headers.get("X-Frame-Options"), headers.get("Content-Security-Policy")
        ),
        "cross-origin-resource-policy": score_corp(headers.get("Cross-Origin-Resource-Policy")),
    }
    modifiers = [MODIFIERS[result] for result in results.values()]
    score = max(100 + sum(m for m in modifiers if m < 0), 0)
    if score >= 90:
        score += sum(m for m in modifiers if m > 0)
    grade = next(grade for floor, grade in GRADES if score >= floor)
    return score, grade, results


def test_the_scorer_marks_down_a_bare_page():
    bare = SimpleCookie()
    bare["sessionid"] = "x"

    class Bare:
        status_code = 200
        headers = {"Content-Type": "text/html"}
        cookies = bare
        content = b"<script src='http://cdn.example/x.js'></script>"

        def get(self, name, default=None):
            return self.headers.get(name, default)

    score, grade, results = observatory(Bare(), Bare(), HOST)
    assert results["content-security-policy"] == "csp-not-implemented"
    assert results["cookies"] == "cookies-session-without-secure-flag"
    assert results["subresource-integrity"] == (
        "sri-not-implemented-and-external-scripts-not-loaded-securely"
    )
    assert grade == "F" and score == 0


# --- The pages ------------------------------------------------------------------------------


def visit(client, url, *, secure=True):
    return client.get(url, secure=secure, headers={"host": HOST})


@pytest.fixture(params=["anonymous", "signed in"])
def visitor(request, production):
    client = Client(raise_request_exception=False)
    if request.param == "signed in":
        client.force_login(UserFactory())
    return client


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_the_security_headers(visitor, url):
    response = visit(visitor, url)
    assert response.status_code < 500, url
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'none'" in csp
    hsts = response["Strict-Transport-Security"]
    assert "max-age=63072000" in hsts and "includeSubDomains" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    for morsel in response.cookies.values():
        assert morsel["secure"], f"{morsel.key} on {url} is not Secure"
        assert morsel["httponly"], f"{morsel.key} on {url} is not HttpOnly"
        assert morsel["samesite"] == "Lax", morsel.key


@pytest.mark.parametrize("url", PAGES)
def test_every_page_scores_a_plus_on_the_observatory_rules(visitor, url):
    score, grade, results = observatory(
        visit(visitor, url), visit(Client(), url, secure=False), HOST
    )
    assert grade == "A+", (score, results)
    assert score >= 100


def test_plain_http_is_sent_to_https_on_the_same_host(production):
    response = visit(Client(), "/privacy/", secure=False)
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/privacy/"


def test_session_and_csrf_cookies_are_secure_and_http_only_after_logging_in(production):
    user = UserFactory()
    client = Client(enforce_csrf_checks=False)
    login_page = visit(client, "/accounts/login/")
    assert login_page.cookies["csrftoken"]["secure"]
    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": "a-long-enough-passphrase"},
        secure=True,
        headers={"host": HOST},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_static_files_carry_the_headers_too(production, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in tests
    response = visit(Client(), "/static/css/hub.css")
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
