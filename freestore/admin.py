"""Admin for the free store. Stock only changes through the ledger, so quantities are read-only
here and movements cannot be added, edited or deleted. Organizers set up stores, items, the
shelf and shifts (FreestoreConfig.role_admin_permissions); loans, holds, sign-ups and the
ledger are the superuser's here and the volunteers' on their own screens.
"""

from django.contrib import admin

from mutualaid.admin import HistoryForSuperusers, ReadOnly

from .models import Hold, Item, Loan, Shift, ShiftSignup, StockMovement, Store, Thing


@admin.register(Store)
class StoreAdmin(HistoryForSuperusers, admin.ModelAdmin):
    list_display = ["name", "area", "place"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Item)
class ItemAdmin(HistoryForSuperusers, admin.ModelAdmin):
    list_display = ["name", "size", "condition", "category", "store", "quantity", "target"]
    list_filter = ["store", "category", "condition"]
    search_fields = ["name"]
    readonly_fields = ["quantity"]


@admin.register(StockMovement)
class StockMovementAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["created_at", "item", "kind", "quantity", "reason", "by"]
    list_filter = ["kind", "item__store"]
    list_select_related = ["item", "by"]
    date_hierarchy = "created_at"


@admin.register(Thing)
class ThingAdmin(HistoryForSuperusers, admin.ModelAdmin):
    list_display = ["name", "store", "status", "loan_days"]
    list_filter = ["store", "status"]


@admin.register(Loan)
class LoanAdmin(admin.ModelAdmin):
    list_display = ["thing", "borrower", "borrowed_at", "due_on", "returned_at"]
    list_select_related = ["thing", "borrower"]
    raw_id_fields = ["borrower"]


@admin.register(Hold)
class HoldAdmin(admin.ModelAdmin):
    list_display = ["thing", "neighbor", "created_at", "notified_at", "closed_at"]
    raw_id_fields = ["neighbor"]


class ShiftSignupInline(admin.TabularInline):
    model = ShiftSignup
    raw_id_fields = ["volunteer"]
    extra = 0


@admin.register(Shift)
class ShiftAdmin(HistoryForSuperusers, admin.ModelAdmin):
    list_display = ["store", "starts_at", "ends_at", "places"]
    inlines = [ShiftSignupInline]

    def get_inlines(self, request, obj):
        # Who signed up shows to the volunteers on the shift page, not to organizers here.
        return self.inlines if request.user.is_superuser else []
