"""The store's reports: totals per category per month, drawn as server-side SVG bars, and the
ledger written out as CSV.

No chart library: the geometry is computed here and the template writes plain <rect>s, so the
page works under the strict CSP and without JavaScript, with a table for screen readers.
"""

import csv
import datetime
from dataclasses import dataclass, field

from django.utils import formats, timezone

from mutualaid.csv_cells import csv_cell
from mutualaid.models import Category

from .models import StockMovement

CHART_HEIGHT = 120
BAR_WIDTH = 14
GROUP_GAP = 12
LABEL_SPACE = 20


def months_back(today: datetime.date, count: int) -> list[datetime.date]:
    """The first day of each of the last `count` months, oldest first, ending with today's."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months[::-1]


def monthly_totals(*, start: datetime.date) -> dict:
    """{category: {month: (received, given)}} for months from `start`."""
    rows = StockMovement.objects.filter(created_at__date__gte=start).monthly_totals()
    categories = {c.pk: c for c in Category.objects.all()}
    totals: dict = {}
    for row in rows:
        category = categories.get(row["item__category"])
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        totals.setdefault(category, {})[month] = (row["received"], -row["given"])
    return totals


@dataclass
class Bar:
    x: int
    y: int
    width: int
    height: int
    value: int
    kind: str  # "received" or "given"


@dataclass
class Chart:
    category: Category
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[int, str]] = field(default_factory=list)
    rows: list[tuple[str, int, int]] = field(default_factory=list)


def bar_chart(*, months: list[datetime.date], totals: dict) -> list[Chart]:
    """One small chart per category, two bars a month (received, given away)."""
    charts = []
    peak = max(
        (max(pair) for per_month in totals.values() for pair in per_month.values()), default=0
    )
    scale = CHART_HEIGHT / peak if peak else 0
    group = 2 * BAR_WIDTH + GROUP_GAP
    for category in sorted(totals, key=lambda c: (getattr(c, "order", 0), str(c))):
        per_month = totals[category]
        chart = Chart(
            category=category, width=group * len(months), height=CHART_HEIGHT + LABEL_SPACE
        )
        for index, month in enumerate(months):
            received, given = per_month.get(month, (0, 0))
            left = index * group + GROUP_GAP // 2
            for offset, (value, kind) in enumerate(((received, "received"), (given, "given"))):
                height = round(value * scale)
                chart.bars.append(
                    Bar(
                        x=left + offset * BAR_WIDTH,
                        y=CHART_HEIGHT - height,
                        width=BAR_WIDTH - 2,
                        height=height,
                        value=value,
                        kind=kind,
                    )
                )
            label = formats.date_format(month, "M")
            chart.labels.append((left + BAR_WIDTH, label))
            chart.rows.append((formats.date_format(month, "YEAR_MONTH_FORMAT"), received, given))
        charts.append(chart)
    return charts


LEDGER_COLUMNS = [
    "when",
    "store",
    "item",
    "size",
    "category",
    "kind",
    "change",
    "reason",
    "note",
    "recorded by",
]


def ledger_csv_write(out, *, start: datetime.date, end: datetime.date) -> None:
    """Write the ledger's movements from `start` to `end` (both included), oldest first, as
    CSV to `out`. Free text goes through `csv_cell`, so a spreadsheet never runs it."""
    writer = csv.writer(out)
    writer.writerow(LEDGER_COLUMNS)
    rows = StockMovement.objects.for_list().between(start, end).order_by("created_at", "pk")
    for m in rows.iterator(chunk_size=2000):
        writer.writerow(
            [
                timezone.localtime(m.created_at).isoformat(timespec="minutes"),
                m.item.store.name,
                csv_cell(m.item.name),
                csv_cell(m.item.size),
                str(m.item.category),
                m.kind,
                m.quantity,
                m.reason,
                csv_cell(m.note),
                csv_cell(m.by.display_name),
            ]
        )
