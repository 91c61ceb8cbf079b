from django.contrib import admin

from .models import Offer


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "kind", "status", "area", "category", "expires_on", "hidden"]
    list_filter = ["status", "kind", "ongoing", "hidden", "area", "category"]
    search_fields = ["title", "details"]
    raw_id_fields = ["owner"]
    date_hierarchy = "created_at"
    list_select_related = ["owner", "area", "category"]
