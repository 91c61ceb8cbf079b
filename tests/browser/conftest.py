"""Browser journeys: Playwright drives Debian's Chromium against pytest-django's live server.

Every page a journey visits is checked with axe-core (`assert_accessible`), and a failing
test leaves a full-page screenshot in test-results/.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Every journey module sets `pytestmark = JOURNEY`: the live server runs in another thread,
# so data must really be committed. (The root conftest puts back the seeded categories that
# the flush after each transactional test removes.)
JOURNEY = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Browser tests need Chromium: apt-get install chromium")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def new_page(browser, request, live_server):
    """Open fresh browser contexts (one per neighbor); screenshot them all if the test fails."""
    contexts = []

    def make(*, mobile: bool = True, javascript: bool = True):
        viewport = {"width": 390, "height": 844} if mobile else {"width": 1280, "height": 900}
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            java_script_enabled=javascript,
            locale="en-US",
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.errors = []
        page.external_requests = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "console",
            lambda msg: (
                "Content Security Policy" in msg.text and page.errors.append(f"CSP: {msg.text}")
            ),
        )
        contexts.append(context)

        # No page may reach another host: such requests are refused and reported.
        def refuse(route):
            page.external_requests.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(live_server.url), refuse)
        return page

    yield make
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for index, context in enumerate(contexts):
        if failed:
            RESULTS.mkdir(exist_ok=True)
            for number, page in enumerate(context.pages):
                page.screenshot(
                    path=RESULTS / f"{request.node.name}-{index}-{number}.png", full_page=True
                )
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


_axe = Axe()


def assert_accessible(page):
    """Fail on any axe-core violation (WCAG 2.0/2.1/2.2 A and AA and best practice)."""
    results = _axe.run(page)
    violations = results.response["violations"]
    assert not violations, f"{page.url}\n{results.generate_report()}"
    assert not page.errors, f"JavaScript or CSP errors on {page.url}: {page.errors}"
    assert not page.external_requests, f"requests to other hosts: {page.external_requests}"


@pytest.fixture
def axe():
    return assert_accessible


def log_in(page, email: str, password: str):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
