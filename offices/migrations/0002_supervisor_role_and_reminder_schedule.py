from django.db import migrations

from weltstadt.accounts.permissions import role_grant

TASK_NAME = "Offices: daily reminders (terms ending, reports due)"
MODELS = [
    "office",
    "officestatuschange",
    "founder",
    "boardmember",
    "officedocument",
    "fundingrequest",
    "budgetline",
    "payment",
    "annualreport",
    "activityreport",
]


def grant_supervisor(apps, schema_editor):
    role_grant(apps, "Offices supervisor", "offices", MODELS)


def schedule_reminders(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule, _created = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="7",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/Istanbul",
    )
    PeriodicTask.objects.update_or_create(
        name=TASK_NAME,
        defaults={
            "task": "offices.tasks.mail_reminders",
            "crontab": schedule,
            "enabled": True,
            "queue": "mail",
        },
    )


def unschedule_reminders(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0001_initial"),
        ("weltstadt", "0002_staff_roles"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [
        migrations.RunPython(grant_supervisor, migrations.RunPython.noop),
        migrations.RunPython(schedule_reminders, unschedule_reminders),
    ]
