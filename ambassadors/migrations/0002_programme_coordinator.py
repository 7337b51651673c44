from django.db import migrations

from weltstadt.accounts.permissions import role_grant
from weltstadt.accounts.roles import PROGRAMME_COORDINATOR

MODELS = [
    "cohort",
    "module",
    "application",
    "ambassador",
    "modulecompletion",
    "evidence",
    "activity",
    "missionstatement",
    "personalgoal",
]


def grant(apps, schema_editor):
    role_grant(apps, PROGRAMME_COORDINATOR, "ambassadors", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("ambassadors", "0001_initial"),
        ("weltstadt", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
