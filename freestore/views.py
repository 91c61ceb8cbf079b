"""Pages of the freestore app."""

from django.shortcuts import render


def index(request):
    return render(request, "freestore/index.html")
