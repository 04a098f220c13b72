"""How much of one plan's text another repeats, and which plans of a library are near-copies of another.

A text's grams are its 5-character runs (letters and characters, no
punctuation), each as a 64-bit number: a sorted array, so that containment
is one array intersection. MinHash LSH Ensemble (datasketch) proposes, for
each plan, the plans that contain most of it, without comparing every pair;
the exact containment of a few candidates decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SHINGLE = 5
NEAR_DUPLICATE = 0.8  # share of the smaller plan's text found in the other
_NOT_TEXT_RE = re.compile(r"[^\w\u3400-\u9fff]")
_PERMUTATIONS = 128
_PARTITIONS = 8  # of the ensemble by size: each query looks in every one; fewer miss small plans in large ones
_SCHEME = "affine32"  # datasketch's permutations of 32-bit hashes (its default); signatures are uint32
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: each character's code point spread over all 64 bits
# candidates whose exact containment is computed for one plan, likeliest first: in the synthetic library a
# plan shares exactly one half (78-79%) with a dozen others, and estimates cannot tell 0.79 from 0.81
_VERIFIED_PER_PLAN = 32
_INDEX_MARGIN = 0.2  # the index proposes pairs from containment 0.6: near its own threshold it misses some

Grams = npt.NDArray[np.uint64]
Signature = npt.NDArray[np.uint32]


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
    small = min(len(a), len(b))
    return len(np.intersect1d(a, b, assume_unique=True)) / small


def signature(text_grams: Grams) -> Signature:
    """The MinHash signature of a set of grams (datasketch, 128 permutations, seed 1)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=_PERMUTATIONS, seed=1, hashfunc=int, scheme=_SCHEME)
    with np.errstate(over="ignore"):
        hashes = (text_grams * _MULTIPLIER) >> np.uint64(32)  # the high half: 32 well-mixed bits
    minhash.update_batch(hashes.tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


@dataclass(frozen=True)
class Sketch:
    """What the search for near-copies knows of a plan before it compares texts."""

    size: int  # number of grams
    signature: Signature


def _estimates(sketch: Sketch, sizes: npt.NDArray[np.float64], signatures: npt.NDArray[np.uint32]) -> list[float]:
    """Containment of `sketch` in each of the others, estimated from the signatures (Jaccard from MinHash)."""
    jaccard = (signatures == sketch.signature).mean(axis=1)
    return list(jaccard * (sketch.size + sizes) / ((1 + jaccard) * max(sketch.size, 1)))


def _index_size(size: int) -> int:
    """A size rounded up to a step of 5%: the ensemble's partitioning is quadratic in the number of distinct sizes."""
    return size if size < 64 else int(math.ceil(1.05 ** math.ceil(math.log(size, 1.05))))


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
    from datasketch import LeanMinHash, MinHashLSHEnsemble

    keys = sorted((key for key, sketch in sketches.items() if sketch.size), key=lambda k: (sketches[k].size, k),
                  reverse=True)  # originals first
    if not keys:
        return []
    rank = {key: index for index, key in enumerate(keys)}
    sizes = np.array([sketches[key].size for key in keys], dtype=np.float64)
    signatures = np.array([sketches[key].signature for key in keys], dtype=np.uint32).reshape(len(keys), -1)
    groups: dict[tuple[int, bytes], list[str]] = {}
    for key in keys:
        sketch = sketches[key]
        groups.setdefault((sketch.size, sketch.signature.tobytes()), []).append(key)
    leaders = [members[0] for members in groups.values()]
    ensemble = None
    if len(leaders) > 1:
        ensemble = MinHashLSHEnsemble(threshold=threshold - _INDEX_MARGIN, num_perm=_PERMUTATIONS,
                                      num_part=_PARTITIONS)
        ensemble.index((key, LeanMinHash(seed=1, scheme=_SCHEME, hashvalues=sketches[key].signature),
                        _index_size(sketches[key].size)) for key in leaders)
    copies: dict[str, tuple[str, float]] = {}

    def proposed(key: str, sketch: Sketch, tried: list[str]) -> list[str]:
        if ensemble is None:
            return []
        query = LeanMinHash(seed=1, scheme=_SCHEME, hashvalues=sketch.signature)
        found = [other for other in ensemble.query(query, sketch.size) if rank[other] < rank[key] and other not in tried]
        if not found:
            return []
        rows = [rank[other] for other in found]
        estimates = _estimates(sketch, sizes[rows], signatures[rows])
        return [other for _, _, _, other in sorted((-round(estimate, 2), other in copies, rank[other], other)
                                                     for other, estimate in zip(found, estimates))]

    for key in keys:
        sketch = sketches[key]
        leader = groups[(sketch.size, sketch.signature.tobytes())][0]
        tried = [leader] if leader != key else []
        verified = 0
        for candidates in (tried, None):  # the same signature first; the index only when that is not it
            for other in candidates if candidates is not None else proposed(key, sketch, tried):
                if excused(key, other) or verified == _VERIFIED_PER_PLAN:
                    continue
                verified += 1
                found = score(key, other)
                if found >= threshold:
                    copies[key] = (other, found)
                    break
            if key in copies:
                break
    return [(key, original, found) for key, (original, found) in sorted(copies.items())]


_ESTIMATE_MARGIN = 0.15  # below the threshold, an estimate from 128 permutations still proposes the pair


def near_copies_of(sketches: Mapping[str, Sketch], named: set[str], score: Callable[[str, str], float],
                   excused: Callable[[str, str], bool] = lambda a, b: False,
                   threshold: float = NEAR_DUPLICATE) -> list[tuple[str, str, float]]:
    """For a few named plans among many: (copy, original, containment) for each named plan that repeats
    another, or else that a plan not named repeats; once per named plan.

    Every plan's signature is compared with each named plan's at once (one array operation each), so the
    cost is the named plans times the library, with no index to build: for checking a few files.
    """
    keys = sorted((key for key, sketch in sketches.items() if sketch.size), key=lambda k: (sketches[k].size, k),
                  reverse=True)  # originals first, as in near_copies
    if not keys:
        return []
    sizes = np.array([sketches[key].size for key in keys], dtype=np.float64)
    signatures = np.array([sketches[key].signature for key in keys], dtype=np.uint32).reshape(len(keys), -1)
    found: list[tuple[str, str, float]] = []
    for index, key in enumerate(keys):
        if key not in named:
            continue
        jaccard = (signatures == signatures[index]).mean(axis=1)
        estimate = jaccard * (sizes[index] + sizes) / ((1 + jaccard) * np.minimum(sizes[index], sizes))
        estimate[index] = 0.0
        likely = [int(i) for i in np.argsort(-estimate, kind="stable") if estimate[i] >= threshold - _ESTIMATE_MARGIN]
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
