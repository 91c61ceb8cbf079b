"""Reports and the moderation log in the admin (for the superuser; the log only to read)."""

from django.contrib import admin

from mutualaid.admin import ReadOnly

from .models import ModerationAction, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "reason", "status", "outcome", "content_type"]
    list_filter = ["status", "reason", "outcome"]
    readonly_fields = ["created_at", "resolved_at"]
    raw_id_fields = ["reporter", "resolved_by"]


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnly, admin.ModelAdmin):
    """The log is written by the moderators' screens; here it can only be read."""

    list_display = ["created_at", "moderator", "action", "target_label", "target_user"]
    list_filter = ["action"]
