"""The "unmet needs" agenda item asks the needs app what is still open, through its own query
(`Need.objects.open().counts_by_category_and_area()`): meetings never touches the needs tables
itself."""

from django.utils import timezone

from needs.models import Need


def open_needs_counts() -> list[dict]:
    """Open needs by category and area (their names), biggest first."""
    rows = Need.objects.open().counts_by_category_and_area()
    return sorted(rows, key=lambda row: (-row["count"], row["category"], row["area"]))


def take_snapshot() -> dict:
    """A JSON-ready snapshot to store on the agenda item."""
    rows = open_needs_counts()
    return {
        "taken_at": timezone.now().isoformat(),
        "rows": rows,
        "total": sum(row["count"] for row in rows),
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
