"""The translator roles (one per language) with view and change on every translated model, and a
starting point for the translation states: every translation that exists now counts as made for
the German text it stands next to."""

import hashlib

from django.db import migrations

ROLES = {
    "Translator (Türkçe)": "tr",
    "Translator (English)": "en",
    "Translator (Français)": "fr",
    "Translator (Italiano)": "it",
    "Translator (Español)": "es",
}
# the translated fields when this migration was written (weltstadt.translation_state reads the
# live registry; a migration must not)
TRANSLATED = {
    "ambassadors.Cohort": ["title"],
    "ambassadors.MissionStatement": ["title", "goals", "signatory_title"],
    "ambassadors.Module": ["title", "description"],
    "masterplan.Indicator": ["name", "unit", "exclusion_reason"],
    "masterplan.InvestmentTarget": ["title", "note"],
    "masterplan.LocalDataset": ["title", "unit", "description"],
    "masterplan.Objective": ["title", "description"],
    "masterplan.Plan": ["title", "introduction", "global_position"],
    "masterplan.PlanVersion": ["summary"],
    "masterplan.PriorityArea": ["title", "priority_question", "description"],
    "masterplan.Strategy": ["title", "description"],
    "masterplan.Workshop": ["title", "agenda", "minutes"],
    "newsletter.Article": ["title", "summary", "body"],
    "newsletter.Issue": ["title", "intro", "lead_image_alt"],
    "offices.ActivityReport": ["title", "highlight"],
    "offices.Office": ["description"],
    "summits.Declaration": ["title", "text"],
    "summits.FollowUpAction": ["what"],
    "summits.Session": ["title", "abstract"],
    "summits.Speaker": ["bio"],
    "summits.Summit": ["title", "theme", "description"],
    "summits.Theme": ["name", "description"],
    "weltstadt.Network": ["description"],
    "weltstadt.Partnership": ["note"],
}


def _normalise(text):
    return "" if text is None else str(text).replace("\r\n", "\n").strip()


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    State = apps.get_model("weltstadt", "TranslationState")
    for app_label in {label.split(".")[0] for label in TRANSLATED}:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    permissions = []
    for label in TRANSLATED:
        app_label, model_name = label.lower().split(".")
        permissions += Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"view_{model_name}", f"change_{model_name}"],
        )
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)

    rows = []
    for label, fields in TRANSLATED.items():
        model = apps.get_model(label)
        content_type = ContentType.objects.get(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        names = [f"{field}_{language}" for field in fields for language in ["de", *ROLES.values()]]
        for values in model.objects.values("pk", *names).iterator():
            for field in fields:
                german = _normalise(values[f"{field}_de"])
                fingerprint = hashlib.sha256(german.encode()).hexdigest()
                for language in ROLES.values():
                    if _normalise(values[f"{field}_{language}"]):
                        rows.append(
                            State(
                                content_type=content_type,
                                object_id=values["pk"],
                                field=field,
                                language=language,
                                source_hash=fingerprint,
                            )
                        )
    State.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("weltstadt", "TranslationState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("weltstadt", "0008_translate_state"),
        ("ambassadors", "0005_title_standing"),
        ("offices", "0004_dashboard_entry"),
        ("newsletter", "0003_cancel_and_consent_proof"),
        ("summits", "0006_delegation_confirm_by"),
        ("masterplan", "0003_linkable_kinds_history_ballot_dates"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
