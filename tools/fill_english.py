"""English is the source language: every entry of locale/en is its own msgid.

Run by `make messages` after makemessages, so that the en catalogue is complete while the other
five are translated by people.
"""

import sys

import polib


def main(path: str = "locale/en/LC_MESSAGES/django.po") -> int:
    po = polib.pofile(path, wrapwidth=100)
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    po.save()
    print(f"{path}: {len(po)} English entries.")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
