"""Parts of a template rendered once in each process, then given back as they were
(weltstadt.chrome): `{% languagecache value… %}…{% endlanguagecache %}`, once per language and per
value named. For parts whose HTML depends on nothing but the language, the URLs, the static files
and the interface texts, and on the few values named: never on a row, a form, a token or anything
personal (the header, the navigation, the footer). Parts that show published rows are
`{% fragment %}`s (weltstadt.fragment_cache), kept per content generation.

A block inside could not be overridden per page and is refused; so is a tag that sets a variable
for what follows the part, as a kept part would not set it again.
"""

from django import template
from django.template.base import Node
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from weltstadt.chrome import fragment_get, fragment_keep

register = template.Library()
# where Django's tags keep the name of the variable they set ({% url … as x %},
# {% translate … as x %}, {% static … as x %}, simple tags, {% get_current_language as x %}, …)
ASSIGNING = ("asvar", "target_var", "varname", "var_name", "variable")


class LanguageCacheNode(Node):
    # holds no block (refused below): `{% extends %}`, which looks for blocks on every render,
    # need not look inside
    child_nodelists = ()

    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context):
        # the node itself names the part: a template read again (development) is a new node
        key = (
            self,
            get_language(),
            get_script_prefix(),
            *(value.resolve(context) for value in self.vary_on),
        )
        html = fragment_get(key)
        if html is None:
            html = mark_safe(self.nodelist.render(context))
            fragment_keep(key, html)
        return html


@register.tag
def languagecache(parser, token) -> LanguageCacheNode:
    name, *values = token.split_contents()
    nodelist = parser.parse((f"end{name}",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError(f"{{% {name} %}} cannot hold a {{% block %}}")
    for node in nodelist.get_nodes_by_type(Node):
        if any(getattr(node, attribute, None) for attribute in ASSIGNING):
            raise template.TemplateSyntaxError(
                f"{{% {name} %}} cannot hold a tag that sets a variable (… as name)"
            )
    vary_on = [parser.compile_filter(value) for value in values]
    return LanguageCacheNode(nodelist, vary_on)
