from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from masterplan.admin_inlines import ObjectiveLinkInline
from offices import selectors, services
from offices.admin.filters import OfficeCountryInUseFilter, RequestOfficeCountryInUseFilter
from offices.admin.numbers import OfficesNumbersAdminMixin
from offices.admin.pages import admin_form_page
from offices.forms import DecisionForm, PaymentForm, ReviewForm
from offices.models import ActivityReport, AnnualReport, BudgetLine, FundingRequest, Payment
from offices.templatetags.offices_format import money
from offices.uploads import content_type_for
from weltstadt.private_storage import private_file_response
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin


def _money_column(field: str, description, currency_of=lambda obj: obj.currency):
    """A list or read-only column showing `field` as the reader writes money: "1.250,00 EUR"."""

    @admin.display(description=description, ordering=field)
    def column(self, obj):
        value = getattr(obj, field)
        return "–" if value is None else money(value, currency_of(obj))

    return column


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class BudgetLineInline(ReadOnlyInline):
    model = BudgetLine
    fields = ["description", "amount_shown"]
    readonly_fields = fields
    amount_shown = _money_column("amount", _("amount"), lambda line: line.request.currency)


class PaymentInline(ReadOnlyInline):
    model = Payment
    fields = ["paid_on", "amount_shown", "reference", "recorded_by"]
    readonly_fields = fields
    amount_shown = _money_column("amount", _("amount"))


@admin.register(FundingRequest)
class FundingRequestAdmin(FoldedSearchMixin, OfficesNumbersAdminMixin, SimpleHistoryAdmin):
    """Requests are submitted by boards; staff decide and record payments through services."""

    list_display = [
        "office",
        "year",
        "requested_shown",
        "approved_shown",
        "status",
        "submitted_at",
    ]
    list_filter = ["status", "year", "currency", OfficeCountryInUseFilter]
    search_fields = ["office__name", "purpose"]
    list_select_related = ["office"]
    readonly_fields = [
        "office",
        "year",
        "currency",
        "purpose",
        "status",
        "requested_shown",
        "approved_shown",
        "submitted_by",
        "submitted_at",
        "decided_by",
        "decided_at",
        "decision_reason",
        "actions_links",
    ]
    fields = readonly_fields
    inlines = [BudgetLineInline, PaymentInline]
    requested_shown = _money_column("amount_requested", _("amount requested"))
    approved_shown = _money_column("amount_approved", _("amount approved"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("actions"))
    def actions_links(self, funding):
        links = []
        if funding.is_open:
            links.append(
                (
                    reverse("admin:offices_fundingrequest_decide", args=[funding.pk]),
                    gettext("Decide"),
                )
            )
        if not self._pay_closed(funding):
            links.append(
                (
                    reverse("admin:offices_fundingrequest_pay", args=[funding.pk]),
                    gettext("Record a payment"),
                )
            )
        if not links:
            return self._pay_closed(funding) if funding.amount_approved else "–"
        return format_html_join(" ", '<a class="button" href="{}">{}</a>', links)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/decide/", view(self.decide_view), name="offices_fundingrequest_decide"),
            path("<int:pk>/pay/", view(self.pay_view), name="offices_fundingrequest_pay"),
            *super().get_urls(),
        ]

    def decide_view(self, request, pk: int):
        funding = get_object_or_404(FundingRequest.objects.select_related("office"), pk=pk)
        return admin_form_page(
            request,
            model_admin=self,
            obj=funding,
            form_class=DecisionForm,
            title=gettext("Decide on the request of %(office)s") % {"office": funding.office},
            intro=gettext("Requested: %(amount)s %(currency)s for %(year)s")
            % {
                "amount": money(funding.amount_requested),
                "currency": funding.currency,
                "year": funding.year,
            },
            perform=lambda data: services.funding_request_decide(
                request=funding,
                by=request.user,
                decision=data["decision"],
                amount=data["amount"],
                reason=data["reason"],
            ),
            success=gettext("The decision has been recorded."),
            closed=""
            if funding.is_open
            else gettext("This request has been decided or withdrawn: there is nothing to decide."),
        )

    @staticmethod
    def _pay_closed(funding: FundingRequest) -> str:
        """Why no payment can be recorded on `funding` now ("" when one can)."""
        if funding.status not in (
            FundingRequest.Status.APPROVED,
            FundingRequest.Status.PARTLY_APPROVED,
        ):
            return gettext("Payments can only be recorded on approved requests.")
        if funding.office.status not in services.FUNDABLE:
            return gettext(
                "The office is “%(status)s”: it cannot be funded until it is active again."
            ) % {"status": funding.office.get_status_display()}
        return ""

    def pay_view(self, request, pk: int):
        funding = get_object_or_404(FundingRequest.objects.select_related("office"), pk=pk)
        return admin_form_page(
            request,
            model_admin=self,
            obj=funding,
            form_class=PaymentForm,
            title=gettext("Record a payment to %(office)s") % {"office": funding.office},
            intro=gettext("Approved: %(amount)s %(currency)s, paid so far: %(paid)s %(currency)s")
            % {
                "amount": money(funding.amount_approved),
                "paid": money(funding.payments.aggregate(total=Sum("amount"))["total"] or 0),
                "currency": funding.currency,
            },
            perform=lambda data: services.payment_record(
                request=funding,
                by=request.user,
                amount=data["amount"],
                paid_on=data["paid_on"],
                reference=data["reference"],
            ),
            success=gettext("The payment has been recorded."),
            closed=self._pay_closed(funding),
        )


