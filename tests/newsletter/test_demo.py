"""Acceptance 5: demo content has three issues in all six languages and a few hundred readers."""

from django.conf import settings

from newsletter.demo import demo_seed
from newsletter.editions import edition_complete_languages
from newsletter.models import Issue, Subscriber


def test_the_demo_has_three_complete_issues_and_a_few_hundred_subscribers(client, db):
    demo_seed()
    demo_seed()  # idempotent
    issues = list(Issue.objects.prefetch_related("articles"))
    assert len(issues) == 3
    every_language = [code for code, _name in settings.LANGUAGES]
    for issue in issues:
        assert edition_complete_languages(issue, list(issue.articles.all())) == every_language
    assert Subscriber.objects.count() == 300
    assert Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() >= 200
    assert set(Subscriber.objects.values_list("language", flat=True)) == set(every_language)
    # two are published in the archive, the third is a draft ready to send
    page = client.get("/tr/bulletin/").content.decode()
    published = [issue for issue in issues if issue.published_at]
    assert len(published) == 2
    assert client.get(f"/tr/bulletin/{published[0].number}/").status_code == 200
    assert "/tr/bulletin/3/" not in page
