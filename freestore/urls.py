from django.urls import path

from . import views

app_name = "freestore"

urlpatterns = [
    path("", views.index, name="index"),
]
