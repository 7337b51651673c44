"""The site search index: one row per public item and reader language."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """What the search finds of one public item in one language: its text as a reader of that
    language sees it (modeltranslation's fallback included), where it lives, and, on PostgreSQL,
    its search vector (stemmed with the language's configuration plus a folded copy, see
    search.vectors). Rows exist only for items the public may see (search.sources)."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Bulletin article")
        SUMMIT = "summit", _("Summit")
        SESSION = "session", _("Summit session")
        OFFICE = "office", _("Office abroad")
        PARTNERSHIP = "partnership", _("Partner city")
        NETWORK = "network", _("City network")
        OBJECTIVE = "objective", _("Master-plan objective")
        INDICATOR = "indicator", _("Master-plan indicator")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of item"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # the language the title is really written in (a fallback when it is not translated yet)
    text_language = models.CharField(_("language of the text"), max_length=8)
    title = models.CharField(_("title"), max_length=400)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    # fold(title + body): the SQLite fallback searches it; PostgreSQL has it in the vector too
    folded = models.TextField(_("folded text"), blank=True)
    vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="search_document_unique"
            )
        ]
        indexes = [
            models.Index(fields=["language", "kind"], name="search_doc_language_kind"),
            GinIndex(fields=["vector"], name="search_doc_vector_gin"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.title} ({self.language})"
