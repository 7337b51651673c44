"""For other apps' admins: tie their items (summit follow-up actions, office activity reports) to
master-plan objectives without the master plan importing them.

    from masterplan.admin_inlines import ObjectiveLinkInline
    class FollowUpActionAdmin(admin.ModelAdmin):
        inlines = [ObjectiveLinkInline]
"""

from django.contrib.contenttypes.admin import GenericTabularInline

from masterplan.models import ObjectiveLink


class ObjectiveLinkInline(GenericTabularInline):
    model = ObjectiveLink
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ["objective", "note"]
    autocomplete_fields = ["objective"]
    extra = 0
