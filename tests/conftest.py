"""Shared fixtures: spaCy pipelines loaded once per test session, path to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seed"


@pytest.fixture(scope="session")
def nlp_fr():
    """The French spaCy pipeline."""
    from veille.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():
    """The English spaCy pipeline."""
    from veille.nlp import load_pipeline

    return load_pipeline("en")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path to ../shared/data; skips the test when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED_DATA


METRICS: list[str] = []


def report_metric(line: str) -> None:
    """Keep a line of measured metrics for the end of the run, where CI shows it."""
    METRICS.append(line.strip("\n"))


def pytest_terminal_summary(terminalreporter):
    """Print the metrics measured on ../shared data (and the seed) after the test results."""
    if METRICS:
        terminalreporter.section("measured metrics")
        for line in METRICS:
            terminalreporter.write_line(line)
