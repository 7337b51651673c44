from django import template
from django.utils import translation

from newsletter.editions import edition_render
from newsletter.forms import SubscribeForm
from newsletter.selectors import articles_latest

register = template.Library()


@register.simple_tag
def bulletin_edition(issue_id: int, version: int) -> dict:
    """The shared, cached body of an edition in the current language (bulletin mail)."""
    return edition_render(issue_id, language=translation.get_language(), version=version)


@register.inclusion_tag("newsletter/fragment_subscribe_form.html", takes_context=True)
def bulletin_subscribe_form(context, source: str = "footer", form=None) -> dict:
    language = translation.get_language()
    # The footer form shares a page with the bulletin page's own form: its ids are its own.
    auto_id = "footer_%s" if source == "footer" else "id_%s"
    return {
        "form": form
        or SubscribeForm(initial={"language": language, "source": source}, auto_id=auto_id),
        "request": context.get("request"),
        "compact": source == "footer",
    }


@register.simple_tag
def bulletin_latest_articles(count: int = 3) -> list:
    return articles_latest(count=count)


@register.filter
def richtext(html: str):
    """Article text, sanitised again on output (the allow-list of newsletter.richtext)."""
    from django.utils.safestring import mark_safe

    from newsletter.richtext import richtext_clean

    return mark_safe(richtext_clean(html or ""))
