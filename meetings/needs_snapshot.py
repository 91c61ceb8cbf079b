"""The "unmet needs" agenda item asks the needs app what is still open, through its own query.

The interface meetings relies on (provided by the needs app, not by us):

    Need.objects.open().counts_by_category_and_area()

returns an iterable of mappings, one per (category, area) pair that has open needs:

    {"category": "Food", "area": "Riverside", "count": 4}

`category` and `area` are display names (str, or None when a need has none), `count` is an
int. Meetings never touches the needs tables itself. Until the needs app provides that
method, the snapshot is empty and says so.
"""

from django.apps import apps
from django.utils import timezone


def open_needs_counts() -> list[dict] | None:
    """Open needs by category and area, or None when the needs app cannot tell us yet."""
    try:
        need_model = apps.get_model("needs", "Need")
    except LookupError:
        return None
    manager = need_model.objects
    open_needs = getattr(manager, "open", None)
    if open_needs is None:
        return None
    queryset = open_needs()
    counts = getattr(queryset, "counts_by_category_and_area", None)
    if counts is None:
        return None
    rows = []
    for row in counts():
        rows.append(
            {
                "category": str(row["category"]) if row.get("category") is not None else "",
                "area": str(row["area"]) if row.get("area") is not None else "",
                "count": int(row["count"]),
            }
        )
    rows.sort(key=lambda row: (-row["count"], row["category"], row["area"]))
    return rows


def take_snapshot() -> dict:
    """A JSON-ready snapshot to store on the agenda item."""
    rows = open_needs_counts()
    return {
        "taken_at": timezone.now().isoformat(),
        "available": rows is not None,
        "rows": rows or [],
        "total": sum(row["count"] for row in rows or []),
    }


def by_category(snapshot: dict) -> list[dict]:
    """The snapshot's rows folded into one per category, biggest first, with its areas:
    [{"category": "Food", "count": 6, "areas": [("Riverside", 3), ("Hilltop", 2), ...]}]."""
    grouped: dict[str, dict] = {}
    for row in (snapshot or {}).get("rows", []):
        group = grouped.setdefault(
            row["category"], {"category": row["category"], "count": 0, "areas": []}
        )
        group["count"] += row["count"]
        group["areas"].append((row["area"], row["count"]))
    for group in grouped.values():
        group["areas"].sort(key=lambda pair: (-pair[1], pair[0]))
    return sorted(grouped.values(), key=lambda group: (-group["count"], group["category"]))
