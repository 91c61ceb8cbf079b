"""Choice widgets whose HTML is remembered in this process: a select of areas or a row of
radio buttons is rendered option by option through templates, a third of a post form's time,
while the result is the same for the same name, value, attributes, choices and language.

The key holds all of those, so a changed choice or label makes a new key and nothing stale is
ever served; the store is small and simply starts over when full.
"""

from django import forms
from django.utils import translation

REMEMBERED_MAX = 512
_rendered: dict[tuple, str] = {}


def _described(mapping) -> tuple:
    return tuple(sorted((key, type(value).__name__, str(value)) for key, value in mapping.items()))


class RememberedChoices:
    def render(self, name, value, attrs=None, renderer=None):
        choices = tuple((str(option), str(label)) for option, label in self.choices)
        key = (
            type(self).__name__,
            translation.get_language(),
            name,
            repr(self.format_value(value)),
            _described(self.build_attrs(self.attrs, attrs)),
            choices,
            id(renderer),
        )
        html = _rendered.get(key)
        if html is None:
            html = super().render(name, value, attrs=attrs, renderer=renderer)
            if len(_rendered) >= REMEMBERED_MAX:
                _rendered.clear()
            _rendered[key] = html
        return html


class RememberedSelect(RememberedChoices, forms.Select):
    pass


class RememberedRadioSelect(RememberedChoices, forms.RadioSelect):
    pass
