"""Link near-duplicate articles (MinHash over word shingles) to the first stored copy, in the store."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from sqlalchemy import Column, Float, Integer, LargeBinary, MetaData, String, Table, insert, select

from veille.store import Store
from veille.store.schema import articles

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's hashing scheme; signatures are stored as uint32 values
SHINGLE_WORDS = 5
THRESHOLD = 0.7  # estimated Jaccard similarity of word 5-shingles above which two texts are one report
BATCH = 500

link_metadata = MetaData()
# One row per article that was compared: its signature, and the first copy it duplicates (NULL when none).
# Kept in its own table so that the articles table and the store are unchanged; linking is idempotent.
near_duplicates = Table(
    "near_duplicates",
    link_metadata,
    Column("article_id", String, primary_key=True),
    Column("duplicate_of", String, index=True),
    Column("similarity", Float),
    Column("num_perm", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
)
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of overlapping `size`-word sequences of a text, case and accents folded."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    words = WORD.findall(folded)
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    """The MinHash signature of a text's shingles."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return LeanMinHash(minhash)


def _to_bytes(minhash: LeanMinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def _from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=SCHEME)


def link_near_duplicates(store: Store) -> int:
    """Compare every processed article not yet compared with all earlier ones; returns the links made.

    Articles are taken oldest first (publication date, then processing time), so a copy always points to
    the earliest copy seen. Each batch is one transaction: a crash loses nothing, a rerun finishes the work.
    """
    link_metadata.create_all(store.engine)
    index = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    known: dict[str, LeanMinHash] = {}
    with store.engine.connect() as conn:
        for article_id, data in conn.execute(select(near_duplicates.c.article_id, near_duplicates.c.signature)):
            known[article_id] = _from_bytes(data)
            index.insert(article_id, known[article_id])
        query = (select(articles.c.id, articles.c.text)
                 .where(articles.c.status == "processed", articles.c.id.not_in(select(near_duplicates.c.article_id)))
                 .order_by(articles.c.published.is_(None), articles.c.published, articles.c.processed_at,
                           articles.c.id))
        pending = conn.execute(query).all()
    links = 0
    for start in range(0, len(pending), BATCH):
        rows = []
        for article_id, text in pending[start : start + BATCH]:
            minhash = signature(text)
            original, similarity = _first_copy(minhash, index, known)
            links += original is not None
            rows.append({"article_id": article_id, "duplicate_of": original, "similarity": similarity,
                         "num_perm": NUM_PERM, "signature": _to_bytes(minhash)})
            known[article_id] = minhash
            index.insert(article_id, minhash)
        with store.engine.begin() as conn:
            conn.execute(insert(near_duplicates), rows)
    return links


def _first_copy(minhash: LeanMinHash, index: MinHashLSH, known: dict[str, LeanMinHash]) -> tuple[str | None, float | None]:
    """The most similar earlier article above the threshold (an original itself, never a copy), or None."""
    best, best_similarity = None, None
    for candidate in index.query(minhash):
        similarity = minhash.jaccard(known[candidate])
        if similarity >= THRESHOLD and (best_similarity is None or similarity > best_similarity):
            best, best_similarity = candidate, similarity
    return best, best_similarity


def duplicate_of(store: Store, article_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Map each linked copy to the first copy of its report (for incident resolution: one source, not two)."""
    link_metadata.create_all(store.engine)
    query = select(near_duplicates.c.article_id, near_duplicates.c.duplicate_of).where(
        near_duplicates.c.duplicate_of.is_not(None))
    with store.engine.connect() as conn:
        links = dict(conn.execute(query).all())
    roots = {copy: _root(copy, links) for copy in links}
    if article_ids is None:
        return roots
    wanted = set(article_ids)
    return {copy: root for copy, root in roots.items() if copy in wanted}


def _root(article_id: str, links: dict[str, str]) -> str:
    seen = {article_id}
    while article_id in links and links[article_id] not in seen:
        article_id = links[article_id]
        seen.add(article_id)
    return article_id
