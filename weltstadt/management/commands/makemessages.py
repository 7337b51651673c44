from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """makemessages without gettext's fuzzy matching: a guess from a similar string is wrong more
    often than not (placeholders differ), so new strings start empty and get translated."""

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
