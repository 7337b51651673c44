"""`make run` and `make test` start here: is what the portal needs from the system present?

WeasyPrint's libraries (Pango, HarfBuzz) are needed to run at all. `--tests` also names the
programs that parts of the test suite use; without them those tests are deselected with a message
(and in CI, where WELTSTADT_STRICT_TESTS=1, that is an error)."""

import os
import shutil
import sys

APT = "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
BREW = "brew install pango"

TEST_PROGRAMS = [
    ("msgfmt", "gettext", "the translation check (make lint, make messages)"),
    ("qpdf", "qpdf", "the PDF/A checks of certificates and mission statements"),
    ("pdftoppm", "poppler-utils", "the tests that look at PDF pages and read their QR codes"),
]


def missing_test_programs() -> list[str]:
    lines = []
    for program, package, purpose in TEST_PROGRAMS:
        if not shutil.which(program):
            lines.append(f"  {program} (apt-get install {package}): {purpose}")
    chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not (os.access(chromium, os.X_OK) or shutil.which(chromium)):
        lines.append(
            f"  Chromium at {chromium} (apt-get install chromium, or set CHROMIUM_PATH): "
            "the browser tests"
        )
    return lines


def main(argv: list[str]) -> int:
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi)
    except OSError as exc:
        print(
            "WeasyPrint cannot load its system libraries (Pango, HarfBuzz):\n"
            f"  {exc}\n"
            f"Install them, e.g. on Debian/Ubuntu: {APT}\n"
            f"                   on macOS:        {BREW}",
            file=sys.stderr,
        )
        return 1
    if "--tests" in argv:
        missing = missing_test_programs()
        if missing:
            print(
                "Some tests will be deselected, because these programs are missing:\n"
                + "\n".join(missing),
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
