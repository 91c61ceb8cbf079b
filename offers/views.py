"""Pages of the offers app."""

from django.shortcuts import render


def index(request):
    return render(request, "offers/index.html")
