from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ambassadors.admin.actions import run_each
from ambassadors.models import MissionStatement, PersonalGoal
from ambassadors.selectors import year_statistics
from ambassadors.services.mission import mission_statement_publish
from ambassadors.uploads import validate_photo
from weltstadt.private_file_widget import PrivateFileWidget
from weltstadt.private_storage import private_file_response
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin


class MissionStatementForm(forms.ModelForm):
    class Meta:
        model = MissionStatement
        fields = [
            "year",
            "title",
            "goals",
            "signatory_name",
            "signatory_title",
            "signature",
            "handover_date",
        ]
        widgets = {
            "signature": PrivateFileWidget(
                download_url=lambda file: reverse(
                    "admin:ambassadors_missionstatement_signature", args=[file.instance.pk]
                )
            )
        }

    def clean_signature(self):
        signature = self.cleaned_data.get("signature")
        if signature and hasattr(signature, "content_type"):  # a new upload
            validate_photo(signature)
        return signature


@admin.register(MissionStatement)
class MissionStatementAdmin(FoldedSearchMixin, TranslationAdmin):
    form = MissionStatementForm
    list_display = ["year", "title", "signatory_name", "handover_date", "status", "statistics"]
    list_filter = ["status"]
    search_fields = ["title", "goals", "signatory_name"]
    readonly_fields = ["status", "published_at", "published_by"]
    actions = ["publish"]

    def get_urls(self):
        return [
            path(
                "statistics/<int:year>/",
                self.admin_site.admin_view(self.statistics_view),
                name="ambassadors_missionstatement_statistics",
            ),
            path(
                "<int:pk>/signature/",
                self.admin_site.admin_view(self.signature_view),
                name="ambassadors_missionstatement_signature",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("statistics"))
    def statistics(self, obj):
        url = reverse("admin:ambassadors_missionstatement_statistics", args=[obj.year])
        return format_html('<a href="{}">{}</a>', url, _("Goals and activities"))

    def signature_view(self, request, pk: int):
        """The signature image, private like every file in private storage."""
        statement = get_object_or_404(MissionStatement, pk=pk)
        if not self.has_view_permission(request, statement):
            raise PermissionDenied
        return private_file_response(statement.signature, download=False)

    def statistics_view(self, request, year: int):
        statement = get_object_or_404(MissionStatement, year=year)
        if not self.has_view_permission(request, statement):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "ambassadors/admin/statistics.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Goals and activities %(year)d") % {"year": year},
                "opts": self.model._meta,
                "statement": statement,
                "stats": year_statistics(year),
            },
        )

    @admin.action(description=_("Publish and mail to every active ambassador"),
                  permissions=["change"])  # fmt: skip
    def publish(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda s: mission_statement_publish(statement=s, by=request.user),
            done=_("Published and mailed to every active ambassador: %(names)s."),
        )


@admin.register(PersonalGoal)
class PersonalGoalAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["year", "ambassador", "short_text", "reported_at"]
    list_filter = ["year", ("reported_at", admin.EmptyFieldListFilter)]
    search_fields = ["ambassador__user__name", "text", "progress_report"]
    list_select_related = ["ambassador__user"]
    autocomplete_fields = ["ambassador"]
    readonly_fields = ["progress_report", "reported_at"]

    @admin.display(description=_("goal"))
    def short_text(self, obj):
        return obj.text[:80]
