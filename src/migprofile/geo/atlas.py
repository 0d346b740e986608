"""Where each country sits on the bundled world atlas (Natural Earth 1:110m, world-atlas
TopoJSON, the file the portal's maps draw): one point per country, the area-weighted
centroid of its largest polygon, so that France is placed in Europe and not pulled towards
French Guiana, and the United States in the contiguous states.

The atlas is the portal's static file (``web/static/countries-110m.json``): this module
reads it as data, so the map's points and its shapes come from the same file. Countries
too small for the 1:110m scale (Bahrain, Malta, Singapore…) have no shape and no point.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

ATLAS = Path(__file__).resolve().parents[1] / "web" / "static" / "countries-110m.json"


@cache
def centroids(path: Path = ATLAS) -> dict[int, tuple[float, float]]:
    """ISO 3166 numeric (M49) code -> (longitude, latitude) of the country's point."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topo)
    out: dict[int, tuple[float, float]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        ident = str(geometry.get("id", ""))
        if not ident.isdigit():
            continue
        polygons = _polygons(geometry)
        rings = [_ring(polygon[0], arcs) for polygon in polygons if polygon]
        best = max(rings, key=lambda r: abs(_area(r)), default=None)
        if best is not None and abs(_area(best)) > 0:
            out[int(ident)] = _centroid(best)
    return out


def _decoded_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs in longitude/latitude (TopoJSON quantised, delta-encoded positions)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    decoded = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]
          ) -> list[tuple[float, float]]:
    """The points of one ring; a negative index ~i is arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # arcs share their end points
    return _unwrapped(points)


def _unwrapped(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring crossing the antimeridian (Russia, Fiji) made continuous in longitude, so its
    area and centroid are those of the shape and not of a band around the globe."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for x, y in points:
        if out and abs(x + shift - out[-1][0]) > 180:
            shift += 360.0 if out[-1][0] > x + shift else -360.0
        out.append((x + shift, y))
    return out


def _area(ring: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1],
                                                                 strict=True)) / 2


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    area = _area(ring)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    lon = (cx / (6 * area) + 180.0) % 360.0 - 180.0
    return round(lon, 3), round(cy / (6 * area), 3)
