from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from masterplan.models import ExpertComment, ExpertInvitation
from masterplan.services.consultation import (
    ConsultationRefused,
    comment_moderate,
    comment_take_up,
    expert_invite,
    expert_link_path,
    invitation_revoke,
)
from weltstadt.text_search import FoldedSearchMixin


@admin.action(description=_("Revoke the personal link"))
def revoke(modeladmin, request, queryset):
    count = sum(invitation_revoke(invitation=inv, by=request.user) for inv in queryset)
    modeladmin.message_user(request, _("%(n)s links revoked.") % {"n": count}, messages.SUCCESS)


@admin.register(ExpertInvitation)
class ExpertInvitationAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "affiliation", "field", "email", "plan", "expires_at", "link_state"]
    list_filter = ["plan", "revoked_at"]
    search_fields = ["name", "affiliation", "field", "email"]
    list_select_related = ["plan"]
    readonly_fields = ["personal_link", "revoked_at", "invited_by", "created_at"]
    actions = [revoke]

    def get_fields(self, request, obj=None):
        fields = ["plan", "name", "affiliation", "field", "email", "language", "expires_at"]
        return fields + (self.readonly_fields if obj else [])

    @admin.display(description=_("link"))
    def link_state(self, obj):
        labels = {"valid": _("valid"), "expired": _("expired"), "revoked": _("revoked")}
        return format_html('<span class="badge badge-{}">{}</span>', obj.state, labels[obj.state])

    @admin.display(description=_("personal link"))
    def personal_link(self, obj):
        path = expert_link_path(obj, language=obj.language)
        return format_html('<a href="{}">{}</a>', path, path)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        invitation = expert_invite(
            plan=data["plan"],
            name=data["name"],
            affiliation=data["affiliation"],
            field=data["field"],
            email=data["email"],
            language=data["language"],
            expires_at=data["expires_at"],
            by=request.user,
        )
        obj.pk, obj.token = invitation.pk, invitation.token


def _each(modeladmin, request, queryset, service, **kwargs):
    done = 0
    for comment in queryset.select_related("invitation"):
        try:
            service(comment=comment, by=request.user, **kwargs)
            done += 1
        except ConsultationRefused as exc:
            modeladmin.message_user(request, f"#{comment.pk}: {exc}", messages.ERROR)
    if done:
        modeladmin.message_user(request, _("%(n)s comments changed.") % {"n": done})


@admin.action(description=_("Approve"))
def approve(modeladmin, request, queryset):
    _each(modeladmin, request, queryset, comment_moderate, approve=True)


@admin.action(description=_("Reject"))
def reject(modeladmin, request, queryset):
    _each(modeladmin, request, queryset, comment_moderate, approve=False)


@admin.action(description=_("Mark as taken up"))
def take_up(modeladmin, request, queryset):
    _each(modeladmin, request, queryset, comment_take_up)


@admin.register(ExpertComment)
class ExpertCommentAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["short_text", "expert", "area", "strategy", "moderation", "taken_up"]
    list_filter = ["moderation", "taken_up", "invitation__plan", "area"]
    search_fields = ["text", "invitation__name", "invitation__affiliation"]
    list_select_related = ["invitation", "area", "strategy"]
    readonly_fields = [
        "invitation",
        "area",
        "strategy",
        "text",
        "moderation",
        "moderated_by",
        "moderated_at",
        "taken_up",
        "taken_up_by",
        "taken_up_at",
        "created_at",
        "updated_at",
    ]
    actions = [approve, reject, take_up]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("expert"), ordering="invitation__name")
    def expert(self, obj):
        return obj.invitation.name

    @admin.display(description=_("comment"))
    def short_text(self, obj):
        return obj.text[:80] + ("…" if len(obj.text) > 80 else "")
