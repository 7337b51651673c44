from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from masterplan.admin_inlines import ObjectiveLinkInline
from summits import admin_views
from summits.exports import registrations_csv
from summits.models import (
    Declaration,
    Delegation,
    FollowUpAction,
    Registration,
    Session,
    Speaker,
    Summit,
    Theme,
)
from summits.services.errors import SummitError
from summits.services.registration import waiting_list_advance
from summits.services.summit import (
    badges_schedule,
    declaration_pdf_schedule,
    follow_up_set_status,
    summit_transition,
)
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin, TranslationTabularInline


class SummitTimeZoneMixin:
    """The change form shows and reads times in the summit's own time zone (a Bremen summit in
    Berlin time), not the server's (İzmir), and lists say which zone a time is in."""

    summit_path = "summit"  # from the object to its summit; "" for the summit itself

    def _summit_of(self, obj):
        return obj if not self.summit_path else getattr(obj, self.summit_path, None)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        summit = None
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            summit = self._summit_of(obj) if obj is not None else None
        elif request.GET.get("summit", "").isdigit():
            summit = Summit.objects.filter(pk=request.GET["summit"]).first()
        zone = summit.tz if summit is not None else timezone.get_current_timezone()
        extra_context = {**(extra_context or {}), "summit_time_zone": str(zone)}
        with timezone.override(zone):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):  # the form renders its times now, in this zone
                response.render()
            return response

    def _local(self, obj, value):
        summit = self._summit_of(obj)
        if value is None or summit is None:
            return "–"
        local = timezone.localtime(value, summit.tz)
        return f"{date_format(local, 'SHORT_DATETIME_FORMAT')} ({summit.time_zone})"


class SessionInline(TranslationTabularInline):
    model = Session
    extra = 0
    fields = ["title", "starts_at", "ends_at", "room", "track", "language"]
    show_change_link = True


def _transition_action(status, label):
    @admin.action(description=label)
    def action(modeladmin, request, queryset):
        for summit in queryset:
            try:
                summit_transition(summit=summit, to=status, by=request.user)
            except SummitError as error:
                modeladmin.message_user(request, f"{summit}: {error.message}", messages.ERROR)
            else:
                modeladmin.message_user(request, f"{summit}: {summit.get_status_display()}")

    action.__name__ = f"make_{status}"
    return action


@admin.register(Summit)
class SummitAdmin(SummitTimeZoneMixin, FoldedSearchMixin, TranslationAdmin):
    summit_path = ""
    list_display = ["edition", "title", "host_city", "start_date", "status", "capacity", "tools"]
    list_filter = ["status", "format", "host_city"]
    search_fields = ["title", "theme", "host_city__name"]
    list_select_related = ["host_city"]
    autocomplete_fields = ["host_city"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["status", "status_changed_at", "status_changed_by"]
    inlines = [SessionInline]
    actions = [
        _transition_action(Summit.Status.OPEN, _("Open registration")),
        _transition_action(Summit.Status.CLOSED, _("Close registration")),
        _transition_action(Summit.Status.HELD, _("Mark as held")),
        _transition_action(Summit.Status.ARCHIVED, _("Archive")),
        "render_badges",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            promoted = waiting_list_advance(summit=obj)
            if promoted:
                self.message_user(
                    request,
                    _("%(count)d people moved up from the waiting list.")
                    % {"count": len(promoted)},
                )

    @admin.display(description=_("Tools"))
    def tools(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:summits_summit_checkin", args=[obj.pk]),
            _("Check-in"),
            reverse("admin:summits_summit_attendance", args=[obj.pk]),
            _("Attendance"),
            reverse("admin:summits_summit_message", args=[obj.pk]),
            _("Mail participants"),
        )

    @admin.action(description=_("Render name badges (PDF)"))
    def render_badges(self, request, queryset):
        """Start the rendering on the pdf queue and show its progress (no waiting here)."""
        summits = list(queryset)
        for summit in summits:
            badges_schedule(summit=summit)
        self.message_user(request, _("The badges are being rendered."))
        if len(summits) == 1:
            return redirect("admin:summits_summit_badges_progress", pk=summits[0].pk)
        return None

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/check-in/", wrap(admin_views.checkin), name="summits_summit_checkin"),
            path(
                "<int:pk>/attendance/",
                wrap(admin_views.attendance),
                name="summits_summit_attendance",
            ),
            path("<int:pk>/message/", wrap(admin_views.message), name="summits_summit_message"),
            path("<int:pk>/badges.pdf", wrap(admin_views.badges_pdf), name="summits_summit_badges"),
            path(
                "<int:pk>/badges/progress/",
                wrap(admin_views.badges_progress),
                name="summits_summit_badges_progress",
            ),
            path(
                "<int:pk>/badges/progress.json",
                wrap(admin_views.badges_progress_json),
                name="summits_summit_badges_progress_json",
            ),
            path(
                "<int:pk>/participants.csv",
                wrap(admin_views.participants_csv),
                name="summits_summit_csv",
            ),
            *super().get_urls(),
        ]


@admin.register(Theme)
class ThemeAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Speaker)
class SpeakerAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["name", "affiliation", "city"]
    search_fields = ["name", "affiliation"]
    list_select_related = ["city"]
    autocomplete_fields = ["city"]


