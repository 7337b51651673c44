from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from offices import selectors, services
from offices.admin.filters import CountryInUseFilter, OfficeCountryInUseFilter
from offices.admin.numbers import OfficesNumbersAdminMixin
from offices.admin.pages import admin_form_page
from offices.forms import StatusForm
from offices.models import (
    BoardMember,
    Founder,
    Office,
    OfficeDocument,
    OfficesDashboard,
    OfficeStatusChange,
)
from offices.uploads import content_type_for
from weltstadt.exports import csv_response
from weltstadt.private_file_widget import PrivateFileWidget
from weltstadt.private_storage import private_file_response
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin


def dashboard_context() -> dict:
    return {
        "title": gettext("Offices dashboard"),
        "board": selectors.dashboard(),
        "today": timezone.localdate(),
    }


class FounderInline(admin.TabularInline):
    model = Founder
    extra = 0


class BoardMemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0
    fields = ["name", "email", "role", "appointed_on", "term_ends_on", "user"]
    readonly_fields = ["user"]


class StatusChangeInline(admin.TabularInline):
    model = OfficeStatusChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "from_status", "to_status", "changed_by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class DocumentInline(admin.TabularInline):
    model = OfficeDocument
    extra = 0
    can_delete = False
    fields = ["title", "kind", "download", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, document):
        url = reverse("admin:offices_officedocument_download", args=[document.pk])
        return format_html('<a href="{}">{}</a>', url, document.original_name)


