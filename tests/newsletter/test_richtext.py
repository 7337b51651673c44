"""Article text is sanitised (nh3 allow-list) when saved and when shown; images are validated."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from newsletter.models import Article, Issue
from newsletter.models import issues as issue_models
from newsletter.richtext import richtext_clean

ADD_URL = "/admin/newsletter/issue/add/"


@pytest.fixture
def staff_client(staff_client):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return staff_client


def _image(fmt: str = "PNG", size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (11, 94, 138)).save(out, fmt)
    return out.getvalue()


def _form(**extra) -> dict:
    return {
        "number": "3",
        "date": "2026-11-01",
        "title_de": "Ausgabe drei",
        "articles-TOTAL_FORMS": "1",
        "articles-INITIAL_FORMS": "0",
        "articles-MIN_NUM_FORMS": "0",
        "articles-MAX_NUM_FORMS": "1000",
        "articles-0-position": "0",
        "articles-0-title_de": "Hafen",
        "articles-0-body_de": "<p>Der Hafen</p>",
        **extra,
    }


def test_the_allow_list_keeps_structure_and_removes_the_rest():
    dirty = (
        '<h3 style="color:red">Titel</h3><p onclick="steal()">Text <strong>fett</strong> '
        '<a href="javascript:alert(1)">böse</a> '
        '<a href="https://izmir.bel.tr/" target="_top">gut</a>'
        '</p><script>steal()</script><img src=x onerror=steal()><iframe src="https://x"></iframe>'
        "<ul><li>eins</li></ul>"
    )
    clean = richtext_clean(dirty)
    assert clean == (
        '<h3>Titel</h3><p>Text <strong>fett</strong> <a rel="noopener noreferrer">böse</a> '
        '<a href="https://izmir.bel.tr/" rel="noopener noreferrer">gut</a></p>'
        "<ul><li>eins</li></ul>"
    )


def test_the_admin_stores_sanitised_text_in_every_language(staff_client, db):
    response = staff_client.post(
        ADD_URL,
        _form(
            **{
                "articles-0-body_de": '<p onmouseover="x()">Der Hafen<script>x()</script></p>',
                "articles-0-title_tr": "Liman",
                "articles-0-body_tr": '<p>Liman <a href="javascript:x()">bak</a></p>',
            }
        ),
    )
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get()
    assert article.body_de == "<p>Der Hafen</p>"
    assert article.body_tr == '<p>Liman <a rel="noopener noreferrer">bak</a></p>'


def test_text_saved_before_the_allow_list_is_sanitised_on_the_page(client, db, run_on_commit):
    from newsletter.services.sending import issue_send
    from tests.newsletter.factories import issue_make

    issue = issue_make(number=5, languages=["de"], articles=1)
    Article.objects.filter(issue=issue).update(body_de='<p>Hallo<img src=x onerror="x()"></p>')
    with run_on_commit():
        issue_send(issue=issue, by=None)
    page = client.get("/de/bulletin/5/").content.decode()
    assert "<p>Hallo</p>" in page
    assert "onerror" not in page


def test_a_real_image_within_the_limits_is_accepted(staff_client, db):
    upload = SimpleUploadedFile("hafen.png", _image(), content_type="image/png")
    response = staff_client.post(ADD_URL, _form(lead_image=upload, lead_image_alt_de="Der Hafen"))
    assert response.status_code == 302
    assert Issue.objects.get().lead_image.name.startswith("bulletin/hafen")


def test_an_uploaded_images_size_is_stored_and_given_on_the_page(
    staff_client, client, db, run_on_commit
):
    """width and height on the <img>: the page keeps the image's room before it loads."""
    from newsletter.services.sending import issue_send

    upload = SimpleUploadedFile("hafen.png", _image(size=(640, 360)), content_type="image/png")
    extra = {"articles-0-image": SimpleUploadedFile("kai.png", _image(size=(300, 200)))}
    response = staff_client.post(
        ADD_URL, _form(lead_image=upload, lead_image_alt_de="Der Hafen", **extra)
    )
    assert response.status_code == 302
    issue = Issue.objects.get()
    assert (issue.lead_image_width, issue.lead_image_height) == (640, 360)
    article = issue.articles.get()
    assert (article.image_width, article.image_height) == (300, 200)
    with run_on_commit():
        issue_send(issue=issue, by=None)
    page = client.get(f"/de/bulletin/{issue.number}/").content.decode()
    assert re.search(r'<img class="bulletin-lead-image"[^>]* width="640" height="360">', page)
    page = client.get(f"/de/bulletin/{issue.number}/{article.pk}/").content.decode()
    assert re.search(r'<img class="bulletin-lead-image"[^>]* width="300" height="200">', page)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hafen.png", b"<svg onload='x()'></svg>", "Upload a valid image."),
        ("hafen.gif", _image("GIF"), "File extension “gif” is not allowed."),
        ("hafen.svg", b"<svg></svg>", "Upload a valid image."),
    ],
)
def test_anything_but_a_jpeg_png_or_webp_image_is_refused(staff_client, db, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = staff_client.post(ADD_URL, _form(lead_image=upload))
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["lead_image"])
    assert not Issue.objects.exists()


