"""Server-rendered SVG charts of an indicator: baseline, targets and measurements over the years.

The geometry is computed here; `masterplan/fragment_chart.svg.html` draws it. No JavaScript, and the
same markup goes into the PDF.
"""

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 440
HEIGHT = 200
LEFT = 56
RIGHT = 16
TOP = 16
BOTTOM = 34


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    value: Decimal


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    baseline_y: float = 0
    target_points: list[Point] = field(default_factory=list)
    measurement_points: list[Point] = field(default_factory=list)
    x_ticks: list[tuple[float, int]] = field(default_factory=list)
    y_ticks: list[tuple[float, Decimal]] = field(default_factory=list)
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_top: int = TOP
    plot_bottom: int = HEIGHT - BOTTOM

    @property
    def target_polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.target_points)

    @property
    def measurement_polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.measurement_points)


def _nice_step(span: Decimal) -> Decimal:
    raw = span / 4 if span > 0 else Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal("0.1")
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10


def indicator_chart(
    *,
    baseline_year: int,
    baseline_value: Decimal,
    targets: list[tuple[int, Decimal]],
    measurements: list[tuple[int, Decimal]],
) -> Chart:
    """Place baseline, targets (from the baseline on) and measurements on shared axes."""
    years = [baseline_year] + [y for y, _v in targets] + [y for y, _v in measurements]
    values = [baseline_value] + [v for _y, v in targets] + [v for _y, v in measurements]
    first, last = min(years), max(years)
    if first == last:
        last = first + 1
    step = _nice_step(max(values) - min(values))
    low = (min(values) / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (max(values) / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high == low:
        high = low + step
    chart = Chart()
    plot_width = chart.plot_right - chart.plot_left
    plot_height = chart.plot_bottom - chart.plot_top

    def x(year: int) -> float:
        return chart.plot_left + (year - first) / (last - first) * plot_width

    def y(value: Decimal) -> float:
        return chart.plot_bottom - float((value - low) / (high - low)) * plot_height

    chart.baseline_y = y(baseline_value)
    chart.target_points = [
        Point(x(baseline_year), y(baseline_value), baseline_year, baseline_value)
    ]
    chart.target_points += [Point(x(yr), y(v), yr, v) for yr, v in sorted(targets)]
    chart.measurement_points = [Point(x(yr), y(v), yr, v) for yr, v in sorted(measurements)]
    chart.x_ticks = [(x(yr), yr) for yr in range(first, last + 1)]
    tick = low
    while tick <= high:
        label = Decimal(int(tick)) if tick == tick.to_integral() else tick
        chart.y_ticks.append((y(tick), label))
        tick += step
    return chart
