"""Server-rendered maps: cities as markers on static/img/world-land.svg.

The map is an SVG that works without JavaScript and without map tiles: longitude and latitude are
drawn directly, with the longitude scaled by the cosine of the mean latitude so that Europe keeps
its shape.

The land comes in two levels of detail (tools/make_world_svg.py): a light outline for maps of
most of the world and a finer one for maps that zoom in on a region.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from weltstadt.models import City

# maps at least this many degrees of latitude high get the light outline (see make_world_svg.py)
OVERVIEW_MIN_HEIGHT = 90.0


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    label: str
    url: str


@dataclass(frozen=True)
class Map:
    viewbox: str
    points: list[MapPoint]
    land_x: float
    land_width: float
    marker_radius: float
    land_image: str = "img/world-land.svg"

    @property
    def has_links(self) -> bool:
        """Linked markers make the map a group of links rather than one picture."""
        return any(point.url for point in self.points)


def map_points(items: Iterable[tuple[City, str] | tuple[City, str, str]]) -> Map | None:
    """Build a map of the given (city, label[, url]) items; None if no city has coordinates."""
    located = [
        (item[0], item[1], item[2] if len(item) > 2 else "")
        for item in items
        if item[0] is not None and item[0].has_coordinates
    ]
    if not located:
        return None
    lats = [float(city.latitude) for city, _label, _url in located]
    lons = [float(city.longitude) for city, _label, _url in located]
    kx = max(math.cos(math.radians((min(lats) + max(lats)) / 2)), 0.3)
    points = [
        MapPoint(x=round(lon * kx, 3), y=round(-lat, 3), label=label, url=url)
        for (_city, label, url), lat, lon in zip(located, lats, lons, strict=True)
    ]
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    width = max(max(xs) - min(xs), 12.0)
    height = max(max(ys) - min(ys), 8.0)
    # at least 16:10 so the map never turns into a thin strip
    width = max(width, height * 1.6)
    margin = 0.12 * width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    box_w, box_h = width + 2 * margin, max(height + 2 * margin, (width + 2 * margin) / 1.9)
    viewbox = f"{cx - box_w / 2:.2f} {cy - box_h / 2:.2f} {box_w:.2f} {box_h:.2f}"
    return Map(
        viewbox=viewbox,
        points=points,
        land_x=round(-180 * kx, 3),
        land_width=round(360 * kx, 3),
        marker_radius=round(box_w / 140, 3),
        land_image="img/world-land.svg"
        if box_h >= OVERVIEW_MIN_HEIGHT
        else "img/world-land-detail.svg",
    )
