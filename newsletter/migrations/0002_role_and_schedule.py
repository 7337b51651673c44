from django.db import migrations

from weltstadt.accounts import roles
from weltstadt.accounts.permissions import role_grant


def grant(apps, schema_editor):
    role_grant(
        apps,
        roles.BULLETIN_EDITOR,
        "newsletter",
        ["issue", "article", "sendjob", "subscriber", "subscriberevent"],
    )


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _created = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    PeriodicTask.objects.update_or_create(
        name="newsletter: send due bulletin issues",
        defaults={"task": "newsletter.tasks.mail_bulletin_due", "interval": every_minute},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name="newsletter: send due bulletin issues").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("weltstadt", "0002_staff_roles"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(schedule, unschedule),
    ]
