"""The needs list and the offers list: one template (offers/post_list.html), with the words
and the few links that differ given by each side."""

from dataclasses import dataclass

from django.utils.functional import lazy

TEMPLATE = "offers/post_list.html"


@dataclass(frozen=True)
class PostListPage:
    side: str  # the posts listed: "need" or "offer"
    title: str
    list_url: str
    create_url: str
    create_label: str
    filter_label: str
    empty: str
    count: str  # ngettext_lazy(…, "counter"): "%(counter)s open need(s)"
    capped_count: str  # with %(shown)s: "1,000+ open needs"
    export_side: str  # the export's `side` parameter
    shares: bool = False  # the list also offers sharing, a poster and following

    def open_count(self, page_obj) -> str:
        """How many posts the list holds, read (and counted) only when the page shows it."""
        return lazy(self._open_count, str)(page_obj)

    def _open_count(self, page_obj) -> str:
        paginator = page_obj.paginator
        if paginator.capped:
            return self.capped_count % {"shown": paginator.shown_count}
        return self.count % {"counter": paginator.count}
