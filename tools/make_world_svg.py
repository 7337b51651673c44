"""Regenerate static/img/world-land.svg from the world-atlas npm package (Natural Earth, public
domain; world-atlas under the ISC licence).

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python tools/make_world_svg.py package/land-50m.json > static/img/world-land.svg

The SVG uses longitude/latitude directly (x = longitude, y = -latitude), so the maps of the portal
crop it with a viewBox and place markers without any projection code.
"""

import json
import sys


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


def simplify(points, tolerance=0.2):
    kept = [points[0]]
    for point in points[1:]:
        if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= tolerance:
            kept.append(point)
    return kept


def main(path):
    with open(path) as handle:
        topology = json.load(handle)
    arcs = decode_arcs(topology)
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points = simplify(ring_points(ring, arcs))
                if len(points) < 3:
                    continue
                parts.append(
                    "M"
                    + "L".join(
                        f"{lon:.1f} {-lat:.1f}".replace(".0 ", " ").removesuffix(".0")
                        for lon, lat in points
                    )
                    + "Z"
                )
    print(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" '
        'width="360" height="180">'
        '<path fill="#dfe7ea" stroke="#b8c7cd" stroke-width="0.08" d="'
        + "".join(parts)
        + '"/></svg>'
    )


if __name__ == "__main__":
    main(sys.argv[1])
