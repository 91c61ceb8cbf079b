"""The admin. Organizers (staff through their role) get a cut-down admin: areas, categories,
which duties neighbors hold (by display name, never email) and what apps open to them. The
superuser, who runs the server, keeps everything.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import Area, Category, User


class HistoryForSuperusers:
    """An object's history names who changed it by login (email): for the superuser only."""

    def history_view(self, request, object_id, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)


class ReadOnly:
    """A record the hub's own screens write (the stock ledger, the moderation log): the admin
    only reads it, so what it says happened stays as it happened."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Area)
class AreaAdmin(HistoryForSuperusers, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Category)
class CategoryAdmin(HistoryForSuperusers, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}


class DutiesForm(forms.ModelForm):
    """All an organizer may change about a neighbor: which of the hub's duties they hold."""

    class Meta:
        model = User
        fields = ["groups"]


@admin.register(User)
class UserAdmin(HistoryForSuperusers, BaseUserAdmin):
    """The full account admin for the superuser; for organizers, display names and duties.

    Every restriction is decided here, on the server, by `request.user.is_superuser`: the
    fields a form has and saves, the columns, search and filters of the list, the accounts
    listed, and the password form. Granting the Organizer role gives staff access (see
    signals.py), never superuser status.
    """

    ordering = ["display_name"]
    list_display = ["display_name", "email", "area", "is_active", "is_staff"]
    list_filter = ["groups", "is_active", "is_staff", "area"]
    search_fields = ["display_name", "email"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {"fields": ["display_name", "area", "languages", "language", "email_notifications"]},
        ),
        (
            _("Roles"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]},
        ),
    ]
    organizer_fieldsets = [
        (None, {"fields": ["display_name"]}),
        (_("Duties"), {"fields": ["groups"]}),
    ]

    def get_queryset(self, request):
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        # The server keeper's account and deleted accounts are not an organizer's to manage.
        return users.filter(is_superuser=False, forgotten_at__isnull=True)

    def get_list_display(self, request):
        if request.user.is_superuser:
            return super().get_list_display(request)
        return ["display_name"]

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        return ["groups"]

    def get_search_fields(self, request):
        if request.user.is_superuser:
            return super().get_search_fields(request)
        return ["display_name"]

    def lookup_allowed(self, lookup, value, request=None):
        # Filters in the address (?email__startswith=…) would reveal emails letter by letter.
        if request is not None and not request.user.is_superuser:
            return lookup.split("__")[0] in {"groups", "display_name"}
        return super().lookup_allowed(lookup, value, request)

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.organizer_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["display_name"]

    def get_form(self, request, obj=None, **kwargs):
        if not request.user.is_superuser:
            # Not the account form: it carries the password field whatever the fieldsets say.
            kwargs["form"] = DutiesForm
        return super().get_form(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=roles.ALL_ROLES).order_by("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        kept = []
        if change and not request.user.is_superuser:
            # Groups other than the hub's duties are the superuser's: an organizer's form
            # neither shows nor removes them.
            kept = list(form.instance.groups.exclude(name__in=roles.ALL_ROLES))
        super().save_related(request, form, formsets, change)
        if kept:
            form.instance.groups.add(*kept)

    def has_add_permission(self, request):
        return request.user.is_superuser and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        # Setting someone's password is logging in as them: the superuser's alone.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)
