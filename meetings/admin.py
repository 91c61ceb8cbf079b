"""Admin for meetings: organizers can fix anything the pages don't cover."""

from django.contrib import admin

from mutualaid.admin import HistoryForSuperusers
from mutualaid.roles import ORGANIZER

from .models import ActionItem, AgendaItem, Decision, Meeting, PollAnswer, Rsvp


class OrganizersManage(HistoryForSuperusers):
    """Organizers (staff through their role) manage meetings here without model permissions."""

    def _organizer(self, request):
        return request.user.is_active and request.user.has_role(ORGANIZER)

    def has_module_permission(self, request):
        return self._organizer(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._organizer(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._organizer(request) or super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._organizer(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._organizer(request) or super().has_delete_permission(request, obj)


class PersonalAnswers:
    """Who answered an RSVP or a poll is personal: the meeting page shows organizers counts,
    and only the superuser reads (never edits) the answers here."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AgendaItemInline(OrganizersManage, admin.TabularInline):
    model = AgendaItem
    fields = ["position", "title", "kind", "status", "time_box_minutes", "facilitator"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(OrganizersManage, admin.ModelAdmin):
    list_display = ["title", "starts_at", "status", "area"]
    list_filter = ["status", "area"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["organizers"]
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(OrganizersManage, admin.ModelAdmin):
    list_display = ["title", "meeting", "kind", "status", "position"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "proposed_by"]


@admin.register(Decision)
class DecisionAdmin(OrganizersManage, admin.ModelAdmin):
    list_display = ["title", "outcome", "decided_on", "meeting"]
    list_filter = ["outcome"]
    search_fields = ["title", "text"]
    raw_id_fields = ["meeting", "item"]
    readonly_fields = ["tally"]


@admin.register(ActionItem)
class ActionItemAdmin(OrganizersManage, admin.ModelAdmin):
    list_display = ["what", "owner_name", "due", "done", "meeting"]
    list_filter = ["done"]
    raw_id_fields = ["meeting", "decision"]


@admin.register(Rsvp)
class RsvpAdmin(PersonalAnswers, admin.ModelAdmin):
    list_display = ["meeting", "person", "answer"]
    raw_id_fields = ["meeting", "person"]


@admin.register(PollAnswer)
class PollAnswerAdmin(PersonalAnswers, admin.ModelAdmin):
    list_display = ["item", "person", "answer"]
    raw_id_fields = ["item", "person"]
