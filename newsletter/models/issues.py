from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from newsletter.richtext import richtext_clean

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
MAX_IMAGE_BYTES = 5 * 1024 * 1024


def validate_image_size(image) -> None:
    from django.core.exceptions import ValidationError

    if image and image.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("The image is larger than 5 MB."))


class Issue(models.Model):
    """One issue of the bulletin: an edition per language, built from its ordered articles."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("bulletin issue status", "Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", pgettext_lazy("bulletin issue status", "Sent")

    number = models.PositiveIntegerField(_("number"), unique=True)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    lead_image = models.ImageField(
        _("lead image"),
        upload_to="bulletin/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_size],
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    # stored on upload, so the page gives the image its size before it loads (no layout shift)
    # without opening the file on every request
    lead_image_width = models.PositiveIntegerField(null=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, editable=False)
    lead_image_alt = models.CharField(_("lead image description"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"#{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("newsletter:issue", kwargs={"number": self.number})

    def clean(self) -> None:
        for code, _name in settings.LANGUAGES:
            field = f"intro_{code}"
            if getattr(self, field, None):
                setattr(self, field, richtext_clean(getattr(self, field)))

    @property
    def version(self) -> int:
        """Changes whenever the issue is saved: part of the cache key of rendered editions."""
        return int(self.updated_at.timestamp() * 1_000_000) if self.updated_at else 0


class Article(models.Model):
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="articles"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"), help_text=_("Paragraphs, links, lists, emphasis; anything else is removed.")
    )
    image = models.ImageField(
        _("image"),
        upload_to="bulletin/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_size],
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["issue", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsletter:article", kwargs={"number": self.issue.number, "pk": self.pk})

    def clean(self) -> None:
        for code, _name in settings.LANGUAGES:
            field = f"body_{code}"
            if getattr(self, field, None):
                setattr(self, field, richtext_clean(getattr(self, field)))
