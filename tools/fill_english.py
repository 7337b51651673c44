"""English is the source language: fill locale/en's empty entries with their msgid.

Run by `make messages` after makemessages, so that the en catalogue has no empty entry while
the other five are translated by people.
"""

import sys
from pathlib import Path

import polib


def main(path: str = "locale/en/LC_MESSAGES/django.po") -> int:
    po = polib.pofile(path, wrapwidth=100)
    filled = 0
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
        if entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            filled += 1
    po.save()
    print(f"{Path(path)}: {filled} English entries filled from their source.")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
