"""The wording of the title, shared by the PDF, the mail and the verification page."""

from django.utils.translation import gettext_lazy as _

TITLE = _("Ambassador of the City of İzmir")
# The title as the city awards it; printed in Turkish on every certificate, whatever the language.
TITLE_TURKISH = "İzmir Kent Elçisi"
