"""Forms of the board area and the supervisor's admin pages: they parse input, services decide."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offices.models import FundingRequest, Office, OfficeDocument
from offices.models.money import Currency
from offices.uploads import validate_upload
from weltstadt.numbers import LocalizedDecimalField


def _year_choices(back: int, ahead: int) -> list[tuple[int, int]]:
    year = timezone.localdate().year
    return [(y, y) for y in range(year + ahead, year - back - 1, -1)]


def _money(label, *, required: bool = True) -> LocalizedDecimalField:
    """An amount typed the reader's way ("1.250,50" in de/tr, "1,250.50" in en), said back live
    as understood; the services check the configured upper limits."""
    return LocalizedDecimalField(
        label=label,
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=required,
    )


class LocalizedCountField(LocalizedDecimalField):
    """A whole number typed the reader's way ("2.300" visitors in German), as an int."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=9, decimal_places=0, min_value=0, **kwargs)

    def clean(self, value):
        number = super().clean(value)
        return None if number is None else int(number)


class DocumentForm(forms.Form):
    # no kind is preselected: a document filed as statutes by default was often no statute
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Choose the kind of document")), *OfficeDocument.Kind.choices],
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, OpenDocument, PNG or JPEG; at most 10 MB.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload)
        return upload


class FundingRequestForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices(1, 2)
        self.fields["year"].initial = timezone.localdate().year


class BudgetLineForm(forms.Form):
    description = forms.CharField(label=_("Budget line"), max_length=200, required=False)
    amount = _money(_("Amount"), required=False)

    def clean(self):
        data = super().clean()
        if self.has_error("amount") or self.has_error("description"):
            return data  # the field says what is wrong with it; both may well be given
        if bool(data.get("description")) != (data.get("amount") is not None):
            raise ValidationError(_("Give both a description and an amount, or leave both empty."))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=5, max_num=30, validate_max=True)


class AnnualReportForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())
    amount_spent = _money(_("Amount spent"))
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    activity_summary = forms.CharField(
        label=_("Activity report"), widget=forms.Textarea(attrs={"rows": 6})
    )
    financial_report = forms.FileField(
        label=_("Financial report"),
        required=False,
        help_text=_("PDF, Word, OpenDocument, PNG or JPEG; at most 10 MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices(5, 0)

    def clean_financial_report(self):
        upload = self.cleaned_data.get("financial_report")
        if upload:
            validate_upload(upload)
        return upload


class ActivityReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    period_start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    events_count = LocalizedCountField(label=_("Number of events"), initial=0)
    events = forms.CharField(label=_("Events held"), widget=forms.Textarea, required=False)
    contacts = forms.CharField(label=_("Contacts made"), widget=forms.Textarea, required=False)
    institutions = forms.CharField(
        label=_("Institutions met"), widget=forms.Textarea, required=False
    )
    media_coverage = forms.CharField(
        label=_("Media coverage"), widget=forms.Textarea, required=False
    )
    visitors = LocalizedCountField(label=_("Visitors"), initial=0)
    highlight = forms.CharField(
        label=_("Highlight for the public page"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_(
            "Programme, photos or press cuttings: PDF, Word, OpenDocument, PNG or JPEG; at most "
            "10 MB. Only your board and your supervisors can open it."
        ),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_upload(upload)
        return upload or None


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[c for c in FundingRequest.Status.choices if c[0] != "submitted"],
        widget=forms.RadioSelect,
    )
    amount = _money(_("Approved amount (for an approval in part)"), required=False)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class PaymentForm(forms.Form):
    amount = _money(_("Amount"))
    paid_on = forms.DateField(
        label=_("Paid on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    reference = forms.CharField(label=_("Reference"), max_length=100, required=False)


class ReviewForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Review"),
        coerce=lambda value: value == "accept",
        choices=[("accept", _("Accept the report")), ("send_back", _("Send it back"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class StatusForm(forms.Form):
    """Offers only the statuses the office may go to from where it is; closing asks to confirm."""

    to = forms.ChoiceField(label=_("New status"), choices=(), widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    confirm_final = forms.BooleanField(label="", required=False)

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office
        allowed = Office.TRANSITIONS[Office.Status(office.status)]
        self.fields["to"].choices = [
            (v, label) for v, label in Office.Status.choices if v in allowed
        ]
        self.fields["confirm_final"].label = _(
            "Close %(office)s for good: a closed office cannot be reopened."
        ) % {"office": office.name}

    def clean(self):
        data = super().clean()
        if data.get("to") == Office.Status.CLOSED and not data.get("confirm_final"):
            self.add_error(
                "confirm_final",
                _("Closing is final: tick the box to confirm that %(office)s closes for good.")
                % {"office": self.office.name},
            )
        return data
