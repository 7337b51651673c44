"""Admin of issues: editions per language, test, send now or schedule, live progress, pause."""

import re

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsletter.editions import edition_complete_languages, edition_for
from newsletter.models import Article, Issue, SendJob
from newsletter.selectors import (
    PUBLISHED,
    issue_recipients_per_edition,
    issue_statistics,
    scheduler_running,
    sendjob_for_issue,
    sendjob_progress,
)
from newsletter.services.sending import (
    ISSUE_TEMPLATE,
    TEST_ADDRESSES_MAX,
    SendError,
    issue_send,
    issue_send_test,
    sendjob_cancel,
    sendjob_pause,
    sendjob_reschedule,
    sendjob_resume,
)
from newsletter.widgets import ArticleForm, IssueForm
from weltstadt.mail import mail_render
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin, TranslationStackedInline


def issue_locked(issue: Issue | None) -> bool:
    """A sent (or sending) issue is locked: the archive stays what the readers received."""
    return issue is not None and issue.status in (Issue.Status.SENDING, Issue.Status.SENT)


class ArticleInline(TranslationStackedInline):
    model = Article
    form = ArticleForm
    extra = 0
    fields = ["position", "title", "summary", "body", "image"]

    def has_add_permission(self, request, obj=None):
        return not issue_locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not issue_locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not issue_locked(obj) and super().has_delete_permission(request, obj)


class ScheduleForm(forms.Form):
    send_at = forms.SplitDateTimeField(
        label=gettext_lazy("Send at"), widget=admin.widgets.AdminSplitDateTime
    )

    def clean_send_at(self):
        value = self.cleaned_data["send_at"]
        if value <= timezone.now():
            raise forms.ValidationError(gettext_lazy("Choose a time in the future."))
        return value


