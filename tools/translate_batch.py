"""Apply hand-written translations to the catalogues: `python tools/translate_batch.py FILE.json`.

FILE.json maps "msgid" (or "context\\x04msgid") to {"de": ..., "tr": ..., ...}; only empty or fuzzy
entries are filled, so a reviewed translation is never overwritten. Run `make messages` after it
so that the catalogues keep gettext's own layout and the .mo files are compiled.
"""

import json
import sys
from pathlib import Path

import polib

LANGUAGES = ["de", "tr", "fr", "it", "es"]


def main(path: str) -> None:
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    for language in LANGUAGES:
        file = Path("locale") / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(file), wrapwidth=79)
        filled = 0
        for entry in catalogue:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if key not in table or (entry.translated() and "fuzzy" not in entry.flags):
                continue
            value = table[key][language]
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value, value]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
        catalogue.save(str(file))
        print(f"{language}: {filled} filled")


if __name__ == "__main__":
    main(sys.argv[1])
