"""Short words that read differently by what they describe ("Submitted" of a request or of a
report: eingereicht, soumise or soumis) are never translated without a context: in German,
French, Italian or Spanish the form depends on the noun, so each use names what it describes."""

import re

from django.conf import settings

AMBIGUOUS = ["open", "closed", "Open", "sent", "Sent", "since", "Due", "Draft", "Submitted",
             "Approved", "Rejected", "Accepted", "from", "to", "until"]  # fmt: skip
APPS = ["weltstadt", "ambassadors", "offices", "newsletter", "summits", "masterplan"]
WORDS = "|".join(AMBIGUOUS)
PYTHON = re.compile(rf"\b(?:_|gettext|gettext_lazy|gettext_noop)\(\s*[\"']({WORDS})[\"']\s*\)")
TEMPLATE = re.compile(rf"{{%\s*(?:translate|trans)\s+[\"']({WORDS})[\"']\s*(?:noop\s*)?%}}")


def _sources():
    for app in APPS:
        for path in (settings.BASE_DIR / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path, PYTHON
    for path in (settings.BASE_DIR / "templates").rglob("*"):
        if path.suffix in {".html", ".txt"}:
            yield path, TEMPLATE


def test_ambiguous_short_words_are_translated_with_a_context():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for path, pattern in _sources()
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "give these a pgettext context:\n" + "\n".join(found)
