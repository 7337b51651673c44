"""Staff roles: one Django group per programme, created by a data migration."""

PROGRAMME_COORDINATOR = "Programme coordinator"
OFFICES_SUPERVISOR = "Offices supervisor"
BULLETIN_EDITOR = "Bulletin editor"
SUMMIT_ORGANISER = "Summit organiser"
MASTERPLAN_EDITOR = "Master-plan editor"

ALL_ROLES = [
    PROGRAMME_COORDINATOR,
    OFFICES_SUPERVISOR,
    BULLETIN_EDITOR,
    SUMMIT_ORGANISER,
    MASTERPLAN_EDITOR,
]

# One translator role per language other than German, named in that language ("Translator
# (Türkçe)"); see weltstadt.translation_roles.
TRANSLATOR_ROLE_LANGUAGES = {
    "Translator (Türkçe)": "tr",
    "Translator (English)": "en",
    "Translator (Français)": "fr",
    "Translator (Italiano)": "it",
    "Translator (Español)": "es",
}
