"""The wording of the title, shared by the PDF, the mail and the verification page."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

TITLE = _("Ambassador of the City of İzmir")
# The title as the city awards it; printed in Turkish on every certificate, whatever the language.
TITLE_TURKISH = "İzmir Kent Elçisi"

_TITLES = {
    "female": pgettext_lazy("title held by a woman", "Ambassador of the City of İzmir"),
    "male": pgettext_lazy("title held by a man", "Ambassador of the City of İzmir"),
}


def title_for(form_of_address: str):
    """The title in the holder's chosen form of address (lazy: translate it in their language).

    Without a choice it is the neutral form, which names both ("Botschafter/in").
    """
    return _TITLES.get(form_of_address or "", TITLE)
