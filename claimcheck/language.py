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

        _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


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
