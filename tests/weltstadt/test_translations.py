"""Every string a person reads is translated in the six languages, with nothing left fuzzy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
from django.conf import settings

# the project's own apps (each a folder beside manage.py) and what else holds text
TREE = [
    "manage.py", "templates", "static", "locale",
    *(app for app in settings.INSTALLED_APPS if (settings.BASE_DIR / app).is_dir()),
]  # fmt: skip


def _problems(locale_dir: Path) -> list[str]:
    problems = []
    for code, _name in settings.LANGUAGES:
        po = polib.pofile(str(locale_dir / code / "LC_MESSAGES" / "django.po"))
        problems += [f"{code}: untranslated: {e.msgid!r}" for e in po.untranslated_entries()]
        problems += [f"{code}: fuzzy: {e.msgid!r}" for e in po.fuzzy_entries()]
    return problems


def test_makemessages_leaves_no_untranslated_or_fuzzy_entry(tmp_path):
    assert shutil.which("xgettext"), "GNU gettext is needed for this test (apt-get install gettext)"
    for name in TREE:
        source = settings.BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    env = {**os.environ, "WELTSTADT_VAR_DIR": str(tmp_path / "var")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--all", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    problems = _problems(tmp_path / "locale")
    assert problems == [], (
        "\n".join(problems[:50]) + f"\n… {len(problems)} in all; run make messages"
    )


def test_the_committed_catalogues_are_compiled():
    for code, _name in settings.LANGUAGES:
        messages = settings.BASE_DIR / "locale" / code / "LC_MESSAGES"
        po, mo = messages / "django.po", messages / "django.mo"
        assert mo.exists(), f"{mo} is missing: run make messages"
        compiled = polib.mofile(str(mo))
        source = polib.pofile(str(po))
        assert {e.msgid for e in compiled} >= {e.msgid for e in source.translated_entries()}
