"""The PostgreSQL twin of weltstadt.text_search.fold() (SQLite gets the Python function on each
connection)."""

from django.db import migrations


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from weltstadt.text_search import POSTGRES_FUNCTION

        schema_editor.execute(POSTGRES_FUNCTION)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS weltstadt_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("weltstadt", "0004_verbose_names")]

    operations = [migrations.RunPython(create_function, drop_function, elidable=False)]
