from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationState(models.Model):
    """What the German source of one translated field was when one language was last translated.

    One row per object, field and language with a translation. `outdated` is kept by
    weltstadt.translation_state on every save: true while the German text differs from the
    one the translation was made (or confirmed) for, so lists can filter on it in SQL.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    source_hash = models.CharField(_("German source fingerprint"), max_length=64)
    outdated = models.BooleanField(_("needs update"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translation_state_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["content_type", "language", "outdated", "object_id"],
                name="translation_state_outdated",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}:{self.field}:{self.language}"
