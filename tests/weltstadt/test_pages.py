import pytest
from django.conf import settings

NAV = {
    "de": "Über uns",
    "tr": "Hakkımızda",
    "en": "About us",
    "fr": "À propos",
    "it": "Chi siamo",
    "es": "Quiénes somos",
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_language_home_answers_with_navigation_in_that_language(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert NAV[code] in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "target"), [("tr-TR,tr;q=0.9", "/tr/"), ("fr", "/fr/"), ("ja", "/de/")]
)
def test_root_redirects_by_accept_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.django_db
def test_language_switcher_and_hreflang_keep_the_current_page(client):
    html = client.get("/de/partner-cities/?kind=friendship").content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'href="/{code}/partner-cities/?kind=friendship" hreflang="{code}"' in html
        assert f'rel="alternate" hreflang="{code}"' in html
    assert 'hreflang="x-default"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["about", "partners", "networks", "imprint", "privacy"])
def test_public_pages_answer_in_every_language(client, name):
    from django.urls import reverse
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse(name)
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_sitemap_lists_pages_in_every_language(client):
    xml = client.get("/sitemap.xml").content.decode()
    for code, _name in settings.LANGUAGES:
        assert f"/{code}/partner-cities/" in xml


def test_robots_txt_points_at_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.django_db
def test_unknown_page_is_a_translated_404(client, settings):
    settings.DEBUG = False
    response = client.get("/tr/bu-sayfa-yok/")
    assert response.status_code == 404
    assert "Sayfa bulunamadı" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "path", "text"), [
    (403, "/tr/member/", "Erişim engellendi"),
    (500, "/de/", "Etwas ist schiefgelaufen"),
])  # fmt: skip
def test_error_pages_are_translated(rf, status, path, text):
    from django.utils import translation

    from weltstadt.views import errors

    request = rf.get(path)
    language = path.split("/")[1]
    with translation.override(language):
        view = errors.permission_denied if status == 403 else errors.server_error
        response = view(request)
    assert response.status_code == status
    assert text in response.content.decode()


def test_the_core_knows_no_programme_to_build_the_sitemap():
    import ast
    from pathlib import Path

    import weltstadt.sitemaps
    from weltstadt.demo import PROGRAMME_APPS
    from weltstadt.sitemaps import sitemaps_collect

    tree = ast.parse(Path(weltstadt.sitemaps.__file__).read_text())
    imported = {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert imported.isdisjoint(PROGRAMME_APPS)
    # each app that has a sitemap contributes it
    assert {"weltstadt", "ambassadors", "summits", "masterplan"} <= set(sitemaps_collect())
