"""The README says what the code does: the rates it shows are the rates the views use."""

import re
from pathlib import Path

import mutualaid

ROOT = Path(mutualaid.__file__).resolve().parent.parent
DECORATOR = re.compile(r'@rate_limited\("([a-z_]+)", "([^"]+)"\)')


def test_the_rate_limits_in_the_readme_are_the_ones_in_the_code():
    readme = set(DECORATOR.findall((ROOT / "README.md").read_text()))
    code = set()
    for app in ["mutualaid", "needs", "offers", "freestore", "meetings"]:
        for source in (ROOT / app).glob("*.py"):
            code |= set(DECORATOR.findall(source.read_text()))
    assert readme
    assert readme - code == set()
