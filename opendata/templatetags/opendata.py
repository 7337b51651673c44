"""`{% load opendata %}`: the schema.org JSON-LD of a page, as a data block in its <head>."""

from django import template
from django.utils.translation import get_language

from opendata import jsonld

register = template.Library()


@register.simple_tag
def association_json_ld():
    return jsonld.script_element(jsonld.association())


@register.simple_tag
def summit_json_ld(summit, days):
    """`days`: the programme the page shows (summits.selectors.programme_by_day)."""
    sessions = [session for day in days for session in day.sessions]
    return jsonld.script_element(jsonld.summit_event(summit, sessions))


@register.simple_tag
def office_json_ld(office):
    return jsonld.script_element(jsonld.office_organization(office))


@register.simple_tag
def issue_json_ld(issue, articles, fallback=""):
    """`fallback`: the language of the edition shown when it is not the reader's."""
    data = jsonld.bulletin_issue(issue, articles, language=fallback or get_language())
    return jsonld.script_element(data)


@register.simple_tag
def article_json_ld(article, issue, fallback=""):
    data = jsonld.bulletin_article(article, issue, language=fallback or get_language())
    return jsonld.script_element(data)
