"""An indicator's card (figures, SVG chart, table of values), rendered once per data change.

Each card took a few milliseconds to render (the chart alone is some hundred template nodes), and
the dashboard shows every indicator of the plan. A card shows nothing but the indicator's own
fields, its targets and measurements, its objective's code and the reader's language, so those
values themselves are the key: an edit in the admin (a figure, a translation) makes a new key and
the card is rendered afresh on the next request in every process, with nothing to invalidate. The
source of the templates is part of the key too, so an edited template is never served stale.
Kept per process, as the compiled templates are; bounded, so old keys do not pile up.
"""

import hashlib

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from masterplan.models import Indicator

CARD_TEMPLATE = "masterplan/fragment_indicator.html"
# every template the card includes: their sources are part of the key
CARD_TEMPLATES = (
    CARD_TEMPLATE,
    "masterplan/fragment_chart.html",
    "masterplan/fragment_progress.html",
)
MAX_CARDS = 2000

_cards: dict[tuple, SafeString] = {}


def _row(instance) -> tuple:
    return tuple(getattr(instance, f.attname) for f in instance._meta.concrete_fields)


def _templates_digest() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for name in CARD_TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()


def indicator_card(indicator: Indicator) -> SafeString:
    """The card of an indicator whose figures `plan_report` or `objective_detail` computed."""
    chart = getattr(indicator, "chart", None)
    objective = getattr(indicator, "objective_ref", None)
    key = (
        get_language(),
        _templates_digest(),
        _row(indicator),
        tuple(_row(t) for t in indicator.target_list),
        tuple(_row(m) for m in indicator.measurement_list),
        objective.code if objective is not None else None,
        chart is not None,
    )
    card = _cards.get(key)
    if card is None:
        card = mark_safe(
            get_template(CARD_TEMPLATE).render({"indicator": indicator, "chart": chart}).strip()
        )
        if len(_cards) >= MAX_CARDS:
            _cards.clear()
        _cards[key] = card
    return card
