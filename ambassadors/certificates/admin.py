"""Back-office of the certificates (Programme coordinator role): list, correction, medal,
revocation with a reason, audit history, PDF download and the cohort award with progress."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ambassadors.admin.actions import confirm_requested, intermediate_page, reason_title, run_each
from ambassadors.certificates import admin_award, services
from ambassadors.certificates.models import Certificate, MissionStatementDocument
from ambassadors.certificates.selectors import (
    certificate_current_file,
    certificates_with_current_file,
)
from ambassadors.certificates.views_member import pdf_response
from ambassadors.forms import ReasonForm
from weltstadt.text_search import FoldedSearchMixin


class CertificateForm(forms.ModelForm):
    """What staff may change by hand: the holder's name (a correction) and the medal handover."""

    class Meta:
        model = Certificate
        fields = ["holder_name", "medal_handed_over_on", "medal_event"]
        widgets = {"medal_handed_over_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        data = super().clean()
        if "holder_name" in self.changed_data and not self.instance.is_valid:
            self.add_error("holder_name", _("A revoked certificate cannot be corrected."))
        on, event = data.get("medal_handed_over_on"), (data.get("medal_event") or "").strip()
        if (on is None) != (not event):
            raise forms.ValidationError(
                _("Enter both the date and the event of the medal handover, or neither.")
            )
        if on and on > timezone.localdate():
            self.add_error("medal_handed_over_on", _("The handover date cannot be in the future."))
        return data


@admin.register(Certificate)
class CertificateAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    form = CertificateForm
    change_list_template = "ambassadors/certificates/admin/change_list.html"
    list_display = [
        "number",
        "holder_name",
        "cohort",
        "status",
        "awarded_on",
        "version",
        "rendered",
        "medal",
        "download",
    ]
    list_filter = ["status", "year", "ambassador__cohort"]
    search_fields = ["number", "holder_name", "code", "ambassador__user__email"]
    list_select_related = ["ambassador__cohort"]
    readonly_fields = [
        "number",
        "code",
        "ambassador",
        "awarded_on",
        "awarded_by",
        "signatory_name",
        "signatory_title",
        "version",
        "status",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "reinstated_at",
        "reinstated_by",
        "reinstatement_reason",
        "download",
    ]
    fields = [
        "number",
        "code",
        "ambassador",
        "holder_name",
        "awarded_on",
        "awarded_by",
        "signatory_name",
        "signatory_title",
        "version",
        "download",
        "status",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "reinstated_at",
        "reinstated_by",
        "reinstatement_reason",
        "medal_handed_over_on",
        "medal_event",
    ]
    history_list_display = [
        "holder_name",
        "version",
        "status",
        "revocation_reason",
        "reinstatement_reason",
    ]
    actions = ["revoke", "reinstate", "render_pending"]

    def get_queryset(self, request):
        return certificates_with_current_file(super().get_queryset(request))

    def has_add_permission(self, request):
        return False  # certificates are awarded, see the award page

    def has_delete_permission(self, request, obj=None):
        return False  # a number is never reused: revoke instead

    @admin.display(description=_("cohort"), ordering="ambassador__cohort")
    def cohort(self, obj):
        return obj.ambassador.cohort

    @admin.display(description=_("PDF ready"), boolean=True)
    def rendered(self, obj):
        return getattr(obj, "is_rendered", None)

    @admin.display(description=_("medal handed over"))
    def medal(self, obj):
        return obj.medal_handed_over_on or "–"

    @admin.display(description=_("PDF"))
    def download(self, obj):
        if not obj.pk:
            return "–"
        url = reverse("admin:ambassadors_certificate_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def save_model(self, request, obj, form, change):
        # Changes go through the services, which version, audit and mail them.
        if "holder_name" in form.changed_data:
            services.certificate_correct(
                certificate=obj, holder_name=form.cleaned_data["holder_name"], by=request.user
            )
        medal_changed = {"medal_handed_over_on", "medal_event"} & set(form.changed_data)
        if medal_changed and form.cleaned_data["medal_handed_over_on"]:
            services.medal_hand_over(
                certificate=obj,
                on=form.cleaned_data["medal_handed_over_on"],
                event=form.cleaned_data["medal_event"],
                by=request.user,
            )
        obj.refresh_from_db()

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("award/", wrap(self.award_view), name="ambassadors_certificate_award"),
            path(
                "award/<int:cohort_pk>/progress/",
                wrap(self.progress_view),
                name="ambassadors_certificate_progress",
            ),
            path(
                "award/<int:cohort_pk>/progress.json",
                wrap(self.progress_json),
                name="ambassadors_certificate_progress_json",
            ),
            path("<int:pk>/pdf/", wrap(self.pdf_view), name="ambassadors_certificate_pdf"),
            *super().get_urls(),
        ]

    def _require(self, allowed: bool) -> None:
        if not allowed:
            raise PermissionDenied

    def award_view(self, request):
        self._require(self.has_change_permission(request))
        return admin_award.award_page(self, request)

    def progress_view(self, request, cohort_pk: int):
        self._require(self.has_view_permission(request))
        return admin_award.progress_page(self, request, cohort_pk)

    def progress_json(self, request, cohort_pk: int):
        self._require(self.has_view_permission(request))
        return admin_award.progress_json(request, cohort_pk)

    def pdf_view(self, request, pk: int):
        self._require(self.has_view_permission(request))
        certificate = get_object_or_404(Certificate, pk=pk)
        pdf = certificate_current_file(certificate)
        if pdf is None:
            self.message_user(request, _("The PDF is not rendered yet."), messages.WARNING)
            return admin_award.redirect_change(certificate)
        return pdf_response(pdf.file, f"{certificate.number}-v{pdf.version}.pdf")

    def _with_reason(self, request, queryset, *, action, service, title, done):
        """An action that asks for a reason on an intermediate page, then applies `service` to
        each selected certificate and says to whom it happened."""
        form = ReasonForm(request.POST if confirm_requested(request) else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            run_each(
                self,
                request,
                queryset,
                lambda c: service(certificate=c, reason=reason, by=request.user),
                done=done,
            )
            return None
        return intermediate_page(
            self,
            request,
            queryset,
            action=action,
            title=reason_title(queryset.count(), title),
            form=form,
        )

    @admin.action(description=_("Revoke the title…"), permissions=["change"])
    def revoke(self, request, queryset):
        return self._with_reason(
            request,
            queryset,
            action="revoke",
            service=services.certificate_revoke,
            title=_("Revoke the title"),
            done=_("Title revoked and the holder informed by mail: %(names)s."),
        )

    @admin.action(description=_("Reinstate the title (revoked in error)…"), permissions=["change"])
    def reinstate(self, request, queryset):
        return self._with_reason(
            request,
            queryset,
            action="reinstate",
            service=services.certificate_reinstate,
            title=_("Reinstate the title"),
            done=_("Title reinstated and the holder informed by mail: %(names)s."),
        )

    @admin.action(description=_("Render and mail missing PDFs"), permissions=["change"])
    def render_pending(self, request, queryset):
        count = services.certificates_render_pending(
            certificate_ids=list(queryset.values_list("pk", flat=True))
        )
        self.message_user(
            request, _("%(count)d PDFs scheduled.") % {"count": count}, messages.SUCCESS
        )


@admin.register(MissionStatementDocument)
class MissionStatementDocumentAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["statement", "ambassador", "rendered_at"]
    list_filter = ["statement"]
    search_fields = ["ambassador__user__name", "ambassador__user__email"]
    list_select_related = ["statement", "ambassador__user"]
    readonly_fields = ["statement", "ambassador", "download", "rendered_at"]
    fields = readonly_fields  # the PDF is rendered, never uploaded here

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/pdf/",
                wrap(self.pdf_view),
                name="ambassadors_missionstatementdocument_pdf",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("PDF"))
    def download(self, obj):
        if not obj.pk or not obj.file:
            return "–"
        url = reverse("admin:ambassadors_missionstatementdocument_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def pdf_view(self, request, pk: int):
        document = get_object_or_404(
            MissionStatementDocument.objects.select_related("statement"), pk=pk
        )
        if not self.has_view_permission(request, document):
            raise PermissionDenied
        if not document.file:
            raise Http404
        return pdf_response(document.file, f"mission-statement-{document.statement.year}.pdf")
