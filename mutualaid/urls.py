from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import health, views

admin.site.site_header = _("Hub administration")
admin.site.site_title = settings.HUB_NAME

urlpatterns = [
    path("", views.home, name="home"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", health.healthz, name="healthz"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("my-data/delete/", views.account_delete, name="account_delete"),
    path("", include("mutualaid.moderation.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", views.language_set, name="set_language"),
    path("inbox/", include("inbox.urls")),
    path("needs/", include("needs.urls")),
    path("offers/", include("offers.urls")),
    path("store/", include("freestore.urls")),
    path("meetings/", include("meetings.urls")),
    path("imports/", include("imports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "mutualaid.views.error_403"
handler404 = "mutualaid.views.error_404"
handler500 = "mutualaid.views.error_500"
