"""System checks the core adds: every app of the project that keeps something about a person
takes part in My data (export and deletion), or the project refuses to start.
"""

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks

HOOKS = ("export_user_data", "forget_user")


def is_the_projects_own(config) -> bool:
    """Apps in this repository, not installed packages (Django's, allauth's, ...)."""
    path = Path(config.path).resolve()
    base = Path(settings.BASE_DIR).resolve()
    installed = Path(sys.prefix).resolve()
    return (
        path.is_relative_to(base)
        and not path.is_relative_to(installed)
        and "site-packages" not in path.parts
    )


def _points_at_people(model, user_model) -> bool:
    return any(
        field.is_relation and field.related_model is user_model
        for field in [*model._meta.fields, *model._meta.many_to_many]
    )


def personal_data_hooks(app_configs=None, **kwargs):
    """mutualaid.E001: an app's model relates to the user but its AppConfig lacks a hook."""
    user_model = get_user_model()
    errors = []
    for config in app_configs or apps.get_app_configs():
        # The core covers what it keeps (the account) and what its moderation app keeps
        # (reports, the log) itself, in services.account_export.
        if (
            config.label == user_model._meta.app_label
            or getattr(config, "personal_data_in_core", False)
            or not is_the_projects_own(config)
        ):
            continue
        models = [m for m in config.get_models() if _points_at_people(m, user_model)]
        missing = [hook for hook in HOOKS if not callable(getattr(config, hook, None))]
        if models and missing:
            names = ", ".join(sorted(m._meta.label for m in models))
            errors.append(
                checks.Error(
                    f"The app '{config.label}' keeps data about people ({names}) but its "
                    f"AppConfig has no {' and no '.join(missing)}.",
                    hint="Add both My data hooks to the AppConfig (see README, 'My data'): "
                    "what a neighbor downloads, and what happens when they delete their account.",
                    obj=config,
                    id="mutualaid.E001",
                )
            )
    return errors


def understanding_sources(app_configs=None, **kwargs):
    """Matching understands more with WordNet, FreeDict and Apertium installed; without them
    it falls back to the hub's own vocabulary (and no translations). Say what is missing."""
    from . import lexicon, translate

    missing = lexicon.missing_sources()
    if not translate.available():
        missing.append("Apertium (apt-get install apertium-en-es)")
    return [
        # Information, not a warning: the hub runs well without them, just understands less.
        checks.Info(
            f"Matching works without {source}: it finds fewer posts written in other words"
            " or in the other language.",
            hint="Install it, or run `make lexicon` (scripts/ensure-lexicon.sh) as root.",
            id="mutualaid.I002",
        )
        for source in missing
    ]
