"""Similarity of two prepared claims (0..1)."""

from __future__ import annotations

from rapidfuzz import fuzz

from .model import ClaimRecord


def similarity(a: ClaimRecord, b: ClaimRecord) -> float:
    """0..1: rapidfuzz on the masked texts, blended with the overlap of slots and words."""
    text_score = fuzz.token_set_ratio(a.masked, b.masked) / 100.0
    sort_score = fuzz.token_sort_ratio(a.masked, b.masked) / 100.0
    union = a.words | b.words
    word_overlap = len(a.words & b.words) / len(union) if union else 0.0
    ents_a = {s.entity_id for s in a.slots if s.entity_id}
    ents_b = {s.entity_id for s in b.slots if s.entity_id}
    ent_union = ents_a | ents_b
    ent_overlap = len(ents_a & ents_b) / len(ent_union) if ent_union else 0.5
    return 0.35 * text_score + 0.25 * sort_score + 0.25 * word_overlap + 0.15 * ent_overlap


# --- clustering ---------------------------------------------------------------------------
