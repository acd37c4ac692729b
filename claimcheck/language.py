"""Which language an article is written in, and whether claimcheck can analyse it.

The claim grammar (segmentation rules aside) is English: run on German or French text it cuts
sentences into noise ("Die Polizei nahm am Montag zwei Männer fest" yields no usable slots,
and worse, number words it half-recognises). Ingest therefore detects each article's
language, stores it, and extracts claims only for :data:`ANALYSED_LANGUAGES`; other articles
keep their text and sentences, searchable in Datasette, and take no part in ``diff``.

Detection uses py3langid (a naive Bayes byte n-gram model over 97 languages, shipped with
the package, no download) on a prefix of the text: the first thousand characters decide the
language of a news article as well as the whole text does, at a fraction of the cost
(py3langid reads about 0.4 MB/s).
"""

from __future__ import annotations

import re
from typing import Any

#: Languages whose articles are split into claims. The grammar in ``extract`` is English.
ANALYSED_LANGUAGES = frozenset({"en"})

#: Returned when the text is too short or too mixed to name a language.
UNDETERMINED = "und"

#: Characters of the article read for detection. On the 2,063 English corpus articles and
#: the benchmark's 108 pages in six other languages, 500, 1,000 and 2,000 characters all
#: give no wrong language; 1,000 costs about 6 ms an article, 2,000 about 8 ms.
PREFIX_CHARS = 1000

#: Below this many letters a guess is noise: the article is analysed as before (English).
MIN_LETTERS = 20

#: Below this normalised probability the best guess is not trusted.
MIN_CONFIDENCE = 0.5

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CODE = re.compile(r"^[a-z]{2,3}$")

_identifier: Any = None


def load_model() -> None:
    """Load the detection model now (a few seconds: it is stored xz-compressed).

    Called before worker processes are forked, so they share one loaded copy.
    """
    _get_identifier()


def _get_identifier() -> Any:
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        class Identifier(LanguageIdentifier):  # type: ignore[misc]
            """The library's identifier, with its feature counts from :class:`_ByteWalk`."""

            walk: _ByteWalk | None = None
            detections = 0

            def _raw_score(self, text: bytes) -> Any:
                walk = self.walk
                if walk is None:
                    self.detections += 1
                    if self.detections == WALK_AFTER:
                        walk = self.walk = _ByteWalk.of(self)
                visits = walk.counts(text) if walk is not None else None
                if visits:
                    return self._sparse_score(visits, self.nb_ptc)
                return super()._raw_score(text)  # the library's walk, or its no-feature fill

        _identifier = Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


#: Detections made with the library's own walk before :class:`_ByteWalk` is set up: setting
#: it up (the automaton's depth) takes about 0.1 s, which a few hundred articles pay back,
#: so a short run does not pay it. Both walks give the same counts.
WALK_AFTER = 200

#: Text whose feature counts must come out the same from the library's walk and ours before
#: ours is used (a library version that builds its automaton differently keeps its own walk).
_CHECK_TEXT = (
    "The council approved the budget on Monday. Der Rat hat am Montag den Haushalt beschlossen. "
    "Le conseil a approuvé le budget lundi. Совет утвердил бюджет в понедельник. 議会は月曜日に"
)


class _ByteWalk:
    """py3langid's feature counts, computed over the whole prefix at once with numpy.

    py3langid counts its byte n-gram features by walking an Aho-Corasick automaton one byte
    at a time in Python (about 1.5 ms for 1,000 characters, a sixth of an article's
    analysis). In such an automaton the state after a byte is the longest suffix of the text
    read so far that is a prefix of some feature, so it depends on the last ``depth`` bytes
    only (``depth``: the longest feature). Walking from the start state over the ``depth``
    bytes that end at each position therefore gives every position's state, and that is
    ``depth`` vectorised steps over all positions instead of one Python step per byte. The
    counts, and the order in which features are first seen (which fixes the order of the
    float sums in the scoring), are the library's own, so every score is bit for bit the
    same; :meth:`of` checks that on a sample before the walk is used.
    """

    def __init__(self, nextmove: Any, rowbase: Any, output: Any, depth: int):
        self.nextmove = nextmove
        self.rowbase = rowbase
        self.output = output
        self.depth = depth

    @classmethod
    def of(cls, identifier: Any) -> _ByteWalk | None:
        """The fast walk for ``identifier``, or None when its model does not allow it."""
        try:
            import numpy as np
            from py3langid.langid import visit_counts

            nextmove = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)  # a view, no copy
            rowbase = np.asarray(identifier._rowbase, dtype=np.intp)
            output = np.asarray(identifier.tk_output, dtype=np.intp)
            depth = _automaton_depth(nextmove, rowbase)
            walk = cls(nextmove, rowbase, output, depth)
            sample = _CHECK_TEXT.encode("utf-8")
            library = visit_counts(identifier.tk_nextmove, identifier._rowbase,
                                   identifier.tk_output, sample)
            ours = walk.counts(sample)
            if library is None or ours is None or list(library.items()) != list(ours.items()):
                return None
        except (AttributeError, ImportError, TypeError, ValueError):
            return None
        return walk

    def counts(self, data: bytes) -> dict[int, int] | None:
        """Feature -> count over ``data``, in order of first occurrence (None: no feature)."""
        import numpy as np

        text = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        n = len(text)
        states = np.zeros(n, dtype=np.intp)
        for back in range(min(self.depth, n) - 1, -1, -1):
            # position i reads byte i - back; positions before ``back`` have not started
            states[back:] = self.nextmove[self.rowbase[states[back:]] + text[: n - back]]
        features = self.output[states]
        features = features[features >= 0]
        if not len(features):
            return None
        found, first, times = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return dict(zip(found[order].tolist(), times[order].tolist(), strict=True))


def _automaton_depth(nextmove: Any, rowbase: Any) -> int:
    """The length of the longest string a state of the automaton stands for.

    That is the state's distance from the start state (any text reaching a state ends with
    the state's string), found breadth first over all 256 bytes of every state.
    """
    import numpy as np

    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    byte = np.arange(256, dtype=np.intp)
    depth = 0
    while True:
        reached = np.zeros(len(rowbase), dtype=bool)
        for i in range(0, len(frontier), 4096):  # a few MB of offsets at a time
            reached[nextmove[(rowbase[frontier[i : i + 4096]][:, None] + byte).ravel()]] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier = np.flatnonzero(reached)
        depth += 1


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``"und"``.

    >>> detect_language("The council approved the budget on Monday after a long debate.")
    'en'
    """
    prefix = text[:PREFIX_CHARS]
    if len(_LETTER.findall(prefix)) < MIN_LETTERS:
        return UNDETERMINED
    code, confidence = _get_identifier().classify(prefix)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return str(code)


def is_analysed(language: str | None) -> bool:
    """Whether claims are extracted for an article in ``language``.

    Undetermined (very short or mixed) text is analysed, as it was before detection existed:
    a two-line English note should not lose its claims because it is too short to classify.
    """
    return language is None or language == UNDETERMINED or language in ANALYSED_LANGUAGES


def check_language_code(code: str) -> str:
    """Normalise a ``--language`` value ("EN" -> "en"); raise ValueError when it is not a code."""
    value = code.strip().lower()
    if not _CODE.match(value):
        raise ValueError(code)
    return value
