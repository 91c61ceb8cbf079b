from django.contrib import admin

from .models import Follow, Match, Message, Need


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "owner",
        "urgency",
        "status",
        "area",
        "category",
        "expires_on",
        "hidden",
    ]
    list_filter = ["status", "urgency", "hidden", "area", "category"]
    search_fields = ["title", "details", "on_behalf_of"]
    raw_id_fields = ["owner"]
    date_hierarchy = "created_at"
    list_select_related = ["owner", "area", "category"]


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "requester", "recipient", "status", "updated"]
    list_filter = ["status"]
    raw_id_fields = ["need", "offer", "requester", "recipient"]
    list_select_related = ["need", "offer", "requester", "recipient"]
    inlines = [MessageInline]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "side", "area", "last_sent"]
    raw_id_fields = ["user"]
