import pytest
from django.urls import reverse

from tests.newsletter.factories import issue_make, subscribers_make
from tests.page_cache import admin_change, de_and_tr, kept_in_cache


@pytest.mark.django_db
def test_an_issue_edited_and_sent_in_the_admin_shows_at_once_in_every_language(
    staff_client, run_on_commit
):
    issue = issue_make(number=7)
    subscribers_make(2)
    pages = de_and_tr("newsletter:index") + de_and_tr("home")
    visitor = kept_in_cache(pages)
    admin_change(staff_client, issue, {"title_de": "Ausgabe 7: Der Hafen", "title_tr": "Liman"})
    send = reverse("admin:newsletter_issue_send", args=[issue.pk])
    with run_on_commit():
        response = staff_client.post(send, {"send_now_confirmed": "", "confirm": "on"})
    assert response.status_code == 302
    de, tr = (visitor.get(url).content.decode() for url in pages[:2])
    assert "Ausgabe 7: Der Hafen" in de
    assert "Liman" in tr
    for url in pages[2:]:  # the home page's latest articles
        assert "Article 0" in visitor.get(url).content.decode()
