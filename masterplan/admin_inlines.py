"""For other apps' admins: tie their items (summit follow-up actions, office activity reports) to
master-plan objectives without the master plan importing them.

    from masterplan.admin_inlines import ObjectiveLinkInline
    class FollowUpActionAdmin(admin.ModelAdmin):
        inlines = [ObjectiveLinkInline]
"""

from django.contrib.contenttypes.admin import GenericTabularInline

from masterplan.linkables import BY_LABEL
from masterplan.models import ObjectiveLink


class ObjectiveLinkInline(GenericTabularInline):
    model = ObjectiveLink
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ["objective", "note"]
    autocomplete_fields = ["objective"]
    extra = 0

    def _parent_is_linkable(self) -> bool:
        # Only the kinds of masterplan.linkables may be tied to objectives; on any other
        # model's admin this inline offers nothing (ObjectiveLink.save refuses them too).
        return self.parent_model._meta.label_lower in BY_LABEL

    def has_add_permission(self, request, obj=None):
        return self._parent_is_linkable() and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._parent_is_linkable() and super().has_change_permission(request, obj)