@admin.register(Office)
class OfficeAdmin(
    FoldedSearchMixin, OfficesNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["name", "country", "city", "status", "founded_on", "supervising_unit"]
    list_filter = ["status", CountryInUseFilter]
    search_fields = ["name", "city__name", "supervising_unit"]
    list_select_related = ["city"]
    autocomplete_fields = ["city"]
    filter_horizontal = ["supervisors"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["status", "change_status"]
    inlines = [FounderInline, BoardMemberInline, DocumentInline, StatusChangeInline]
    actions = ["invite_board"]
    change_list_template = "offices/admin/office_change_list.html"

    def get_inline_instances(self, request, obj=None):
        # Every holder of the role sees the office; its documents only its own supervisors.
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and not selectors.office_files_open_to(request.user, obj):
            inlines = [inline for inline in inlines if not isinstance(inline, DocumentInline)]
        return inlines

    @admin.display(description=_("change status"))
    def change_status(self, office):
        if not office.pk:
            return "–"
        url = reverse("admin:offices_office_status", args=[office.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, gettext("Change status"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("dashboard/", view(self.dashboard_view), name="offices_dashboard"),
            path("dashboard/finance.csv", view(self.finance_csv_view), name="offices_finance_csv"),
            path("registry.csv", view(self.registry_csv_view), name="offices_registry_csv"),
            path("<int:pk>/status/", view(self.status_view), name="offices_office_status"),
            *super().get_urls(),
        ]

    def _check_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def dashboard_view(self, request):
        self._check_view(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            **dashboard_context(),
        }
        return TemplateResponse(request, "offices/admin/dashboard.html", context)

    def finance_csv_view(self, request):
        self._check_view(request)
        return csv_response(
            request,
            "office-funding",
            [
                gettext("Office"),
                gettext("Country"),
                gettext("Year"),
                gettext("Currency"),
                gettext("Requested"),
                pgettext("amount of funding", "Approved"),
                gettext("Paid"),
                gettext("Reported"),
            ],
            selectors.finance_export_rows(),
        )

    def registry_csv_view(self, request):
        """The office registry: every office with its status, place, contacts and board."""
        self._check_view(request)
        return csv_response(
            request,
            "office-registry",
            [
                gettext("Office"),
                gettext("Status"),
                gettext("Country"),
                gettext("City"),
                gettext("Founding date"),
                gettext("Address"),
                gettext("E-mail"),
                gettext("Phone"),
                gettext("Website"),
                gettext("Supervising unit"),
                gettext("Chair"),
                gettext("Board members"),
            ],
            selectors.registry_export_rows(),
        )

    def status_view(self, request, pk: int):
        office = get_object_or_404(Office, pk=pk)
        return admin_form_page(
            request,
            model_admin=self,
            obj=office,
            form_class=StatusForm,
            title=gettext("Change the status of %(office)s") % {"office": office},
            intro=gettext("Current status: %(status)s") % {"status": office.get_status_display()},
            perform=lambda data: services.office_status_change(
                office=office, to=data["to"], by=request.user, reason=data["reason"]
            ),
            success=gettext("The status has been changed."),
            closed=""
            if Office.TRANSITIONS[Office.Status(office.status)]
            else gettext("A closed office keeps its status for good."),
            form_kwargs={"office": office},
        )

    @admin.action(description=_("Invite the board members without an account"))
    def invite_board(self, request, queryset):
        invited = 0
        members = BoardMember.objects.filter(office__in=queryset, user__isnull=True)
        for member in members.select_related("office"):
            try:
                services.board_member_invite(member=member, by=request.user)
            except ValidationError as error:
                messages.warning(request, f"{member.name}: {' '.join(error.messages)}")
            else:
                invited += 1
        messages.success(request, gettext("%(count)d board members invited.") % {"count": invited})


@admin.register(BoardMember)
class BoardMemberAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "office", "role", "appointed_on", "term_ends_on", "user"]
    list_filter = ["role", OfficeCountryInUseFilter, "office__status"]
    search_fields = ["name", "email", "office__name"]
    list_select_related = ["office", "user"]
    autocomplete_fields = ["office"]
    readonly_fields = ["user"]
    date_hierarchy = "term_ends_on"


@admin.register(OfficeDocument)
class OfficeDocumentAdmin(FoldedSearchMixin, admin.ModelAdmin):
    """Documents of the offices the user supervises (all for superusers), nobody else's."""

    list_display = ["title", "office", "kind", "download", "uploaded_by", "uploaded_at"]
    list_filter = ["kind", OfficeCountryInUseFilter]
    search_fields = ["title", "office__name", "original_name"]
    list_select_related = ["office", "uploaded_by"]
    readonly_fields = ["original_name", "size", "uploaded_by", "uploaded_at"]
    autocomplete_fields = ["office"]

    def get_urls(self):
        return [
            path(
                "<int:pk>/download/",
                self.admin_site.admin_view(self.download_view),
                name="offices_officedocument_download",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("file"))
    def download(self, document):
        url = reverse("admin:offices_officedocument_download", args=[document.pk])
        return format_html('<a href="{}">{}</a>', url, document.original_name)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":
            kwargs["widget"] = PrivateFileWidget(
                download_url=lambda file: reverse(
                    "admin:offices_officedocument_download", args=[file.instance.pk]
                ),
                label=lambda file: file.instance.original_name,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        documents = super().get_queryset(request)
        if request.user.is_superuser:
            return documents
        return documents.filter(office__in=selectors.offices_with_files_open_to(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "office":
            kwargs["queryset"] = selectors.offices_with_files_open_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def download_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        document = get_object_or_404(self.get_queryset(request), pk=pk)
        return private_file_response(
            document.file,
            filename=document.original_name,
            content_type=content_type_for(document.original_name),
        )

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file")
        if upload and hasattr(upload, "size"):
            obj.original_name = upload.name[:255]
            obj.size = upload.size
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_form(self, request, obj=None, **kwargs):
        from offices.uploads import validate_upload

        form = super().get_form(request, obj, **kwargs)
        form.base_fields["file"].validators = [validate_upload]
        return form


@admin.register(OfficesDashboard)
class OfficesDashboardAdmin(admin.ModelAdmin):
    """A row on the admin index whose page is the supervisor's dashboard (no records of its own:
    its list is empty and renders the dashboard instead)."""

    change_list_template = "offices/admin/dashboard.html"

    def _office_admin(self):
        return self.admin_site._registry[Office]

    def has_view_permission(self, request, obj=None):
        return self._office_admin().has_view_permission(request)

    def has_module_permission(self, request):
        return self._office_admin().has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return super().changelist_view(request, {**dashboard_context(), **(extra_context or {})})
