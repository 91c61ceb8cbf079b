"""Reading numbers from what a browser sent: a missing or mistyped one is None, never a 500."""


def int_or_none(value) -> int | None:
    """`value` as an int, or None when it is missing or not a whole number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