@admin.register(Session)
class SessionAdmin(SummitTimeZoneMixin, FoldedSearchMixin, TranslationAdmin):
    list_display = ["title", "summit", "local_start", "room", "track", "language"]
    list_filter = ["summit", "track", "language"]
    search_fields = ["title", "abstract"]
    list_select_related = ["summit", "track"]
    autocomplete_fields = ["speakers"]

    @admin.display(description=_("starts"), ordering="starts_at")
    def local_start(self, obj):
        return self._local(obj, obj.starts_at)

    def save_model(self, request, obj, form, change):
        # Times typed on the add page (no summit known yet) are the chosen summit's local times.
        zone = timezone.get_current_timezone()
        if obj.summit_id and str(zone) != str(obj.summit.tz):
            for field in ("starts_at", "ends_at"):
                value = getattr(obj, field)
                if value is not None and field in form.changed_data:
                    naive = timezone.make_naive(value, zone)
                    setattr(obj, field, timezone.make_aware(naive, obj.summit.tz))
        super().save_model(request, obj, form, change)


@admin.register(Delegation)
class DelegationAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["city", "summit", "head_name", "head_email", "created_at"]
    list_filter = ["summit"]
    search_fields = ["city__name", "head_name", "head_email"]
    list_select_related = ["city", "summit"]
    readonly_fields = ["token", "confirm_by"]


@admin.register(Registration)
class RegistrationAdmin(SummitTimeZoneMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "email", "summit", "city", "role", "status", "waiting_position",
                    "arrived"]  # fmt: skip
    list_filter = ["summit", "status", "role", "city", "language"]
    search_fields = ["name", "email", "checkin_code"]
    list_select_related = ["summit", "city"]
    readonly_fields = ["status", "waiting_position", "checkin_code", "created_at", "promoted_at",
                       "cancelled_at", "checked_in_at", "checked_in_by"]  # fmt: skip
    fields = ["summit", "delegation", "city", "name", "email", "role", "language", "needs",
              *readonly_fields]  # fmt: skip
    autocomplete_fields = ["city"]
    actions = ["export_csv"]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/badge.pdf",
                wrap(admin_views.registration_badge),
                name="summits_registration_badge",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("arrived"), ordering="checked_in_at")
    def arrived(self, obj):
        return self._local(obj, obj.checked_in_at)

    def has_add_permission(self, request):
        # Registrations go through the registration service (capacity, waiting list, mail).
        return False

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "summit", "delegation", "email"]

    @admin.action(description=_("Export the selected participants as CSV"))
    def export_csv(self, request, queryset):
        return registrations_csv(
            request, queryset.select_related("summit", "city", "delegation__city")
        )


@admin.register(Declaration)
class DeclarationAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["title", "summit", "adopted_on"]
    search_fields = ["title", "text"]
    list_select_related = ["summit"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        declaration_pdf_schedule(declaration=obj)


def _status_action(status, label):
    @admin.action(description=label)
    def action(modeladmin, request, queryset):
        for follow_up in queryset:
            follow_up_set_status(action=follow_up, status=status, by=request.user)

    action.__name__ = f"mark_{status}"
    return action


@admin.register(FollowUpAction)
class FollowUpActionAdmin(SummitTimeZoneMixin, FoldedSearchMixin, TranslationAdmin):
    list_display = ["what", "summit", "owner_city", "due_date", "status"]
    list_filter = ["summit", "status", "owner_city"]
    search_fields = ["what", "owner_city__name"]
    list_select_related = ["summit", "owner_city"]
    autocomplete_fields = ["owner_city"]
    readonly_fields = ["status", "status_changed_at", "status_changed_by"]
    actions = [_status_action(value, label) for value, label in FollowUpAction.Status.choices]
    inlines = [ObjectiveLinkInline]  # which master-plan objectives this action serves
