"""Numbers read from what a browser sent: a missing or mistyped one is None, not a 500."""

import pytest

from mutualaid.params import int_or_none


@pytest.mark.parametrize(
    ("value", "expected"),
    [("42", 42), (7, 7), ("-3", -3), (None, None), ("", None), ("4x", None), ("1.5", None)],
)
def test_a_number_from_the_browser_is_read_or_none(value, expected):
    assert int_or_none(value) == expected
