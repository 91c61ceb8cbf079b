from django.urls import path

from . import views

app_name = "inbox"

urlpatterns = [
    path("", views.inbox, name="list"),
    path("count/", views.header_count, name="count"),
    path("settings/", views.notice_settings, name="settings"),
    path("read-all/", views.read_all, name="read_all"),
    path("<int:pk>/open/", views.notice_open, name="open"),
]
