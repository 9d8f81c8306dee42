"""Kill a real `veille run` with SIGKILL mid-run, run it again, and compare the database with an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

VEILLE = [str(Path(sys.executable).with_name("veille"))]
PLACES = ["Mossoul", "Kirkuk", "Alep", "Idlib", "Homs", "Raqqa", "Tikrit", "Bassora", "Hama", "Deir ez-Zor"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def write_corpus(root: Path, n_articles: int = 48) -> Path:
    """A folder of short French and English reports (text files and one JSONL) plus two broken inputs."""
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for n in range(n_articles):
        place, day = PLACES[n % len(PLACES)], DAYS[n % len(DAYS)]
        if n % 2:
            text = (f"{n % 9 + 2} soldats ont été tués {day} lors d'une attaque près de {place}, "
                    f"a indiqué une ONG. Le bilan provisoire numéro {n} reste incertain.")
        else:
            text = (f"Gunmen killed {n % 7 + 2} policemen near {place} on Monday, a security official said; "
                    f"report number {n} of the local desk.")
        if n % 3 == 0:
            lines.append(json.dumps({"text": text, "outlet": "Desk", "published": "2024-03-14"}))
        else:
            (root / f"r{n:03d}.txt").write_text(text, encoding="utf-8")
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x00\x01binary")
    (root / "empty.txt").write_text("   ", encoding="utf-8")
    return root


def veille_run(corpus: Path, db: Path, *, kill_after: float | None = None, wait_first_article: bool = True,
               timeout: float = 300) -> str:
    """Run `veille run`; with kill_after, SIGKILL it that many seconds after its first stored article."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(VEILLE + ["run", str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
    started = time.monotonic()
    if kill_after is None:
        process.wait(timeout=timeout)
        return f"finished rc={process.returncode}"
    while wait_first_article and process.poll() is None and not _has_articles(db):
        if time.monotonic() - started > timeout:
            break
        time.sleep(0.02)
    time.sleep(kill_after)
    if process.poll() is not None:
        return "finished before the kill"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return "killed"


def _has_articles(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0] > 0
    except sqlite3.Error:
        return False


def snapshot(db: Path) -> dict:
    """What a run leaves: articles with status and event count, event ids, distinct failures; plus consistency checks."""
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
        orphans = conn.execute("select count(*) from events where article_id not in (select id from articles)"
                               ).fetchone()[0]
        mismatched = conn.execute(
            "select count(*) from articles a where n_events != (select count(*) from events e "
            "where e.article_id = a.id)").fetchone()[0]
        return {
            "integrity": integrity,
            "orphan_events": orphans,
            "articles_with_wrong_event_count": mismatched,
            "articles": sorted(conn.execute("select id, status, n_events from articles").fetchall()),
            "events": sorted(row[0] for row in conn.execute("select id from events")),
            "failures": sorted(set(conn.execute("select source, stage, message from failures").fetchall())),
            "near_duplicates": _near_duplicates(conn),
        }


def _near_duplicates(conn: sqlite3.Connection) -> list:
    """The near-duplicate links, or none when the run was killed before linking created the table."""
    if not conn.execute("select 1 from sqlite_master where name = 'near_duplicates'").fetchone():
        return []
    return sorted(conn.execute("select article_id, duplicate_of from near_duplicates").fetchall())


def kill_and_resume(corpus: Path, db: Path, window: float, rng: random.Random) -> tuple[str, float]:
    """One trial: kill a run at a random moment within window seconds of its first article, then rerun it."""
    delay = rng.uniform(0, window)
    outcome = veille_run(corpus, db, kill_after=delay)
    veille_run(corpus, db)
    return outcome, delay


def processing_window(corpus: Path, db: Path, timeout: float = 600) -> float:
    """Run `veille run` to the end and return the seconds between its first stored article and its exit."""
    process = subprocess.Popen(VEILLE + ["run", str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    started = time.monotonic()
    while process.poll() is None and not _has_articles(db) and time.monotonic() - started < timeout:
        time.sleep(0.02)
    first = time.monotonic()
    process.wait(timeout=timeout)
    return time.monotonic() - first
