"""For other apps' admins: tie their items (summit follow-up actions, office activity reports) to
master-plan objectives without the master plan importing them.

    from masterplan.admin_inlines import ObjectiveLinkInline
    class FollowUpActionAdmin(admin.ModelAdmin):
        inlines = [ObjectiveLinkInline]

Whoever may change the item may change its links (the summit organiser has no master-plan
permissions), and the objective is chosen from a list by code and title, so no permission on the
master plan's own admin is needed either.
"""

from django import forms
from django.contrib.contenttypes.admin import GenericTabularInline

from masterplan.linkables import BY_LABEL
from masterplan.models import Objective, ObjectiveLink


class ObjectiveLinkInline(GenericTabularInline):
    model = ObjectiveLink
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ["objective", "note"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "objective":
            kwargs["queryset"] = Objective.objects.order_by("code")
            kwargs["widget"] = forms.Select
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _parent_is_linkable(self) -> bool:
        # Only the kinds of masterplan.linkables may be tied to objectives; on any other
        # model's admin this inline offers nothing (ObjectiveLink.save refuses them too).
        return self.parent_model._meta.label_lower in BY_LABEL

    def _parent_may(self, request, action: str) -> bool:
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")

    def has_add_permission(self, request, obj=None):
        return self._parent_is_linkable() and (
            self._parent_may(request, "change") or self._parent_may(request, "add")
        )

    def has_change_permission(self, request, obj=None):
        return self._parent_is_linkable() and (
            self._parent_may(request, "change") or self._parent_may(request, "add")
        )

    def has_delete_permission(self, request, obj=None):
        return self._parent_is_linkable() and self._parent_may(request, "change")

    def has_view_permission(self, request, obj=None):
        return self._parent_is_linkable() and (
            self._parent_may(request, "view") or self._parent_may(request, "change")
        )
