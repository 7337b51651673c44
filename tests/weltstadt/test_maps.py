"""The land outline under the maps: small files, the coordinate system the markers rely on, and
the detail level that suits how far a map zooms in."""

import importlib.util
import re
from decimal import Decimal

from django.conf import settings

from weltstadt.maps import map_points
from weltstadt.models import City

IMG = settings.BASE_DIR / "static" / "img"
SPEC = importlib.util.spec_from_file_location(
    "make_world_svg", settings.BASE_DIR / "tools" / "make_world_svg.py"
)
make_world_svg = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make_world_svg)


def _city(lat, lon):
    return City(name="X", latitude=Decimal(lat), longitude=Decimal(lon))


def test_land_files_are_small_and_in_longitude_latitude():
    # the overview is what the partner-cities page paints first (issue 12: 311 KB before)
    assert (IMG / "world-land.svg").stat().st_size <= 40_000
    assert (IMG / "world-land-detail.svg").stat().st_size <= 100_000
    for name in ("world-land.svg", "world-land-detail.svg"):
        svg = (IMG / name).read_text()
        # x = longitude, y = -latitude in tenths of a degree: maps.py places markers in degrees
        assert 'viewBox="-180 -90 360 180"' in svg
        assert 'transform="scale(.1)"' in svg
        assert svg.count("<path") == 1


def test_land_has_no_line_across_the_antimeridian():
    # a ring crossing ±180 drawn flat gave a band across the whole partner-cities map; only
    # Antarctica, which goes round the pole, may close along its southern edge
    for name in ("world-land.svg", "world-land-detail.svg"):
        d = re.search(r' d="([^"]+)"', (IMG / name).read_text()).group(1)
        crossings = []
        for subpath in re.findall(r"M[^M]+", d):
            numbers = [int(n) for n in re.findall(r"-?\d+", subpath)]
            steps = list(zip(numbers[2::2], numbers[3::2], strict=True))
            # "z" closes the ring with a last step back to the start
            steps.append((-sum(dx for dx, _ in steps), -sum(dy for _, dy in steps)))
            y = numbers[1]
            for dx, dy in steps:
                y += dy
                if abs(dx) >= 1800:
                    crossings.append(y)
        assert all(y > 800 for y in crossings), crossings  # south of 80° S


def test_unwrap_cuts_a_ring_at_the_antimeridian():
    ring = [(179.0, 65.0), (-179.0, 65.0), (-179.0, 69.0), (179.0, 69.0)]
    east, west = make_world_svg.unwrap(ring)
    assert sorted(east) == [(179.0, 65.0), (179.0, 69.0), (180, 65.0), (180, 69.0)]
    assert sorted(west) == [(-180, 65.0), (-180, 69.0), (-179.0, 65.0), (-179.0, 69.0)]
    # rings that stay on one side, or go round the pole, are kept as they are
    assert make_world_svg.unwrap([(0, 0), (1, 0), (1, 1)]) == [[(0, 0), (1, 0), (1, 1)]]


def test_simplify_keeps_corners_and_drops_what_is_within_tolerance():
    line = [(0, 0), (1, 0.01), (2, -0.01), (3, 0), (3, 3)]
    assert make_world_svg.simplify(line, 0.05) == [(0, 0), (3, 0), (3, 3)]
    assert make_world_svg.simplify(line, 0.005) == line


def test_ring_path_is_relative_tenths_and_drops_collapsed_rings():
    assert make_world_svg.ring_path([(10, 20), (10.5, 20), (10.5, 19), (10, 20)]) == (
        "M100-200l5 0 0 10z"
    )
    assert make_world_svg.ring_path([(10, 20), (10.01, 20.01), (10.02, 20)]) == ""


def test_world_maps_get_the_light_outline_and_close_maps_the_detailed_one():
    world = map_points(
        [
            (_city("38.42", "27.14"), "İzmir"),
            (_city("37.77", "-122.42"), "San Francisco"),
            (_city("-33.87", "151.21"), "Sydney"),
            (_city("59.91", "10.75"), "Oslo"),
        ]
    )
    assert world.land_image == "img/world-land.svg"
    close = map_points([(_city("38.42", "27.14"), "İzmir"), (_city("53.08", "8.80"), "Bremen")])
    assert close.land_image == "img/world-land-detail.svg"
    one = map_points([(_city("53.08", "8.80"), "Bremen")])
    assert one.land_image == "img/world-land-detail.svg"
