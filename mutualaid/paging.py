"""Pages of a long list whose total is counted only as far as it is worth counting.

A `COUNT(*)` grows with the table: at a million posts it was nearly all of a list's time. So a
list counts up to a thousand rows (or as far as the page asked for, plus one), and past that
says "1,000+ open needs" and "Page 400" without "of …"; "Next" still shows while more follow.
"""

from django.core.paginator import Paginator
from django.utils.formats import number_format
from django.utils.functional import cached_property

from .params import int_or_none

COUNT_UP_TO = 1000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, page_number=None, count_up_to=None):
        super().__init__(object_list, per_page)
        count_up_to = COUNT_UP_TO if count_up_to is None else count_up_to
        self.count_up_to = max(count_up_to, _page_number(page_number) * per_page)

    @cached_property
    def count(self) -> int:
        """The rows there are, or count_up_to + 1 when there are more than count_up_to."""
        rows = self.object_list
        if hasattr(rows, "order_by"):
            # Without the list's order: with it, PostgreSQL would sort every post holding a
            # common word before counting (measured: 226 ms instead of 28 at a million).
            return rows.order_by()[: self.count_up_to + 1].count()
        return min(len(rows), self.count_up_to + 1)

    def page(self, number):
        """Past the first page, the page's keys first (from the index alone), then just
        those rows with what they join: the skipped rows are never joined."""
        number = self.validate_number(number)
        rows = self.object_list
        bottom = (number - 1) * self.per_page
        if bottom == 0 or not hasattr(rows, "values_list"):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(rows.values_list("pk", flat=True)[bottom:top])
        found = {row.pk: row for row in rows.order_by().filter(pk__in=keys)}
        return self._get_page([found[key] for key in keys if key in found], number, self)

    @property
    def capped(self) -> bool:
        return self.count > self.count_up_to

    @property
    def shown_count(self) -> str:
        """count_up_to as the reader's language writes numbers: "1,000", "1.000"."""
        return number_format(self.count_up_to, force_grouping=True)


def _page_number(value) -> int:
    return max(1, int_or_none(value) or 1)
