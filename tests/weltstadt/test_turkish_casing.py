from django.template import Context, Template
from django.utils import translation

from weltstadt.templatetags.turkish_casing import capitals


def _render(source: str, **context) -> str:
    return Template("{% load turkish_casing %}" + source).render(Context(context))


def test_turkish_words_are_marked_in_the_text_never_in_tags_or_entities():
    html = _render(
        '{% turkish_words %}<a href="/x/?q=İzmir" title="İzmir">{{ name }}</a> · Bremen'
        "{% endturkish_words %}",
        name="Die Stadt İzmir & d'İzmir · Büyükşehir",
    )
    assert html == (
        '<a href="/x/?q=İzmir" title="İzmir">Die Stadt <span lang="tr">İzmir</span> &amp; '
        'd&#x27;<span lang="tr">İzmir</span> · <span lang="tr">Büyükşehir</span></a> · Bremen'
    )


def test_capitals_follow_turkish_rules_for_turkish_words_and_in_turkish():
    assert capitals("Neues aus İzmir: Straße", "de") == "NEUES AUS İZMİR: STRASSE"
    assert capitals("Bollettino di İzmir · numero 3", "it") == "BOLLETTINO DI İZMİR · NUMERO 3"
    assert capitals("İzmir'de fuar günleri, Işık", "tr") == "İZMİR'DE FUAR GÜNLERİ, IŞIK"
    with translation.override("tr"):
        assert _render("{{ title|capitals }}", title="Kültür şehri") == "KÜLTÜR ŞEHRİ"
    with translation.override("en"):
        assert _render("{{ title|capitals }}", title="Bornova & İzmir") == "BORNOVA &amp; İZMİR"
