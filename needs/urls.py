from django.urls import path

from . import views

app_name = "needs"

urlpatterns = [
    path("", views.index, name="list"),
]
