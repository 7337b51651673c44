"""The audit trail of staff changes to people, money, certificates and plan figures.

django-simple-history records who changed what, when, and every field before and after. Most
models declare `history = HistoricalRecords()` themselves (certificates, registrations, offices and
board members, funding requests, budget lines, payments, annual reports, expert comments); the
ones below did not, and are registered here, their history tables in the weltstadt app, so that
no programme app needs a migration for it. tests/security/test_audit_history.py checks the whole
list, including the ones declared on the models.
"""

from simple_history import register

# (app label, model name): people, plan figures and the ambassador programme's staff decisions
REGISTERED_HERE = [
    ("weltstadt", "User"),
    ("ambassadors", "Ambassador"),
    ("ambassadors", "Application"),
    ("ambassadors", "Evidence"),
    ("ambassadors", "ModuleCompletion"),
    ("newsletter", "Subscriber"),
    ("summits", "Delegation"),
    ("offices", "Founder"),
    ("masterplan", "Indicator"),
    ("masterplan", "IndicatorTarget"),
    ("masterplan", "Measurement"),
    ("masterplan", "InvestmentTarget"),
    ("masterplan", "LocalDataValue"),
]


def _skip_login_stamp(sender, instance, update_fields=None, **kwargs):
    """A login saves last_login alone: not a change anyone made to the person, no history row."""
    if update_fields is not None and set(update_fields) == {"last_login"}:
        instance.skip_history_when_saving = True


def _clear_skip(sender, instance, **kwargs):
    if hasattr(instance, "skip_history_when_saving"):
        del instance.skip_history_when_saving


def audited_models() -> list:
    """Every model whose staff changes must be in the history: declared or registered here."""
    from django.apps import apps

    declared = [
        m for m in apps.get_models() if hasattr(m._meta, "simple_history_manager_attribute")
    ]
    return [m for m in declared if not m.__name__.startswith("Historical")]


def register_histories() -> None:
    """Called once from WeltstadtConfig.ready(), when every model and ModelAdmin is loaded:
    registers the history of the models above, and gives their admins simple-history's history
    page (every version, who and when, the fields before and after)."""
    from django.apps import apps
    from django.contrib import admin
    from simple_history.admin import SimpleHistoryAdmin

    for app_label, model_name in REGISTERED_HERE:
        model = apps.get_model(app_label, model_name)
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            register(model, app="weltstadt", manager_name="history")
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save, pre_save

    user_model = get_user_model()
    pre_save.connect(_skip_login_stamp, sender=user_model, dispatch_uid="audit_skip_login")
    # after simple-history's own post_save receiver (connected when the history was registered)
    post_save.connect(_clear_skip, sender=user_model, dispatch_uid="audit_clear_skip")
    for model in audited_models():
        model_admin = admin.site._registry.get(model)
        if model_admin is not None and not isinstance(model_admin, SimpleHistoryAdmin):
            cls = type(model_admin)
            model_admin.__class__ = type(cls.__name__, (SimpleHistoryAdmin, cls), {})
