from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import published_fields as published
from api.fields import LANGUAGE_CODES, PageUrlField, TranslatedField
from newsletter.editions import edition_complete_languages
from newsletter.models import Article, Issue


class ArticleSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    summary = TranslatedField()
    body = TranslatedField(help_text="Sanitised HTML: paragraphs, links, lists, emphasis.")
    url = PageUrlField()

    class Meta:
        model = Article
        fields = published.ARTICLE


class BulletinIssueSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    intro = TranslatedField(help_text="Sanitised HTML.")
    editions = serializers.SerializerMethodField()
    url = PageUrlField()

    class Meta:
        model = Issue
        fields = published.BULLETIN_ISSUE

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(LANGUAGE_CODES)))
    def get_editions(self, issue: Issue) -> list[str]:
        """The languages in which the whole issue exists (the editions mailed to readers)."""
        return edition_complete_languages(issue, list(issue.articles.all()))


class BulletinIssueDetailSerializer(BulletinIssueSerializer):
    articles = ArticleSerializer(many=True, read_only=True)

    class Meta(BulletinIssueSerializer.Meta):
        fields = published.BULLETIN_ISSUE_DETAIL
