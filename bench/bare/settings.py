"""The production settings plus one bare view, for measuring pages against it."""

from mutualaid.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare.urls"