@admin.register(Payment)
class PaymentAdmin(FoldedSearchMixin, OfficesNumbersAdminMixin, SimpleHistoryAdmin):
    list_display = ["paid_on", "request", "amount_shown", "reference", "recorded_by"]
    list_filter = ["currency", "request__year", RequestOfficeCountryInUseFilter]
    search_fields = ["reference", "request__office__name"]
    list_select_related = ["request__office", "recorded_by"]
    date_hierarchy = "paid_on"
    amount_shown = _money_column("amount", _("amount"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AnnualReport)
class AnnualReportAdmin(FoldedSearchMixin, OfficesNumbersAdminMixin, SimpleHistoryAdmin):
    list_display = ["office", "year", "deadline", "status", "spent_shown"]
    list_filter = ["status", "year", OfficeCountryInUseFilter]
    search_fields = ["office__name", "activity_summary"]
    list_select_related = ["office"]
    readonly_fields = [
        "office",
        "year",
        "status",
        "spent_shown",
        "activity_summary",
        "report_file",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_note",
        "review_link",
    ]

    spent_shown = _money_column("amount_spent", _("amount spent"))

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None and not selectors.office_files_open_to(request.user, obj.office):
            fields[fields.index("report_file")] = "report_file_withheld"
        return fields

    def get_fields(self, request, obj=None):
        return ["deadline", *self.get_readonly_fields(request, obj)]

    @admin.display(description=_("financial report"))
    def report_file_withheld(self, report):
        if not report.financial_report:
            return "–"
        return gettext("Only the supervisors of this office can open it.")

    @admin.display(description=_("financial report"))
    def report_file(self, report):
        if not report.financial_report:
            return "–"
        url = reverse("admin:offices_annualreport_file", args=[report.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download"))

    @admin.display(description=_("review"))
    def review_link(self, report):
        if report.status != AnnualReport.Status.SUBMITTED:
            return "–"
        url = reverse("admin:offices_annualreport_review", args=[report.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, gettext("Review"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/review/", view(self.review_view), name="offices_annualreport_review"),
            path("<int:pk>/file/", view(self.file_view), name="offices_annualreport_file"),
            *super().get_urls(),
        ]

    def review_view(self, request, pk: int):
        report = get_object_or_404(AnnualReport.objects.select_related("office"), pk=pk)
        return admin_form_page(
            request,
            model_admin=self,
            obj=report,
            form_class=ReviewForm,
            title=gettext("Review the %(year)s report of %(office)s")
            % {"year": report.year, "office": report.office},
            perform=lambda data: services.annual_report_review(
                report=report, by=request.user, accept=data["accept"], note=data["note"]
            ),
            success=gettext("The review has been recorded."),
            closed=""
            if report.status == AnnualReport.Status.SUBMITTED
            else gettext("Only a submitted report can be reviewed."),
        )

    def file_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = get_object_or_404(
            AnnualReport.objects.filter(
                office__in=selectors.offices_with_files_open_to(request.user)
            ),
            pk=pk,
        )
        return private_file_response(
            report.financial_report, content_type=content_type_for(report.financial_report.name)
        )


@admin.register(ActivityReport)
class ActivityReportAdmin(FoldedSearchMixin, OfficesNumbersAdminMixin, TranslationAdmin):
    list_display = ["title", "office", "period_start", "period_end", "highlight_published"]
    list_filter = ["highlight_published", OfficeCountryInUseFilter]
    search_fields = ["title", "office__name", "highlight"]
    list_select_related = ["office"]
    autocomplete_fields = ["office"]
    readonly_fields = ["submitted_by", "submitted_at", "attachment_link"]
    exclude = ["attachment", "attachment_name"]
    inlines = [ObjectiveLinkInline]  # which master-plan objectives this report serves

    @admin.display(description=_("attachment"))
    def attachment_link(self, report):
        if not report.attachment:
            return "–"
        if not selectors.office_files_open_to(self._request_user, report.office):
            return gettext("Only the supervisors of this office can open it.")
        url = reverse("admin:offices_activityreport_file", args=[report.pk])
        return format_html(
            '<a href="{}">{}</a>', url, report.attachment_name or gettext("Download")
        )

    def get_readonly_fields(self, request, obj=None):
        self._request_user = request.user
        return super().get_readonly_fields(request, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/file/", view(self.file_view), name="offices_activityreport_file"),
            *super().get_urls(),
        ]

    def file_view(self, request, pk: int):
        """The attachment, for the supervisors of the report's office only (like its papers)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = get_object_or_404(
            ActivityReport.objects.filter(
                office__in=selectors.offices_with_files_open_to(request.user)
            ),
            pk=pk,
        )
        return private_file_response(
            report.attachment,
            filename=report.attachment_name or None,
            content_type=content_type_for(report.attachment.name),
        )
