"""Reading order of positioned text lines: a recursive XY-cut that respects columns.

A page is cut at horizontal white bands (header / body / footnotes / page
number) and the body at vertical gutters (columns, read left to right).
Paragraph gaps that happen to line up across columns also look like
horizontal white bands; a cut there is undone when the bands on both sides
have lines on both sides of the same gutter, i.e. the columns go on.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_GUTTER = 6.0  # points of vertical white space that can separate columns
MIN_COLUMN_LINES = 2  # a side needs this many lines to count as a column
MIN_COLUMN_SHARE = 0.25  # a column's typical line spans this share of the region's width
BAND_FACTOR = 0.5  # white bands lower than this share of a line's height are line spacing


@dataclass(frozen=True)
class Line:
    """One text line in PDF coordinates (y grows upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float = 0.0  # font size, 0 when unknown


def reading_order(lines: list[Line]) -> list[Line]:
    """The lines in reading order: bands top to bottom, columns left to right."""
    if len(lines) <= 1:
        return list(lines)
    bands = _merge_columns(_bands(lines))
    if len(bands) > 1:
        return [line for band in bands for line in reading_order(band)]
    gutter = _gutter(lines, require_columns=False)
    if gutter is not None:
        left = [ln for ln in lines if ln.x1 <= gutter]
        right = [ln for ln in lines if ln.x1 > gutter]
        if left and right:
            return reading_order(left) + reading_order(right)
    return sorted(lines, key=lambda ln: (-ln.y1, ln.x0))


def _bands(lines: list[Line]) -> list[list[Line]]:
    """Split at horizontal white bands taller than line spacing, top to bottom."""
    ordered = sorted(lines, key=lambda ln: -ln.y1)
    min_band = BAND_FACTOR * _median([ln.y1 - ln.y0 for ln in lines])
    bands: list[list[Line]] = [[ordered[0]]]
    floor = ordered[0].y0
    for ln in ordered[1:]:
        if floor - ln.y1 >= min_band:  # nothing above reaches down here: a white band
            bands.append([ln])
        else:
            bands[-1].append(ln)
        floor = min(floor, ln.y0)
    return bands


def _merge_columns(bands: list[list[Line]]) -> list[list[Line]]:
    """Join neighbouring bands that continue the same columns.

    Besides two column bands sharing a gutter, a band that sits on one side
    of a neighbour's gutter in the same font size (a paragraph's first line
    at the foot of a column, a heading above one column) joins it; footnotes
    in a smaller size do not.
    """
    merged: list[list[Line]] = []
    for band in bands:
        if merged and (_same_columns(merged[-1], band) or _joins_column(merged[-1], band)):
            merged[-1] = merged[-1] + band
        else:
            merged.append(band)
    return merged


def _joins_column(above: list[Line], below: list[Line]) -> bool:
    for columns, part in ((above, below), (below, above)):
        gaps = _gaps(columns, require_columns=True)
        if not gaps or not _similar_size(columns, part):
            continue
        for g0, g1 in gaps:
            if all(ln.x1 <= g0 for ln in part) or all(ln.x0 >= g1 for ln in part):
                height = _median([ln.y1 - ln.y0 for ln in columns])
                gap = min(ln.y0 for ln in above) - max(ln.y1 for ln in below)
                return gap <= 3 * height
    return False


def _similar_size(a: list[Line], b: list[Line]) -> bool:
    sa, sb = _median([ln.size for ln in a]), _median([ln.size for ln in b])
    if not sa or not sb:
        return True
    return abs(sa - sb) <= 0.15 * max(sa, sb)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _same_columns(a: list[Line], b: list[Line]) -> bool:
    ga, gb = _gaps(a, require_columns=True), _gaps(b, require_columns=True)
    return any(min(x1, y1) - max(x0, y0) >= MIN_GUTTER / 2 for x0, x1 in ga for y0, y1 in gb)


def _gaps(lines: list[Line], require_columns: bool) -> list[tuple[float, float]]:
    """Vertical white gaps (x intervals no line covers) between two columns of text.

    Both sides must hold lines at least ``MIN_COLUMN_SHARE`` of the region's
    width (typically), so list bullets, numbers and narrow table cells do not
    count as columns; with ``require_columns`` each side needs
    ``MIN_COLUMN_LINES`` lines too.
    """
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    left_edge, right_edge = spans[0][0], max(x1 for _, x1 in spans)
    gaps = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    wide_enough = MIN_COLUMN_SHARE * (right_edge - left_edge)
    need = MIN_COLUMN_LINES if require_columns else 1
    kept = []
    for g0, g1 in gaps:
        left = [ln.x1 - ln.x0 for ln in lines if ln.x1 <= g0]
        right = [ln.x1 - ln.x0 for ln in lines if ln.x0 >= g1]
        if len(left) >= need and len(right) >= need and min(_median(left), _median(right)) >= wide_enough:
            kept.append((g0, g1))
    return kept


def _gutter(lines: list[Line], require_columns: bool) -> float | None:
    """Middle of the widest vertical gap, or None."""
    gaps = _gaps(lines, require_columns)
    if not gaps:
        return None
    g0, g1 = max(gaps, key=lambda g: g[1] - g[0])
    return (g0 + g1) / 2
