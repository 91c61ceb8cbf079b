"""Reporting and moderation. The names carry no namespace: they are the ones the hub has
always used (`report_create`, `moderation_queue`, ...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("report/<str:model_label>/<int:pk>/", views.report_create, name="report_create"),
    path("moderation/", views.moderation_queue, name="moderation_queue"),
    path("moderation/reports/<int:pk>/", views.moderation_report, name="moderation_report"),
    path(
        "moderation/reports/<int:pk>/restore/",
        views.moderation_restore,
        name="moderation_restore",
    ),
    path(
        "moderation/neighbors/<int:pk>/unsuspend/",
        views.moderation_unsuspend,
        name="moderation_unsuspend",
    ),
    path("moderation/log/", views.moderation_log, name="moderation_log"),
]
