"""How progress figures are computed: one pure module, also quoted on every page that shows them.

Rule (PROGRESS_RULE below says the same in words for readers):
- an indicator's progress = (latest measurement − baseline) / (target − baseline), as a percentage
  clamped to 0–100 %. The target is the one for the last year that has a target (normally the
  plan's last year),
  the latest measurement the one for the most recent year. For a "lower is better" indicator the
  target lies below the baseline, so the same formula measures the reduction achieved.
- if the target equals the baseline (keep a level), progress is 100 % when the latest value is at
  or on the good side of it, else 0 %.
- an indicator without a measurement or without a target counts as 0 %.
- totals of an objective, strategy, priority area or the whole plan are the weight-weighted mean
  of the progress of all indicators below it that are not left out of totals; indicators left out
  are shown with their reason but not counted. A total with no counted indicator is empty.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

HUNDRED = Decimal(100)
ZERO = Decimal(0)

PROGRESS_RULE = _(
    "Progress of an indicator = (latest measurement − baseline) ÷ (target − baseline), "
    "shown in per cent and kept between 0 % and 100 %. The target is the one set for the last "
    "target year (normally the last year of the plan). For indicators where lower is better "
    "the target lies below the baseline, so the same formula measures the reduction. An "
    "indicator without a measurement yet counts as 0 %. Totals are the weighted mean (by each "
    "indicator's weight) of all indicators below them; indicators marked “left out of totals” "
    "are shown with the reason but not counted."
)


@dataclass(frozen=True)
class Progress:
    """One indicator's figure and whether it enters totals."""

    percent: Decimal
    weight: Decimal
    counted: bool
    measured: bool


def progress_percent(
    *, baseline: Decimal, target: Decimal | None, latest: Decimal | None, direction: str
) -> Decimal:
    """Progress toward the target in per cent, clamped to 0–100 (exact Decimal, not rounded)."""
    if latest is None or target is None:
        return ZERO
    if target == baseline:
        reached = latest >= target if direction == "up" else latest <= target
        return HUNDRED if reached else ZERO
    percent = (latest - baseline) / (target - baseline) * HUNDRED
    return max(ZERO, min(HUNDRED, percent))


def weighted_total(items: Iterable[Progress]) -> Decimal | None:
    """The weight-weighted mean of the counted items; None if none is counted."""
    weight_sum = ZERO
    weighted = ZERO
    for item in items:
        if not item.counted:
            continue
        weight_sum += item.weight
        weighted += item.percent * item.weight
    if weight_sum == 0:
        return None
    return weighted / weight_sum
