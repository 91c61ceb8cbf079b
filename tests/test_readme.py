"""The README says what the code does: the rates it shows are the rates the views use."""

import re
from pathlib import Path

import mutualaid

ROOT = Path(mutualaid.__file__).resolve().parent.parent
DECORATOR = re.compile(r'@rate_limited\("([a-z_]+)", "([^"]+)"\)')


def test_the_rate_limits_in_the_readme_are_the_ones_in_the_code():
    readme = set(DECORATOR.findall((ROOT / "README.md").read_text()))
    code = set()
    for app in ["mutualaid", "mutualaid/moderation", "needs", "offers", "freestore", "meetings"]:
        for source in (ROOT / app).glob("*.py"):
            code |= set(DECORATOR.findall(source.read_text()))
    assert readme
    assert readme - code == set()


def test_the_readme_says_what_every_app_does_for_my_data():
    """The README says each app that stores something about a person adds its part: its list of
    what each app does names every app with My data hooks."""
    from django.apps import apps

    readme = (ROOT / "README.md").read_text()
    section = readme.split("### My data: the export and deletion hooks")[1].split("\n## ")[0]
    listed = set(re.findall(r"^- `([a-z_]+)`", section, flags=re.M))
    with_hooks = {
        config.label
        for config in apps.get_app_configs()
        if callable(getattr(config, "export_user_data", None))
        and not config.name.startswith("tests.")  # the tests' own fixture apps
    }
    assert with_hooks
    assert with_hooks - listed == set()
