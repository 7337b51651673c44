from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class LocalDataset(models.Model):
    """A series of figures about İzmir (population, visitors, exports …) by year."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    unit = models.CharField(_("unit"), max_length=60)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("local data set")
        verbose_name_plural = _("local data sets")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("masterplan:local_data") + f"#data-{self.key}"


class LocalDataValue(models.Model):
    dataset = models.ForeignKey(
        LocalDataset, verbose_name=_("data set"), on_delete=models.CASCADE, related_name="values"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=3)

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["dataset", "year"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "year"], name="masterplan_localvalue_unique")
        ]

    def __str__(self) -> str:
        return f"{self.dataset} {self.year}: {self.value}"
