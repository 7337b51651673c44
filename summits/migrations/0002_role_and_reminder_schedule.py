"""The summit organiser's permissions and the daily reminder run (celery beat)."""

from django.db import migrations

from weltstadt.accounts import roles
from weltstadt.accounts.permissions import role_grant

REMINDER_TASK = "summits.tasks.mail_summit_reminders"
MODELS = [
    "summit",
    "theme",
    "session",
    "speaker",
    "delegation",
    "registration",
    "declaration",
    "followupaction",
]


def forwards(apps, schema_editor):
    role_grant(apps, roles.SUMMIT_ORGANISER, "summits", MODELS)
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_hour, _created = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.update_or_create(
        name="Summits: remind participants a few days before",
        defaults={"task": REMINDER_TASK, "interval": every_hour, "enabled": True},
    )


def backwards(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task=REMINDER_TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("summits", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("weltstadt", "0002_staff_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
