"""`{% fragment "name" vary_on… %}…{% endfragment %}`: a part of a public page rendered once per
content generation (weltstadt.fragment_cache). Pass the view's costly values lazily
(SimpleLazyObject), so that a kept fragment spares their queries too."""

from django import template
from django.utils.safestring import mark_safe

from weltstadt.fragment_cache import fragment_get_or_render, fragment_key

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        key = fragment_key(
            self.name.resolve(context), [value.resolve(context) for value in self.vary_on]
        )
        return mark_safe(fragment_get_or_render(key, lambda: self.nodelist.render(context)))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' takes a name and what it varies on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
