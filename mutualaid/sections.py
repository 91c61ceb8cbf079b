"""The home page shows one section per feature app, without the core importing any app.

An app takes part by giving its AppConfig a `home_section(request)` method that returns
`(template_name, context)`, or None to stay out.
"""

from django.apps import apps


def home_sections(request) -> list[tuple[str, dict]]:
    sections = []
    for config in apps.get_app_configs():
        build = getattr(config, "home_section", None)
        if build is None:
            continue
        section = build(request)
        if section is not None:
            sections.append(section)
    return sections
