"""Admin of subscribers: search, filters, CSV import and export, bounce import."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsletter.forms import BounceImportForm, SubscriberImportForm
from newsletter.models import Subscriber, SubscriberEvent
from newsletter.services.imports import subscribers_export, subscribers_import
from newsletter.services.subscriptions import subscriber_bounce
from newsletter.views.webhooks import webhook_secret
from weltstadt.exports import csv_response
from weltstadt.models import User
from weltstadt.text_search import FoldedSearchMixin


class SubscriberEventInline(admin.TabularInline):
    model = SubscriberEvent
    extra = 0
    fields = ["created_at", "kind", "issue", "language", "detail"]
    readonly_fields = fields
    can_delete = False
    ordering = ["-created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["email", "language", "status", "consent_source", "confirmed_at", "soft_bounces"]
    list_filter = ["language", "status", "consent_source"]
    search_fields = ["email"]
    readonly_fields = [
        "status", "consent_at", "consent_source", "consent_version", "consent_note",
        "consent_ip", "consent_user_agent", "confirmed_at", "confirmed_ip",
        "confirmed_user_agent", "unsubscribed_at", "soft_bounces", "suppressed_reason",
        "created_at",
    ]  # fmt: skip
    inlines = [SubscriberEventInline]
    actions = ["export_csv"]
    change_list_template = "newsletter/admin/subscriber_changelist.html"

    def has_add_permission(self, request):
        return False  # subscribers come from the form (double opt-in) or a CSV import

    @admin.action(description=gettext_lazy("Export the selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        header, rows = subscribers_export(queryset)
        return csv_response(request, "bulletin-subscribers", header, rows)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="newsletter_subscriber_import"),
            path("bounces/", view(self.bounces_view), name="newsletter_subscriber_bounces"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "webhook_url": request.build_absolute_uri(
                reverse("newsletter:webhook_bounces", kwargs={"secret": webhook_secret()})
            )
            if self.has_change_permission(request)  # the bulletin editor sets it up
            else "",
        }
        return super().changelist_view(request, extra_context)

    def _form_page(self, request, form, title: str):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "newsletter/admin/form.html", context)

    def import_view(self, request):
        if not self.has_change_permission(request):
            return redirect("admin:index")
        form = SubscriberImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > 5 * 1024 * 1024:
                form.add_error("file", _("The file is larger than 5 MB."))
            else:
                result = subscribers_import(
                    data=upload.read(), source_note=form.cleaned_data["source_note"]
                )
                messages.success(
                    request,
                    _("%(created)s subscribers imported, %(existing)s already known.") % result,
                )
                for line, error in result["errors"][:20]:
                    messages.warning(
                        request,
                        _("Line %(line)s skipped: %(error)s") % {"line": line, "error": error},
                    )
                return redirect("admin:newsletter_subscriber_changelist")
        return self._form_page(request, form, _("Import subscribers from CSV"))

    def bounces_view(self, request):
        if not self.has_change_permission(request):
            return redirect("admin:index")
        form = BounceImportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            known = 0
            for email in form.cleaned_data["addresses"]:
                known += bool(
                    subscriber_bounce(
                        email=email,
                        kind=form.cleaned_data["kind"],
                        detail=_("imported by %s") % User.get_short_name(request.user),
                    )
                )
            messages.success(
                request,
                _("%(known)s of %(total)s addresses were subscribers and have been updated.")
                % {"known": known, "total": len(form.cleaned_data["addresses"])},
            )
            return redirect("admin:newsletter_subscriber_changelist")
        return self._form_page(request, form, _("Import bounces and complaints"))


@admin.register(SubscriberEvent)
class SubscriberEventAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["created_at", "subscriber", "kind", "issue", "language"]
    list_filter = ["kind", "language"]
    list_select_related = ["subscriber", "issue"]
    search_fields = ["subscriber__email"]
    readonly_fields = ["subscriber", "kind", "issue", "language", "detail", "created_at"]

    def has_add_permission(self, request):
        return False
