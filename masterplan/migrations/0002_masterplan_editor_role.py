from django.db import migrations

from weltstadt.accounts.permissions import role_grant
from weltstadt.accounts.roles import MASTERPLAN_EDITOR

MODELS = [
    "plan",
    "planversion",
    "priorityarea",
    "strategy",
    "objective",
    "objectivelink",
    "indicator",
    "indicatortarget",
    "measurement",
    "investmenttarget",
    "localdataset",
    "localdatavalue",
    "expertinvitation",
    "expertcomment",
    "workshop",
    "workshopparticipant",
    "ballotrank",
    "planexport",
]


def grant(apps, schema_editor):
    role_grant(apps, MASTERPLAN_EDITOR, "masterplan", MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("masterplan", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("weltstadt", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
