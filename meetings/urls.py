from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("decisions/", views.decision_list, name="decisions"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/poster/", views.meeting_poster, name="poster"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/status/", views.meeting_status, name="status"),
    path("<int:pk>/calendar.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/rsvp/", views.rsvp, name="rsvp"),
    path("<int:pk>/propose/", views.item_propose, name="propose"),
    path("<int:pk>/items/add/", views.item_add, name="item_add"),
    path("<int:pk>/items/unmet-needs/", views.item_add_unmet_needs, name="item_unmet_needs"),
    path("<int:pk>/minutes/", views.minutes_edit, name="minutes"),
    path("<int:pk>/actions/add/", views.action_add, name="action_add"),
    path("items/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:item_pk>/move/", views.item_move, name="item_move"),
    path("items/<int:item_pk>/accept/", views.item_accept, name="item_accept"),
    path("items/<int:item_pk>/decline/", views.item_decline, name="item_decline"),
    path("items/<int:item_pk>/poll/", views.poll, name="poll"),
    path("items/<int:item_pk>/decision/", views.decision_record, name="decision_record"),
    path("actions/<int:action_pk>/done/", views.action_done, name="action_done"),
]
