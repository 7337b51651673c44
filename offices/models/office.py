"""The office registry: offices, their status history, founders, boards and private documents."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from weltstadt.private_storage import get_private_storage


class Office(models.Model):
    """A promotion and representation office of İzmir abroad."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        FOUNDING = "founding", _("Being founded")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        CLOSED = "closed", _("Closed")

    # Which status may follow which; everything else is refused by office_status_change.
    TRANSITIONS = {
        Status.PLANNED: {Status.FOUNDING, Status.CLOSED},
        Status.FOUNDING: {Status.ACTIVE, Status.PLANNED, Status.CLOSED},
        Status.ACTIVE: {Status.SUSPENDED, Status.CLOSED},
        Status.SUSPENDED: {Status.ACTIVE, Status.CLOSED},
        Status.CLOSED: set(),
    }

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    country = CountryField(_("country"))
    city = models.ForeignKey(
        "weltstadt.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="+"
    )
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, editable=False
    )
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    supervising_unit = models.CharField(
        _("supervising unit"),
        max_length=200,
        blank=True,
        help_text=_("The unit of the city administration that supervises this office."),
    )
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisors"),
        blank=True,
        related_name="supervised_offices",
        limit_choices_to={"is_staff": True},
    )
    # modeltranslation adds description_<lang> after the historical model is built: the history
    # keeps the status, contacts and supervision, not the translated texts.
    history = HistoricalRecords(
        excluded_fields=[f"description_{code}" for code, _name in settings.LANGUAGES]
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("offices:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.ACTIVE


class OfficeStatusChange(models.Model):
    """One transition of an office's status: who, when and why."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        pgettext_lazy("office status change", "from"), max_length=20, choices=Office.Status.choices
    )
    to_status = models.CharField(
        pgettext_lazy("office status change", "to"), max_length=20, choices=Office.Status.choices
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.office}: {self.from_status} → {self.to_status}"


class Founder(models.Model):
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="founders"
    )
    name = models.CharField(_("name"), max_length=200)
    country_of_residence = CountryField(_("country of residence"))
    citizenships = CountryField(_("citizenships"), multiple=True, blank=True)

    class Meta:
        verbose_name = _("founder")
        verbose_name_plural = _("founders")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BoardMember(models.Model):
    """A member of an office's board; with a user account, they use the board area."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        TREASURER = "treasurer", _("Treasurer")
        MEMBER = "member", _("Member")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="board_members"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="office_board_memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    appointed_on = models.DateField(_("appointed on"))
    term_ends_on = models.DateField(_("term ends on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        ordering = ["office", "role", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "user"],
                condition=models.Q(user__isnull=False),
                name="offices_board_member_unique_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.appointed_on <= today and (
            self.term_ends_on is None or self.term_ends_on >= today
        )


def _document_path(instance: "OfficeDocument", filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"offices/{instance.office_id}/{uuid.uuid4().hex}{suffix}"


class OfficeDocument(models.Model):
    """Statutes, minutes and reports: private, seen only by the office's board and supervisors."""

    class Kind(models.TextChoices):
        STATUTES = "statutes", _("Statutes")
        MINUTES = "minutes", _("Minutes")
        REPORT = "report", _("Report")
        FINANCES = "finances", _("Financial document")
        OTHER = "other", _("Other")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=get_private_storage, upload_to=_document_path)
    original_name = models.CharField(_("original file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class _NoRows(models.Manager):
    def get_queryset(self):
        return super().get_queryset().none()


class OfficesDashboard(Office):
    """No data of its own: the admin index lists it so that the supervisor's dashboard is one
    click from the back-office's home page."""

    objects = _NoRows()

    class Meta:
        proxy = True
        verbose_name = _("dashboard")
        verbose_name_plural = _("dashboard")
        default_permissions = ()