def test_a_too_large_image_is_refused(staff_client, db, monkeypatch):
    monkeypatch.setattr(issue_models, "MAX_IMAGE_BYTES", 100)
    upload = SimpleUploadedFile("hafen.png", _image(), content_type="image/png")
    response = staff_client.post(ADD_URL, _form(**{"articles-0-image": upload, "lead_image": ""}))
    assert response.status_code == 200
    assert not Issue.objects.exists()
    assert "The image is larger than 5 MB." in response.content.decode()


def test_the_admin_gives_rich_text_editors_with_the_german_source_beside_translations(
    staff_client, db
):
    from tests.newsletter.factories import issue_make

    issue = issue_make(number=6, languages=["de"], articles=1)
    Issue.objects.filter(pk=issue.pk).update(intro_de="<p>Willkommen <em>zurück</em></p>")
    Article.objects.filter(issue=issue).update(body_de="<p>Der Hafen <b>wächst</b></p>")
    page = staff_client.get(f"/admin/newsletter/issue/{issue.pk}/change/").content.decode()
    assert "js/newsletter-richtext.js" in page
    # every language of the intro and of the article text is a rich-text field (a textarea
    # that the script turns into the editor; without JavaScript it stays a textarea)
    for name in ["intro_de", "intro_tr", "articles-0-body_de", "articles-0-body_es"]:
        assert f'name="{name}"' in page
        assert re.search(rf'<textarea [^>]*name="{name}"[^>]*data-richtext="', page) or re.search(
            rf'<textarea [^>]*data-richtext="[^"]*"[^>]*name="{name}"', page
        )
    # the German source beside the Turkish translation, not beside the German field
    turkish = page[page.index('name="articles-0-body_tr"') :]
    source = turkish[: turkish.index("</aside>")]
    assert (
        '<div class="richtext-source-text" lang="de"><p>Der Hafen <b>wächst</b></p></div>' in source
    )
    german = page[page.index('name="articles-0-body_de"') :]
    assert "richtext-source" not in german[: german.index('name="articles-0-body_tr"')]
    assert "<p>Willkommen <em>zurück</em></p></div></aside>" in page  # beside intro_tr …


def test_the_intro_typed_in_the_admin_is_sanitised_and_shown_as_html(
    staff_client, client, db, run_on_commit
):
    from newsletter.services.sending import issue_send

    response = staff_client.post(
        ADD_URL,
        _form(
            intro_de='<p onclick="x()">Willkommen in <strong>İzmir</strong></p><script>x()</script>'
        ),
    )
    assert response.status_code == 302
    issue = Issue.objects.get()
    assert issue.intro_de == "<p>Willkommen in <strong>İzmir</strong></p>"
    with run_on_commit():
        issue_send(issue=issue, by=None)
    page = client.get("/de/bulletin/3/").content.decode()
    assert "<p>Willkommen in <strong>İzmir</strong></p>" in page
    assert "&lt;p&gt;" not in page
