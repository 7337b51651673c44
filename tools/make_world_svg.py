"""Regenerate the land maps static/img/world-land.svg and world-land-detail.svg from the
world-atlas npm package (Natural Earth, public domain; world-atlas under the ISC licence).

    npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    python tools/make_world_svg.py package/land-50m.json static/img

Both SVGs use longitude/latitude directly (x = longitude, y = -latitude, viewBox -180 -90 360 180),
so the maps of the portal (weltstadt/maps.py) crop them with a viewBox and place markers without any
projection code. Keep that coordinate system when changing this script.

The land is the largest paint of the map pages, so the files are small (311 KB before):
- each arc is simplified with Douglas–Peucker (tolerance in degrees); arcs are simplified once,
  so coasts shared by two rings stay identical;
- rings smaller than a minimum size across (islands below a pixel) are dropped;
- coordinates are whole tenths of a degree, written relative to the previous point, in one path
  that is scaled by 0.1 back to degrees.

The tolerances follow the pixels a degree gets on screen. A map is at most 460 CSS px high, so a
map showing H degrees of latitude draws at most 460 / H px per degree:
- world-land.svg (about 30 KB), for maps at least 90 degrees high (the partner-cities map shows
  about 120): tolerance 0.2 degree, at most one CSS pixel there;
- world-land-detail.svg (about 80 KB), for closer maps (an office shows about 11 degrees, 42 px per
  degree): tolerance 0.05 degree, two CSS px, no more than the tenth-of-a-degree grid itself.
weltstadt.maps.OVERVIEW_MIN_HEIGHT picks between them.
"""

import argparse
import itertools
import json
from pathlib import Path

QUANTUM = 10  # coordinates are written in tenths of a degree


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points, tolerance):
    """Douglas–Peucker: keep the points that lie farther than `tolerance` from the kept outline."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        dx, dy = points[last][0] - ax, points[last][1] - ay
        length = dx * dx + dy * dy
        farthest, farthest_index = -1.0, -1
        for index in range(first + 1, last):
            px, py = points[index]
            # distance to the segment (to the point itself for a closed arc)
            t = ((px - ax) * dx + (py - ay) * dy) / length if length else 0.0
            t = max(0.0, min(1.0, t))
            distance = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2
            if distance > farthest:
                farthest, farthest_index = distance, index
        if farthest > limit:
            keep[farthest_index] = True
            stack.extend(((first, farthest_index), (farthest_index, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def unwrap(points):
    """Rings that cross the antimeridian, once as a copy on each side of it.

    Natural Earth keeps such rings (Chukotka, Wrangel Island, a Fiji sliver) in spherical
    coordinates: drawn flat, each crossing became a line across the whole world and the band
    between two crossings was filled. Made continuous in longitude, the ring is cut at the
    antimeridian and the part beyond it moved 360 degrees over. A ring that crosses once (around
    the South Pole) is left as it is.
    """
    crossings = sum(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise([*points, points[0]]))
    if crossings == 0 or crossings % 2:
        return [points]
    shift, unwrapped = 0.0, [points[0]]
    for (lon0, _lat0), (lon, lat) in itertools.pairwise(points):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        unwrapped.append((lon + shift, lat))
    if max(lon for lon, _lat in unwrapped) > 180:
        inside, outside = clip(unwrapped, 180, 1), clip(unwrapped, 180, -1)
        return [inside, [(lon - 360, lat) for lon, lat in outside]]
    inside, outside = clip(unwrapped, -180, -1), clip(unwrapped, -180, 1)
    return [inside, [(lon + 360, lat) for lon, lat in outside]]


def clip(points, edge, side):
    """The part of a ring with side * lon <= side * edge (Sutherland–Hodgman, one edge)."""
    kept = []
    for (lon0, lat0), (lon, lat) in itertools.pairwise([points[-1], *points]):
        inside0, inside = side * lon0 <= side * edge, side * lon <= side * edge
        if inside0 != inside:
            kept.append((edge, lat0 + (lat - lat0) * (edge - lon0) / (lon - lon0)))
        if inside:
            kept.append((lon, lat))
    return kept


def ring_path(points):
    """One closed subpath in tenths of a degree with relative coordinates; "" if it collapses."""
    grid = []
    for lon, lat in points:
        point = (round(lon * QUANTUM), round(-lat * QUANTUM))
        if not grid or point != grid[-1]:
            grid.append(point)
    if len(grid) > 1 and grid[0] == grid[-1]:
        grid.pop()
    if len(grid) < 3:
        return ""
    steps = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in itertools.pairwise(grid))
    return (f"M{grid[0][0]} {grid[0][1]}l{steps}z").replace(" -", "-")


def land_svg(topology, tolerance, min_size):
    raw_arcs = decode_arcs(topology)
    arcs = [simplify(arc, tolerance) for arc in raw_arcs]
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                outline = ring_points(ring, raw_arcs)
                lons = [lon for lon, _lat in outline]
                lats = [lat for _lon, lat in outline]
                if max(max(lons) - min(lons), max(lats) - min(lats)) < min_size:
                    continue
                parts.extend(ring_path(part) for part in unwrap(ring_points(ring, arcs)))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" '
        'width="360" height="180">'
        '<path transform="scale(.1)" fill="#dfe7ea" stroke="#b8c7cd" stroke-width=".8" d="'
        + "".join(parts)
        + '"/></svg>\n'
    )


LEVELS = {
    # file name: (tolerance, minimum ring size), both in degrees; see the module docstring
    "world-land.svg": (0.2, 0.25),
    "world-land-detail.svg": (0.05, 0.1),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topology", help="land-50m.json of the world-atlas package")
    parser.add_argument("directory", help="where to write the SVG files (static/img)")
    args = parser.parse_args()
    with open(args.topology) as handle:
        topology = json.load(handle)
    for name, (tolerance, min_size) in LEVELS.items():
        path = Path(args.directory) / name
        path.write_text(land_svg(topology, tolerance, min_size))
        print(f"{path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
