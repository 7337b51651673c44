"""`make run` and `make test` start here: is what WeasyPrint needs from the system present?"""

import sys

APT = "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
BREW = "brew install pango"


def main() -> int:
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
