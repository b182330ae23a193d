"""Rank related articles by shared tags and text similarity.

Pure functions over small documents, so that the ranking can be tested (and
reasoned about) without a database.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field

# Each shared tag is worth this much; text similarity adds up to 1.
TAG_WEIGHT = 1.0
# Below this, two articles only share common words.
MIN_TEXT_SIMILARITY = 0.08

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOPWORDS = frozenset(
    """
    about after again also among and any are because been before being between
    both but can could did does doing down during each few for from further had
    has have having her here hers him his how into its itself just more most
    not now off once only other our ours out over own same she should some such
    than that the their theirs them then there these they this those through
    too under until very was were what when where which while who whom why will
    with would you your yours said says year years one two new
    """.split()
)


@dataclass(frozen=True)
class Document:
    id: int
    tags: frozenset[str] = field(default_factory=frozenset)
    text: str = ""


def terms(text: str) -> Counter[str]:
    """Return the counts of the meaningful words of ``text``."""
    words = (word.lower() for word in _WORD.findall(text))
    return Counter(word for word in words if word not in _STOPWORDS)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


class Corpus:
    """TF-IDF vectors of a set of documents, built once and ranked many times."""

    def __init__(self, documents: list[Document]):
        self.documents = documents
        counts = [terms(doc.text) for doc in documents]
        document_frequency: Counter[str] = Counter()
        for doc_terms in counts:
            document_frequency.update(doc_terms.keys())
        self._size = len(documents)
        self._idf = {
            term: self._inverse_frequency(df) for term, df in document_frequency.items()
        }
        self._vectors = [self._tfidf(doc_terms) for doc_terms in counts]

    def _inverse_frequency(self, df: int) -> float:
        # Words found in every document carry no weight.
        return math.log((1 + self._size) / (1 + df))

    def _tfidf(self, counts: Counter[str]) -> dict[str, float]:
        unseen = self._inverse_frequency(0)
        vector = {
            term: (1 + math.log(n)) * self._idf.get(term, unseen)
            for term, n in counts.items()
        }
        norm = math.sqrt(sum(weight * weight for weight in vector.values()))
        return {term: weight / norm for term, weight in vector.items()} if norm else {}

    def rank(self, target: Document, limit: int = 4) -> list[tuple[int, float]]:
        """Return up to ``limit`` (id, score) pairs of the documents most related.

        The score is the number of shared tags times ``TAG_WEIGHT`` plus the
        TF-IDF cosine similarity of the texts; documents that share no tag and
        little text are left out. Ties keep the corpus order (callers pass the
        newest first).
        """
        if limit <= 0:
            return []
        target_vector = self._tfidf(terms(target.text))
        scored = []
        for position, (doc, vector) in enumerate(
            zip(self.documents, self._vectors, strict=True)
        ):
            if doc.id == target.id:
                continue
            shared = len(target.tags & doc.tags)
            similarity = _cosine(target_vector, vector)
            if shared == 0 and similarity < MIN_TEXT_SIMILARITY:
                continue
            scored.append((shared * TAG_WEIGHT + similarity, position, doc.id))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [(doc_id, round(score, 6)) for score, _, doc_id in scored[:limit]]


def rank_related(
    target: Document, candidates: list[Document], limit: int = 4
) -> list[tuple[int, float]]:
    """Rank ``candidates`` against ``target``; see ``Corpus.rank``."""
    return Corpus([target, *candidates]).rank(target, limit)
