"""claimcheck: cross-check news articles claim by claim.

The public API is :func:`ingest` and :func:`diff`; both are imported lazily so that
``import claimcheck`` (and ``claimcheck --help``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .compare.model import DiffResult
    from .differ import diff
    from .errors import ClaimcheckError
    from .pipeline import IngestResult, ingest
    from .reviews import review

__all__ = ["ClaimcheckError", "DiffResult", "IngestResult", "__version__", "diff", "ingest", "review"]

_LAZY = {
    "ingest": ".pipeline",
    "IngestResult": ".pipeline",
    "diff": ".differ",
    "DiffResult": ".compare.model",
    "ClaimcheckError": ".errors",
    "review": ".reviews",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name], __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
