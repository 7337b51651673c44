from django import forms
from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from masterplan.admin.data import MeasurementImportForm, csv_import_view
from masterplan.linkables import linkable_item, linkable_item_choices
from masterplan.models import (
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    ObjectiveLink,
    Plan,
    PlanVersion,
    PriorityArea,
    Strategy,
)
from masterplan.services.localdata import MEASUREMENT_COLUMNS, measurement_import
from masterplan.services.plan import PlanTransitionError, plan_status_change
from weltstadt.numbers import LocalizedNumbersAdminMixin
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin, TranslationTabularInline


class PlanVersionInline(LocalizedNumbersAdminMixin, TranslationTabularInline):
    model = PlanVersion
    fields = ["number", "date", "status", "summary", "created_by"]
    readonly_fields = ["number", "date", "status", "created_by"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PriorityAreaInline(LocalizedNumbersAdminMixin, TranslationTabularInline):
    model = PriorityArea
    fields = ["position", "code", "title", "priority_question"]
    extra = 0
    show_change_link = True


def _transition(modeladmin, request, queryset, to, summary):
    for plan in queryset:
        try:
            plan_status_change(plan=plan, to=to, by=request.user, summary=str(summary))
        except PlanTransitionError as exc:
            modeladmin.message_user(request, f"{plan}: {exc}", messages.ERROR)
        else:
            modeladmin.message_user(
                request,
                _("%(plan)s: now “%(status)s”.") % {"plan": plan, "status": Plan.Status(to).label},
                messages.SUCCESS,
            )


@admin.action(description=_("Open the consultation"))
def open_consultation(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Plan.Status.CONSULTATION, _("Consultation opened."))


@admin.action(description=_("Send back to draft"))
def back_to_draft(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Plan.Status.DRAFT, _("Sent back for revision."))


@admin.action(description=_("Adopt the plan"))
def adopt(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Plan.Status.ADOPTED, _("Plan adopted."))


@admin.register(Plan)
class PlanAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["title", "period", "status", "status_changed_at", "consultation"]
    list_filter = ["status"]
    search_fields = ["title"]
    readonly_fields = ["status", "status_changed_at", "status_changed_by", "consultation"]
    list_select_related = ["status_changed_by"]
    inlines = [PriorityAreaInline, PlanVersionInline]
    actions = [open_consultation, back_to_draft, adopt]

    @admin.display(description=_("Consultation summary"))
    def consultation(self, obj):
        if not obj.pk:
            return "–"
        url = reverse("masterplan:consultation_summary", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Comments per area"))


class StrategyInline(LocalizedNumbersAdminMixin, TranslationTabularInline):
    model = Strategy
    fields = ["position", "code", "title"]
    extra = 0
    show_change_link = True


@admin.register(PriorityArea)
class PriorityAreaAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["code", "title", "plan"]
    list_filter = ["plan"]
    search_fields = ["code", "title", "priority_question"]
    list_select_related = ["plan"]
    inlines = [StrategyInline]


class ObjectiveInline(LocalizedNumbersAdminMixin, TranslationTabularInline):
    model = Objective
    fields = ["position", "code", "title"]
    extra = 0
    show_change_link = True


@admin.register(Strategy)
class StrategyAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["code", "title", "area"]
    list_filter = ["area__plan", "area"]
    search_fields = ["code", "title"]
    list_select_related = ["area"]
    inlines = [ObjectiveInline]


class IndicatorInline(LocalizedNumbersAdminMixin, TranslationTabularInline):
    model = Indicator
    fields = ["position", "name", "unit", "direction", "baseline_year", "baseline_value", "weight"]
    extra = 0
    show_change_link = True


class ObjectiveLinkForm(forms.ModelForm):
    """The linked item is chosen by name, among the allowed kinds only (never a raw id)."""

    item_choice = forms.ChoiceField(label=_("item"))

    class Meta:
        model = ObjectiveLink
        fields = ["note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item_choice"].choices = [("", "---------"), *linkable_item_choices()]
        if self.instance.pk:
            self.initial["item_choice"] = (
                f"{self.instance.content_type_id}-{self.instance.object_id}"
            )

    def clean_item_choice(self):
        value = self.cleaned_data["item_choice"]
        found = linkable_item(value)
        if found is None:
            raise forms.ValidationError(_("Please choose one of the items offered."))
        self.instance.content_type, self.instance.object_id = found
        return value


class ObjectiveLinkInline(LocalizedNumbersAdminMixin, admin.TabularInline):
    model = ObjectiveLink
    form = ObjectiveLinkForm
    fields = ["item_choice", "note"]
    extra = 0


@admin.register(Objective)
class ObjectiveAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["code", "title", "strategy"]
    list_filter = ["strategy__area__plan", "strategy__area"]
    search_fields = ["code", "title"]
    list_select_related = ["strategy"]
    inlines = [IndicatorInline, ObjectiveLinkInline]


class TargetInline(LocalizedNumbersAdminMixin, admin.TabularInline):
    model = IndicatorTarget
    extra = 0


class MeasurementInline(LocalizedNumbersAdminMixin, admin.TabularInline):
    model = Measurement
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(
    FoldedSearchMixin, LocalizedNumbersAdminMixin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ["name", "objective", "unit", "direction", "weight", "excluded_from_totals"]
    list_filter = ["direction", "excluded_from_totals", "objective__strategy__area__plan"]
    search_fields = ["name", "objective__code", "objective__title"]
    list_select_related = ["objective"]
    inlines = [TargetInline, MeasurementInline]
    change_list_template = "masterplan/admin/indicator_change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="masterplan_indicator_import"), *super().get_urls()]

    def import_view(self, request):
        return csv_import_view(
            self,
            request,
            form_class=MeasurementImportForm,
            service=lambda data: measurement_import(
                content=data["file"].read(), language=data["language"], plan=data["plan"]
            ),
            title=_("Import measurements from CSV"),
            intro=_(
                "One row per indicator and year: the objective's code and the indicator's name "
                "(in any language of the site). Years after this one or outside the plan "
                "period are refused."
            ),
            columns=MEASUREMENT_COLUMNS,
        )
