"""How much of one plan's text another repeats, and which plans of a library are near-copies of another.

A text's grams are its 5-character runs (letters and characters, no
punctuation), each as a 64-bit number: a sorted array, so that containment
is one array intersection. A MinHash index (planlib.minhash) proposes, for
each plan, the plans that may contain most of it, without comparing every
pair; the exact containment of the likeliest few decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from planlib.minhash import (PERMUTATIONS, Grams, Signature, agreements, containing_candidates, estimated_containment,
                             may_contain, signature)

__all__ = ["Grams", "Signature", "Sketch", "containment", "grams", "near_copies", "near_copies_of", "signature"]

SHINGLE = 5
NEAR_DUPLICATE = 0.8  # share of the smaller plan's text found in the other
_NOT_TEXT_RE = re.compile(r"[^\w\u3400-\u9fff]")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: each character's code point spread over all 64 bits
# candidates whose exact containment is computed for one plan, likeliest first: in the synthetic library a
# plan shares exactly one half (78-79%) with a dozen others, and estimates cannot tell 0.79 from 0.81
_VERIFIED_PER_PLAN = 32
_INDEX_MARGIN = 0.2  # the index proposes pairs from containment 0.6: near its own threshold it misses some


def grams(text: str, size: int = SHINGLE) -> Grams:
    """The text's `size`-character runs of letters and characters, as sorted distinct 64-bit numbers."""
    chars = _NOT_TEXT_RE.sub("", text)
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    count = len(codes) - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        value = np.zeros(count, dtype=np.uint64)
        for offset in range(size):
            value = value * _MULTIPLIER + codes[offset:offset + count]
    return np.unique(value)


def containment(a: Grams, b: Grams) -> float:
    """Share of the smaller set of grams found in the larger one (1.0: one text repeats the other)."""
    if not len(a) or not len(b):
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    where = np.minimum(np.searchsorted(large, small), len(large) - 1)  # both sorted: no merge sort needed
    return int(np.count_nonzero(large[where] == small)) / len(small)


@dataclass(frozen=True)
class Sketch:
    """What the search for near-copies knows of a plan before it compares texts."""

    size: int  # number of grams
    signature: Signature


def _ordered(sketches: Mapping[str, Sketch]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The keys of non-empty plans, largest first (the later key first among equals), with sizes and signatures."""
    keys = sorted((key for key, sketch in sketches.items() if sketch.size), key=lambda k: (sketches[k].size, k),
                  reverse=True)
    sizes = np.array([sketches[key].size for key in keys], dtype=np.int64)
    signatures = np.array([sketches[key].signature for key in keys], dtype=np.uint32).reshape(len(keys), PERMUTATIONS)
    return keys, sizes, signatures


def near_copies(sketches: Mapping[str, Sketch], score: Callable[[str, str], float],
                excused: Callable[[str, str], bool] = lambda a, b: False,
                threshold: float = NEAR_DUPLICATE) -> list[tuple[str, str, float]]:
    """Each plan that repeats another, once: (copy, original, containment), in the order of the keys.

    The original is the larger text (the later key on a tie). Plans with the
    same signature and size are compared with one of them only; the other
    plans are compared with at most a few candidates the index proposes,
    likeliest first (originals first among equals). So a library of many near-copies costs
    time in proportion to its plans, not to its pairs. `excused(copy,
    original)` says a pair is declared (duplicate_of) and not to be reported.
    """
    keys, sizes, signatures = _ordered(sketches)
    if not keys:
        return []
    first_with: dict[tuple[int, bytes], int] = {}  # size and signature → the first plan that has them
    leader_of = [first_with.setdefault((int(sizes[index]), signatures[index].tobytes()), index)
                 for index in range(len(keys))]
    leaders = np.array(leader_of) == np.arange(len(keys))
    first, second = containing_candidates(sizes, signatures, threshold - _INDEX_MARGIN, leaders)
    earlier = second < first  # the original comes first: larger, or the later key among equals
    first, second = first[earlier], second[earlier]
    agreeing = agreements(signatures, (first, second))
    small, large = sizes[first].astype(np.float64), sizes[second].astype(np.float64)
    plausible = may_contain(agreeing, small, large, threshold)
    first, second = first[plausible], second[plausible]
    estimates = np.round(estimated_containment(agreeing[plausible], small[plausible], large[plausible]), 2)
    starts = np.searchsorted(first, np.arange(len(keys) + 1))
    copies: dict[str, tuple[str, float]] = {}
    for index, key in enumerate(keys):
        leader = leader_of[index]
        tried = [keys[leader]] if leader != index else []
        rows = range(starts[index], starts[index + 1])
        proposed = [keys[other] for _, _, other in sorted((-estimates[row], keys[second[row]] in copies, second[row])
                                                           for row in rows) if other != leader]
        verified = 0
        for other in tried + proposed:  # the same signature first; the index only when that is not it
            if excused(key, other) or verified == _VERIFIED_PER_PLAN:
                continue
            verified += 1
            found = score(key, other)
            if found >= threshold:
                copies[key] = (other, found)
                break
    return [(key, original, found) for key, (original, found) in sorted(copies.items())]


def near_copies_of(sketches: Mapping[str, Sketch], named: set[str], score: Callable[[str, str], float],
                   excused: Callable[[str, str], bool] = lambda a, b: False,
                   threshold: float = NEAR_DUPLICATE) -> list[tuple[str, str, float]]:
    """For a few named plans among many: (copy, original, containment) for each named plan that repeats
    another, or else that a plan not named repeats; once per named plan.

    Every plan's signature is compared with each named plan's at once (one array operation each), so the
    cost is the named plans times the library, with no index to build: for checking a few files.
    """
    keys, sizes, signatures = _ordered(sketches)
    if not keys:
        return []
    everyone = np.arange(len(keys), dtype=np.int64)
    found: list[tuple[str, str, float]] = []
    for index, key in enumerate(keys):
        if key not in named:
            continue
        agreeing = agreements(signatures, (np.full(len(keys), index), everyone))
        small = np.minimum(sizes[index], sizes).astype(np.float64)
        large = np.maximum(sizes[index], sizes).astype(np.float64)
        estimate = estimated_containment(agreeing, small, large)
        estimate[index] = -1.0
        plausible = may_contain(agreeing, small, large, threshold)
        plausible[index] = False
        likely = [int(i) for i in np.argsort(-estimate, kind="stable") if plausible[i]]
        as_copy = [keys[i] for i in likely if i < index]
        as_original = [keys[i] for i in likely if i > index and keys[i] not in named]
        for others, pair in ((as_copy, lambda other: (key, other)), (as_original, lambda other: (other, key))):
            verified = 0
            for other in others:
                copy, original = pair(other)
                if excused(copy, original):
                    continue
                if verified == _VERIFIED_PER_PLAN:
                    break
                verified += 1
                if (similar := score(copy, original)) >= threshold:
                    found.append((copy, original, similar))
                    break
            if found and key in found[-1][:2]:
                break
    return sorted(found)
