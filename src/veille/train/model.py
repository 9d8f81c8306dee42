"""The trained event-type coder: feature blocks, calibrated linear classifiers, save and load."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

MODEL_FORMAT = 1
MIN_CLASS_EXAMPLES = 3  # a class needs this many rows for the 3-fold calibration
CALIBRATION_FOLDS = 3
NO_TEXT_FEATURE = "text=absent"  # marks the language-independent view of an example


@dataclass
class Example:
    """One coded record as the model sees it: context text, extraction features, language, encoder vector."""

    text: str
    features: dict[str, float]
    language: str
    embedding: np.ndarray | None = None


@dataclass
class Prediction:
    """The label chosen for one example and its calibrated probability."""

    label: str
    confidence: float


@dataclass
class TrainedCoder:
    """Calibrated classifiers over text, extraction and (optionally) sentence-encoder features."""

    label_columns: list[str]
    use_encoder: bool = False
    crosslingual_view: bool = True
    C: float = 0.5
    text_languages: set[str] = field(default_factory=set)
    dropped_classes: dict[str, list[str]] = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)
    format: int = MODEL_FORMAT

    def _matrix(self, examples: list[Example], fit: bool = False) -> sparse.csr_matrix:
        """Stack the feature blocks; text blocks are empty for languages the text features never saw."""
        if fit:
            self._word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=40000, sublinear_tf=True)
            self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, max_features=60000,
                                         sublinear_tf=True)
            self._dict = DictVectorizer()
            texts = [e.text for e in examples]
            self._word.fit(texts)
            self._char.fit(texts)
            self._dict.fit([e.features for e in examples] + [{NO_TEXT_FEATURE: 1.0}])
            for vectorizer in (self._word, self._char):
                vectorizer.stop_words_ = None  # the pruned vocabulary is only needed for debugging and is large
        known = [e.language in self.text_languages for e in examples]
        texts = [e.text if ok else "" for e, ok in zip(examples, known)]
        dicts = [e.features if ok else {**e.features, NO_TEXT_FEATURE: 1.0} for e, ok in zip(examples, known)]
        blocks = [self._word.transform(texts), self._char.transform(texts), self._dict.transform(dicts)]
        if self.use_encoder:
            blocks.append(sparse.csr_matrix(np.vstack([_embedding(e) for e in examples])))
        return sparse.hstack(blocks, format="csr")

    def fit(self, examples: list[Example], labels: dict[str, list[str]]) -> "TrainedCoder":
        """Fit one calibrated classifier per label column; rows with an empty label are left out of that one."""
        self.text_languages = {e.language for e in examples}
        training = list(examples)
        if self.crosslingual_view:
            # the same rows seen without their text, so words of an unseen language do not decide alone
            training += [Example("", e.features, "-", e.embedding) for e in examples]
        matrix = self._matrix(training, fit=True)
        self._classifiers = {}
        for column in self.label_columns:
            counts = Counter(v for v in labels[column] if v)
            self.dropped_classes[column] = sorted(v for v in counts if counts[v] < MIN_CLASS_EXAMPLES)
            values = list(labels[column]) * (len(training) // len(examples))
            keep = [i for i, v in enumerate(values) if v and counts[v] >= MIN_CLASS_EXAMPLES]
            if len({values[i] for i in keep}) < 2:
                raise ValueError(f"column {column!r} needs at least two classes with {MIN_CLASS_EXAMPLES}+ rows")
            classifier = CalibratedClassifierCV(LinearSVC(C=self.C), method="sigmoid", cv=CALIBRATION_FOLDS,
                                                ensemble=False)
            classifier.fit(matrix[keep], [values[i] for i in keep])
            self._classifiers[column] = classifier
        return self

    def classes(self, column: str) -> list[str]:
        """The labels a column's classifier can return."""
        return list(self._classifiers[column].classes_)

    def predict_proba(self, examples: list[Example], column: str) -> np.ndarray:
        """Calibrated class probabilities, one row per example, columns in `classes(column)` order."""
        if not examples:
            return np.zeros((0, len(self.classes(column))))
        return self._classifiers[column].predict_proba(self._matrix(examples))

    def predict(self, examples: list[Example], column: str) -> list[Prediction]:
        """The most probable label of each example with its calibrated probability."""
        probabilities = self.predict_proba(examples, column)
        classes = self.classes(column)
        best = probabilities.argmax(axis=1) if len(examples) else []
        return [Prediction(classes[j], float(probabilities[i, j])) for i, j in enumerate(best)]


def _embedding(example: Example) -> np.ndarray:
    if example.embedding is None:
        raise ValueError("this model uses sentence-encoder features: examples need an embedding")
    return example.embedding


def save_model(model: TrainedCoder, path: str | Path) -> int:
    """Write the model (compressed joblib); returns its size in bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=3)
    return path.stat().st_size


def load_model(path: str | Path) -> TrainedCoder:
    """Read a model written by save_model. Model files are pickles: load only files you trust."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no model file at {path}")
    try:
        model = joblib.load(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same clear message
        raise ValueError(f"{path} is not a veille model file: {type(exc).__name__}: {exc}") from None
    if not isinstance(model, TrainedCoder) or getattr(model, "format", None) != MODEL_FORMAT:
        raise ValueError(f"{path} is not a veille model file (format {MODEL_FORMAT})")
    return model
