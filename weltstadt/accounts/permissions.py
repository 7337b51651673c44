"""Give a staff role (a group) the model permissions of its programme.

Each programme app calls `role_grant` from a data migration once its models exist, so that the
admin shows each role only its own programme.
"""

from collections.abc import Iterable


def role_grant(apps, role: str, app_label: str, models: Iterable[str]) -> None:
    """Grant `role` add/change/delete/view on the given models of `app_label` (in migrations)."""
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after migrate; a migration needs them now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    group, _created = Group.objects.get_or_create(name=role)
    codenames = [
        f"{action}_{model}" for model in models for action in ("add", "change", "delete", "view")
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
