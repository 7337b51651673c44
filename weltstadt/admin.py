from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter

from weltstadt.models import City, Network, OutgoingMail, Partnership, User
from weltstadt.outbox import outbox_retry
from weltstadt.text_search import FoldedSearchMixin
from weltstadt.translation_admin import TranslationAdmin


@admin.register(User)
class UserAdmin(FoldedSearchMixin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "preferred_language", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "preferred_language", "groups"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name", "preferred_language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "name", "preferred_language", "password1", "password2"),
            },
        ),
    )


@admin.register(City)
class CityAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "country", "part_of", "latitude", "longitude"]
    list_filter = [("country", CountryFilter)]  # only the countries in use
    search_fields = ["name"]
    autocomplete_fields = ["part_of"]
    list_per_page = 50


@admin.register(Partnership)
class PartnershipAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["partner", "city", "kind", "status", "protocol_date", "since_year"]
    list_filter = ["kind", "status", ("partner__country", CountryFilter)]
    search_fields = ["partner__name", "city__name", "note"]
    autocomplete_fields = ["city", "partner"]
    list_select_related = ["city", "partner"]


@admin.register(Network)
class NetworkAdmin(FoldedSearchMixin, TranslationAdmin):
    list_display = ["name", "founded_year", "members_count"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["members"]


@admin.register(OutgoingMail)
class OutgoingMailAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["created_at", "to", "template", "language", "status", "attempts", "sent_at"]
    list_filter = ["status", "template", "language"]
    search_fields = ["to", "idempotency_key", "last_error"]
    date_hierarchy = "created_at"
    actions = ["retry"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Retry sending the selected mails"), permissions=["view"])
    def retry(self, request, queryset):
        count = outbox_retry(list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d mail will be sent again.",
                "%(count)d mails will be sent again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
