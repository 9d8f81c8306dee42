"""Group reports into incidents, comparing each report only with reports of nearby days and cells."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from veille.resolve.compatibility import Report, max_date_gap, pair_score, rules


def _cell(report: Report, size: float) -> tuple[int, int] | None:
    """The report's grid cell, or None when its place is unknown or coarse (region, country)."""
    if not report.located or report.geo_precision >= 3:
        return None
    return math.floor(report.latitude / size), math.floor(report.longitude / size)


def _dates_agree(report: Report, members: list[Report]) -> bool:
    """A report with a precise date must fit the date of every precisely dated member (no chaining by vague dates)."""
    if report.time_precision != 1:
        return True
    return all(abs(report.day - m.day) <= max_date_gap(report, m) for m in members if m.time_precision == 1)


def cluster_reports(reports: Sequence[Report]) -> list[list[int]]:
    """Return clusters of report indexes (into `reports`); every report is in exactly one cluster.

    Reports are taken by date; each joins the earlier cluster it fits best, if any. A report fits
    a cluster when it is compatible with most of the cluster's members and its best score with one
    of them passes the threshold. Candidates come from blocks: same or nearby grid cell for precise places, same
    country for coarse ones, within the largest date tolerance: near-linear in the number of reports.
    """
    config = rules()
    size = float(config["cell_degrees"])
    threshold = float(config["merge_threshold"])
    tolerance = config["date_tolerance_days"]
    widest_seen = 0  # the largest date tolerance among reports indexed so far
    by_cell: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    coarse_by_country: dict[tuple[int, str | None], list[int]] = defaultdict(list)
    all_by_country: dict[tuple[int, str | None], list[int]] = defaultdict(list)
    cluster_of: list[int] = [-1] * len(reports)
    clusters: list[list[int]] = []
    order = sorted(range(len(reports)), key=lambda i: (reports[i].day is None, reports[i].day or 0, i))
    for i in order:
        report = reports[i]
        if report.day is None:
            cluster_of[i] = len(clusters)
            clusters.append([i])
            continue
        cell = _cell(report, size)
        candidates: list[int] = []
        window = max(widest_seen, tolerance.get(report.time_precision, 0))
        for day in range(report.day - window, report.day + 1):
            if cell is None:
                candidates.extend(all_by_country.get((day, report.iso3), ()))
                continue
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    candidates.extend(by_cell.get((day, cell[0] + dy, cell[1] + dx), ()))
            candidates.extend(coarse_by_country.get((day, report.iso3), ()))
        best, best_score = -1, threshold
        for cluster_id in {cluster_of[c] for c in candidates}:
            members = clusters[cluster_id]
            if not _dates_agree(report, [reports[m] for m in members]):
                continue
            scores = [pair_score(report, reports[m]) for m in members]
            fitting = [s for s in scores if s is not None]
            if len(fitting) * 2 <= len(members) and len(members) > 1 or not fitting:
                continue
            strongest = max(fitting)
            if strongest >= best_score:
                best, best_score = cluster_id, strongest
        if best < 0:
            best = len(clusters)
            clusters.append([])
        clusters[best].append(i)
        cluster_of[i] = best
        if cell is None:
            coarse_by_country[(report.day, report.iso3)].append(i)
        else:
            by_cell[(report.day, cell[0], cell[1])].append(i)
        all_by_country[(report.day, report.iso3)].append(i)
        widest_seen = max(widest_seen, tolerance.get(report.time_precision, 0))
    return [members for members in clusters if members]
