"""Every staff role may look up cities: their forms choose a city through the admin's autocomplete
(a summit's host city, a follow-up action's owner city, an office's city, a workshop participant's
city), which answers 403 without the view permission, so a required city could not be filled in."""

from django.db import migrations

ROLES = [
    "Programme coordinator",
    "Offices supervisor",
    "Bulletin editor",
    "Summit organiser",
    "Master-plan editor",
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("weltstadt")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view_city = Permission.objects.get(content_type__app_label="weltstadt", codename="view_city")
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(view_city)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view_city = Permission.objects.filter(
        content_type__app_label="weltstadt", codename="view_city"
    ).first()
    if view_city is not None:
        for group in Group.objects.filter(name__in=ROLES):
            group.permissions.remove(view_city)


class Migration(migrations.Migration):
    dependencies = [
        ("weltstadt", "0005_fold_function"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
