"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutualaid.settings")
application = get_wsgi_application()
# What the app loaded stays for the process's life: keep the garbage collector from walking
# it again on every collection a request sets off (and from touching pages forked workers share).
gc.freeze()
