"""Admin of issues: editions per language, test, send now or schedule, live progress, pause."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from newsletter.editions import edition_complete_languages
from newsletter.models import Article, Issue, SendJob
from newsletter.selectors import issue_statistics, sendjob_for_issue, sendjob_progress
from newsletter.services.sending import (
    SendError,
    issue_send,
    issue_send_test,
    sendjob_pause,
    sendjob_resume,
)


class ArticleInline(TranslationStackedInline):
    model = Article
    extra = 0
    fields = ["position", "title", "summary", "body", "image"]


class ScheduleForm(forms.Form):
    send_at = forms.SplitDateTimeField(
        label=gettext_lazy("Send at"), widget=admin.widgets.AdminSplitDateTime
    )

    def clean_send_at(self):
        value = self.cleaned_data["send_at"]
        if value <= timezone.now():
            raise forms.ValidationError(gettext_lazy("Choose a time in the future."))
        return value


@admin.register(Issue)
class IssueAdmin(TranslationAdmin):
    list_display = ["number", "title", "date", "status", "editions", "send_link"]
    list_filter = ["status"]
    search_fields = ["title", "number"]
    readonly_fields = ["status", "published_at", "editions", "send_link"]
    inlines = [ArticleInline]

    class Media:
        css = {"all": ["css/newsletter.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("articles")

    @admin.display(description=gettext_lazy("complete editions"))
    def editions(self, issue: Issue):
        if issue.pk is None:  # the add form: no articles yet
            return "—"
        complete = set(edition_complete_languages(issue, list(issue.articles.all())))
        badges = format_html_join(
            " ",
            '<span class="badge badge-{}" title="{}">{}</span>',
            (
                (
                    "complete" if code in complete else "incomplete",
                    _("complete") if code in complete else _("incomplete"),
                    code.upper() + (" ✓" if code in complete else " ✗"),
                )
                for code, _name in settings.LANGUAGES
            ),
        )
        return format_html('<span class="bulletin-admin">{}</span>', badges)

    @admin.display(description=gettext_lazy("sending"))
    def send_link(self, issue: Issue):
        if issue.pk is None:
            return "—"
        url = reverse("admin:newsletter_issue_send", args=[issue.pk])
        return format_html('<a href="{}">{}</a>', url, _("Send / progress"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/send/", view(self.send_view), name="newsletter_issue_send"),
            path(
                "<int:pk>/progress.json",
                view(self.progress_json),
                name="newsletter_issue_progress",
            ),
            *super().get_urls(),
        ]

    def send_view(self, request, pk: int):
        issue = get_object_or_404(Issue, pk=pk)
        if not self.has_change_permission(request, issue):
            return redirect("admin:index")
        schedule_form = ScheduleForm(request.POST if "schedule" in request.POST else None)
        job = sendjob_for_issue(issue=issue)
        if request.method == "POST":
            try:
                if "test" in request.POST:
                    issue_send_test(issue=issue, user=request.user)
                    messages.success(request, _("A test has been sent to %s.") % request.user.email)
                elif "send_now" in request.POST:
                    issue_send(issue=issue, by=request.user)
                    messages.success(request, _("Sending has started."))
                elif "schedule" in request.POST and schedule_form.is_valid():
                    issue_send(
                        issue=issue, by=request.user, send_at=schedule_form.cleaned_data["send_at"]
                    )
                    messages.success(request, _("The issue is scheduled."))
                elif "pause" in request.POST and job:
                    if sendjob_pause(job=job, by=request.user):
                        messages.success(request, _("Sending is paused."))
                elif "resume" in request.POST and job:
                    if sendjob_resume(job=job, by=request.user):
                        messages.success(request, _("Sending continues."))
                else:
                    raise SendError(_("Please check the form."))
                return redirect("admin:newsletter_issue_send", pk=issue.pk)
            except SendError as exc:
                messages.error(request, str(exc))
        complete = edition_complete_languages(issue, list(issue.articles.all()))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send issue %(number)s") % {"number": issue.number},
            "issue": issue,
            "opts": self.model._meta,
            "job": job,
            "progress": sendjob_progress(job=job) if job else None,
            "statistics": issue_statistics(issue=issue) if job else [],
            "complete": complete,
            "languages": settings.LANGUAGES,
            "schedule_form": schedule_form,
        }
        return TemplateResponse(request, "newsletter/admin/send.html", context)

    def progress_json(self, request, pk: int):
        issue = get_object_or_404(Issue, pk=pk)
        if not self.has_view_permission(request, issue):
            return JsonResponse({}, status=403)
        job = sendjob_for_issue(issue=issue)
        return JsonResponse(sendjob_progress(job=job) if job else {})


@admin.register(SendJob)
class SendJobAdmin(admin.ModelAdmin):
    list_display = ["issue", "status", "send_at", "total", "started_at", "finished_at"]
    list_filter = ["status"]
    list_select_related = ["issue"]
    search_fields = ["issue__title", "issue__number"]
    readonly_fields = [
        "issue", "status", "send_at", "total", "created_by", "started_at", "finished_at",
        "paused_by", "paused_at",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False
