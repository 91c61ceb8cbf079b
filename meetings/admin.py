"""Admin for meetings: organizers can fix anything the pages don't cover."""

from django.contrib import admin

from .models import ActionItem, AgendaItem, Decision, Meeting, PollAnswer, Rsvp


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["position", "title", "kind", "status", "time_box_minutes", "facilitator"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "status", "area"]
    list_filter = ["status", "area"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["organizers"]
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "kind", "status", "position"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "proposed_by"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["title", "outcome", "decided_on", "meeting"]
    list_filter = ["outcome"]
    search_fields = ["title", "text"]
    raw_id_fields = ["meeting", "item"]
    readonly_fields = ["tally"]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["what", "owner_name", "due", "done", "meeting"]
    list_filter = ["done"]
    raw_id_fields = ["meeting", "decision"]


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin):
    list_display = ["meeting", "person", "answer"]
    raw_id_fields = ["meeting", "person"]


@admin.register(PollAnswer)
class PollAnswerAdmin(admin.ModelAdmin):
    list_display = ["item", "person", "answer"]
    raw_id_fields = ["item", "person"]
