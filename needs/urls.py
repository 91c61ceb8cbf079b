from django.urls import path

from . import views

app_name = "needs"

urlpatterns = [
    path("", views.need_list, name="list"),
    path("new/", views.need_create, name="create"),
    path("share/", views.share, name="share"),
    path("poster/", views.need_poster, name="poster"),
    path("export.csv", views.export, name="export"),
    path("mine/", views.mine, name="mine"),
    path("ask/", views.ask, name="ask"),
    path("following/", views.follow_list, name="follows"),
    path("following/<int:pk>/delete/", views.follow_delete, name="follow_delete"),
    path("<int:pk>/", views.need_detail, name="detail"),
    path("<int:pk>/poster/", views.need_detail_poster, name="detail_poster"),
    path("<int:pk>/edit/", views.need_edit, name="edit"),
    path("<int:pk>/withdraw/", views.need_withdraw, name="withdraw"),
    path("<int:pk>/renew/", views.need_renew, name="renew"),
    path("matches/<int:pk>/", views.match_detail, name="match_detail"),
    path("matches/<int:pk>/accept/", views.match_accept, name="match_accept"),
    path("matches/<int:pk>/decline/", views.match_decline, name="match_decline"),
    path("matches/<int:pk>/cancel/", views.match_cancel, name="match_cancel"),
    path("matches/<int:pk>/complete/", views.match_complete, name="match_complete"),
]