class TestSendForm(forms.Form):
    """A test of any complete edition to the addresses the editor types."""

    edition = forms.ChoiceField(label=gettext_lazy("Edition"))
    addresses = forms.CharField(
        label=gettext_lazy("Addresses"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
        help_text=gettext_lazy("One or more e-mail addresses, separated by commas or lines."),
    )

    def __init__(self, *args, complete: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.fields["edition"].choices = [(code, names[code]) for code in complete]

    def clean_addresses(self) -> list[str]:
        validator = forms.EmailField()
        addresses = []
        for part in re.split(r"[\s,;]+", self.cleaned_data["addresses"]):
            if not part:
                continue
            try:
                addresses.append(validator.clean(part))
            except forms.ValidationError as exc:
                raise forms.ValidationError(
                    gettext_lazy("“%(address)s” is not an e-mail address."),
                    params={"address": part[:100]},
                ) from exc
        if not addresses or len(addresses) > TEST_ADDRESSES_MAX:
            raise forms.ValidationError(
                gettext_lazy("Enter between 1 and %(max)s addresses."),
                params={"max": TEST_ADDRESSES_MAX},
            )
        return addresses


class SendNowForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, send this issue to these readers now."),
        error_messages={"required": gettext_lazy("Please confirm the send.")},
    )


class NumberOrFoldedSearchMixin(FoldedSearchMixin):
    """Folded search over the texts; a search for a number also finds that issue number."""

    number_field = "number"

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().lstrip("#")
        if term.isdigit():
            found = found | queryset.filter(**{self.number_field: int(term)})
        return found, duplicates


@admin.register(Issue)
class IssueAdmin(NumberOrFoldedSearchMixin, TranslationAdmin):
    list_display = ["number", "title", "date", "status", "editions", "send_link"]
    list_filter = ["status"]
    search_fields = ["title", "intro", "articles__title"]
    form = IssueForm
    readonly_fields = ["status", "published_at", "editions", "send_link"]
    inlines = [ArticleInline]

    class Media:
        css = {"all": ["css/newsletter.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("articles")

    def has_change_permission(self, request, obj=None):
        return not issue_locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not issue_locked(obj) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        issue = self.get_object(request, object_id)
        if issue_locked(issue) and request.method == "GET":
            messages.info(
                request,
                _(
                    "This issue has been sent and is locked, so that the archive stays what "
                    "the readers received."
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context)

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
                "<int:pk>/preview/<str:language>/",
                view(self.preview_view),
                name="newsletter_issue_preview",
            ),
            path(
                "<int:pk>/progress.json",
                view(self.progress_json),
                name="newsletter_issue_progress",
            ),
            *super().get_urls(),
        ]

    def send_view(self, request, pk: int):
        issue = get_object_or_404(Issue, pk=pk)
        # not the change permission on the issue: a sent issue is locked, its sending is not
        if not super().has_change_permission(request):
            return redirect("admin:index")
        post = request.POST if request.method == "POST" else None
        complete = edition_complete_languages(issue, list(issue.articles.all()))
        schedule_form = ScheduleForm(post if post and "schedule" in post else None)
        reschedule_form = ScheduleForm(
            post if post and "reschedule" in post else None, prefix="move"
        )
        test_form = TestSendForm(
            post if post and "test" in post else None,
            complete=complete,
            initial={
                "edition": edition_for(request.user.preferred_language, complete),
                "addresses": request.user.email,
            },
        )
        job = sendjob_for_issue(issue=issue)
        if post is not None:
            try:
                if "send_now" in post:  # the count first, then a confirmed send
                    return self._send_now_confirm(request, issue, SendNowForm())
                if "send_now_confirmed" in post:
                    confirm = SendNowForm(post)
                    if not confirm.is_valid():
                        return self._send_now_confirm(request, issue, confirm)
                    issue_send(issue=issue, by=request.user)
                    messages.success(request, _("Sending has started."))
                elif "test" in post and test_form.is_valid():
                    sent = issue_send_test(
                        issue=issue,
                        by=request.user,
                        language=test_form.cleaned_data["edition"],
                        addresses=test_form.cleaned_data["addresses"],
                    )
                    messages.success(
                        request,
                        _("A test has been sent to %s.") % ", ".join(m.to for m in sent),
                    )
                elif "schedule" in post and schedule_form.is_valid():
                    issue_send(
                        issue=issue, by=request.user, send_at=schedule_form.cleaned_data["send_at"]
                    )
                    messages.success(request, _("The issue is scheduled."))
                elif "reschedule" in post and job and reschedule_form.is_valid():
                    if not sendjob_reschedule(
                        job=job, send_at=reschedule_form.cleaned_data["send_at"], by=request.user
                    ):
                        raise SendError(_("Sending has already begun."))
                    messages.success(request, _("The send has been moved."))
                elif "cancel" in post and job:
                    if not sendjob_cancel(job=job, by=request.user):
                        raise SendError(_("Sending has already begun."))
                    messages.success(request, _("The scheduled send has been cancelled."))
                elif "pause" in post and job:
                    if sendjob_pause(job=job, by=request.user):
                        messages.success(request, _("Sending is paused."))
                elif "resume" in post and job:
                    if sendjob_resume(job=job, by=request.user):
                        messages.success(request, _("Sending continues."))
                else:
                    raise SendError(_("Please check the form."))
                return redirect("admin:newsletter_issue_send", pk=issue.pk)
            except SendError as exc:
                messages.error(request, str(exc))
        active = job if job and job.status != SendJob.Status.CANCELLED else None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send issue %(number)s") % {"number": issue.number},
            "issue": issue,
            "opts": self.model._meta,
            "job": active,
            "progress": sendjob_progress(job=active) if active else None,
            "statistics": issue_statistics(issue=issue) if active else [],
            "complete": complete,
            "languages": settings.LANGUAGES,
            "schedule_form": schedule_form,
            "reschedule_form": reschedule_form,
            "test_form": test_form,
            "scheduler_running": scheduler_running(),
            "eager": settings.CELERY_TASK_ALWAYS_EAGER,
            "overdue": bool(
                active
                and active.status == SendJob.Status.SCHEDULED
                and active.send_at < timezone.now()
            ),
        }
        return TemplateResponse(request, "newsletter/admin/send.html", context)

    def _send_now_confirm(self, request, issue: Issue, form: SendNowForm):
        names = dict(settings.LANGUAGES)
        counts = issue_recipients_per_edition(issue=issue)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send issue %(number)s") % {"number": issue.number},
            "issue": issue,
            "opts": self.model._meta,
            "form": form,
            "editions": [(code, names[code], n) for code, n in counts.items()],
            "total": sum(counts.values()),
        }
        return TemplateResponse(request, "newsletter/admin/send_confirm.html", context)

    def preview_view(self, request, pk: int, language: str):
        """Each edition as the readers of `language` will get it, drafts included."""
        issue = get_object_or_404(Issue, pk=pk)
        if not self.has_view_permission(request, issue) or language not in dict(settings.LANGUAGES):
            raise Http404
        complete = edition_complete_languages(issue, list(issue.articles.all()))
        edition = edition_for(language, complete) or language
        rendered = mail_render(
            ISSUE_TEMPLATE,
            language=edition,
            context={
                "issue": issue.pk,
                "v": issue.version,
                "w": language if edition != language else "",
            },
        )
        if "raw" in request.GET:  # the mail's own HTML, shown in the page's frame
            response = HttpResponse(rendered.html)
            response["X-Frame-Options"] = "SAMEORIGIN"
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
            response._csp_replace = {"frame-ancestors": ["'self'"]}
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview of issue %(number)s") % {"number": issue.number},
            "issue": issue,
            "opts": self.model._meta,
            "language": language,
            "edition": edition,
            "complete": complete,
            "languages": settings.LANGUAGES,
            "rendered": rendered,
        }
        return TemplateResponse(request, "newsletter/admin/preview.html", context)

    def view_on_site(self, issue: Issue):
        # A draft has no public page yet: "view on site" opens the preview of the German edition.
        if issue.status in PUBLISHED:
            return issue.get_absolute_url()
        return reverse("admin:newsletter_issue_preview", args=[issue.pk, settings.LANGUAGE_CODE])

    def progress_json(self, request, pk: int):
        issue = get_object_or_404(Issue, pk=pk)
        if not self.has_view_permission(request, issue):
            return JsonResponse({}, status=403)
        job = sendjob_for_issue(issue=issue)
        return JsonResponse(sendjob_progress(job=job) if job else {})


@admin.register(SendJob)
class SendJobAdmin(NumberOrFoldedSearchMixin, admin.ModelAdmin):
    number_field = "issue__number"
    list_display = ["issue", "status", "send_at", "total", "started_at", "finished_at"]
    list_filter = ["status"]
    list_select_related = ["issue"]
    search_fields = ["issue__title"]
    readonly_fields = [
        "issue", "status", "send_at", "total", "created_by", "started_at", "finished_at",
        "paused_by", "paused_at",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False
