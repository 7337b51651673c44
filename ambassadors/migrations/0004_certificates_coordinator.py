from django.db import migrations

from weltstadt.accounts.permissions import role_grant
from weltstadt.accounts.roles import PROGRAMME_COORDINATOR

MODELS = ["certificate", "certificatefile", "missionstatementdocument", "certificatecounter"]


def grant(apps, schema_editor):
    role_grant(apps, PROGRAMME_COORDINATOR, "ambassadors", MODELS)


class Migration(migrations.Migration):
    dependencies = [("ambassadors", "0003_certificates")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
