"""MinHash signatures of gram sets, and an index that proposes, for each set, the sets that may contain it.

A signature holds 128 positions, each the least hash of the grams that fall
to it: two sets agree at one position with probability equal to their
Jaccard similarity (see `signature`).

The index is an LSH Ensemble (Zhu et al., VLDB 2016): sets are grouped by
size; a query of size q looks in each group of sets of size up to u with the
bands (b bands of r rows) that best separate containment above and below the
threshold, given the ratio u/q. Every query and every band is one array
operation over the whole library, so proposing candidates for 10,000 plans
costs a few hundred array operations, not a Python loop per plan and band.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
MAX_ROWS = 16  # rows per band at most (the ensemble's memory factor 8: 128 / 8)
SIZE_STEP = 1.25  # the sizes of one group differ by at most this factor
_RATIO_STEP = 1.05  # size ratios are rounded up to a power of this, so that few (bands, rows) are computed
_FALSE_POSITIVE_WEIGHT = 0.1  # a missed copy costs more than a pair compared in vain (which costs little)
_EMPTY = np.uint32(0xFFFFFFFF)

Grams = npt.NDArray[np.uint64]
Signature = npt.NDArray[np.uint32]
Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]

_POSITION_BITS = 7  # 2 ** 7 = PERMUTATIONS positions
_MIX_FIRST = np.uint64(0xBF58476D1CE4E5B9)  # a 64-bit mixer's constants (splitmix64's finaliser)
_MIX_SECOND = np.uint64(0x94D049BB133111EB)
_SEEDS = np.random.default_rng(1)
_BAND_MIX = _SEEDS.integers(0, 2 ** 63, MAX_ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
# for each position, the positions it borrows from when no gram chose it, in order: 1,024 drawn at random, then
# all of them (so that a non-empty set always finds one)
_DONORS = np.concatenate([_SEEDS.integers(0, PERMUTATIONS, (PERMUTATIONS, 1024)),
                          np.array([_SEEDS.permutation(PERMUTATIONS) for _ in range(PERMUTATIONS)])], axis=1)


def signature(grams: Grams) -> Signature:
    """The MinHash signature of a set of 64-bit grams (all positions 2³²−1 for the empty set).

    One permutation hashing (Li, Owen and Zhang, 2012): each gram is hashed
    once, its top 7 bits choose one of the 128 positions and its next 32 bits
    are its value there; a position keeps its least value. A position no gram
    chose takes the value of the first position, in a sequence fixed for it,
    that one did (optimal densification, Shrivastava 2017), so that two
    signatures still agree at a position with probability equal to the sets'
    Jaccard similarity. One hash per gram instead of 128.
    """
    least = np.full(PERMUTATIONS, _EMPTY, dtype=np.uint32)
    if not len(grams):
        return least
    with np.errstate(over="ignore"):
        mixed = grams ^ (grams >> np.uint64(31))
        mixed = mixed * _MIX_FIRST
        mixed ^= mixed >> np.uint64(29)
        mixed = mixed * _MIX_SECOND
        mixed ^= mixed >> np.uint64(32)
    positions = (mixed >> np.uint64(64 - _POSITION_BITS)).astype(np.intp)
    values = ((mixed >> np.uint64(64 - _POSITION_BITS - 32)) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    np.minimum.at(least, positions, values)
    chosen = np.zeros(PERMUTATIONS, dtype=np.bool_)
    chosen[positions] = True
    empty = np.flatnonzero(~chosen)
    if len(empty):
        donors = _DONORS[empty]
        least[empty] = least[donors[np.arange(len(empty)), chosen[donors].argmax(axis=1)]]
    return least


def agreements(signatures: npt.NDArray[np.uint32], pairs: Pairs, chunk: int = 65_536) -> npt.NDArray[np.int64]:
    """For each pair of rows, the number of positions where the two signatures agree."""
    first, second = pairs
    found = np.empty(len(first), dtype=np.int64)
    for start in range(0, len(first), chunk):
        stop = start + chunk
        found[start:stop] = (signatures[first[start:stop]] == signatures[second[start:stop]]).sum(axis=1)
    return found


def may_contain(agreeing: npt.NDArray[np.int64], small: npt.NDArray[np.float64], large: npt.NDArray[np.float64],
                threshold: float, deviations: float = 4.0) -> npt.NDArray[np.bool_]:
    """Whether a pair whose signatures agree at `agreeing` positions may share `threshold` of the smaller set.

    Sharing that much means a Jaccard similarity of at least j = t·s / (s + l − t·s); the agreements of
    two signatures are a binomial count with mean 128·j, so a pair more than `deviations` standard
    deviations below it is left out (a true pair is, once in some 30,000).
    """
    shared = threshold * small
    jaccard = shared / (small + large - shared)
    mean = PERMUTATIONS * jaccard
    return agreeing >= mean - deviations * np.sqrt(mean * (1 - jaccard))


def estimated_containment(agreeing: npt.NDArray[np.int64], first: npt.NDArray[np.float64],
                          second: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The share of the smaller set found in the larger, estimated from agreeing positions (Jaccard → containment)."""
    jaccard = agreeing / PERMUTATIONS
    return jaccard * (first + second) / ((1 + jaccard) * np.maximum(np.minimum(first, second), 1))


@lru_cache(maxsize=None)
def _bands(threshold: float, ratio: float) -> tuple[int, int]:
    """(bands, rows) that best tell containment ≥ `threshold` from below it, for sets up to `ratio` × the query.

    The ensemble's rule: minimise the false-positive and false-negative probabilities integrated over
    containment (numerically, on 200 points), here weighted _FALSE_POSITIVE_WEIGHT to the rest.
    """
    steps = np.linspace(0.0, 1.0, 201)
    containment = steps * min(1.0, ratio)
    jaccard = containment / (1 + ratio - containment)
    best, best_error = (1, 1), math.inf
    for rows in range(1, MAX_ROWS + 1):
        bands = np.arange(1, PERMUTATIONS // rows + 1)
        collide = 1 - (1 - jaccard[None, :] ** rows) ** bands[:, None]
        below = containment < threshold
        width = containment[1] - containment[0]
        false_positive = np.trapezoid(np.where(below, collide, 0.0), dx=width, axis=1)
        false_negative = np.trapezoid(np.where(below, 0.0, 1 - collide), dx=width, axis=1)
        error = _FALSE_POSITIVE_WEIGHT * false_positive + (1 - _FALSE_POSITIVE_WEIGHT) * false_negative
        index = int(np.argmin(error))
        if error[index] < best_error:
            best, best_error = (int(bands[index]), rows), float(error[index])
    return best


def _band_keys(signatures: npt.NDArray[np.uint32], rows: int) -> npt.NDArray[np.uint64]:
    """Each row's bands of `rows` positions, each folded into one 64-bit key: shape (sets, 128 // rows)."""
    bands = PERMUTATIONS // rows
    grouped = signatures[:, :bands * rows].astype(np.uint64).reshape(len(signatures), bands, rows)
    with np.errstate(over="ignore"):
        return (grouped * _BAND_MIX[:rows]).sum(axis=2, dtype=np.uint64)


def _join(query_keys: npt.NDArray[np.uint64], queries: npt.NDArray[np.int64],
          member_keys: npt.NDArray[np.uint64], members: npt.NDArray[np.int64]) -> Pairs:
    """Every (query, member) whose keys are equal."""
    order = np.argsort(member_keys, kind="stable")
    ordered = member_keys[order]
    low = np.searchsorted(ordered, query_keys, "left")
    counts = np.searchsorted(ordered, query_keys, "right") - low
    total = int(counts.sum())
    if not total:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.repeat(low - (np.cumsum(counts) - counts), counts)
    return np.repeat(queries, counts), members[order[starts + np.arange(total)]]


def containing_candidates(sizes: npt.NDArray[np.int64], signatures: npt.NDArray[np.uint32], threshold: float,
                          indexed: npt.NDArray[np.bool_] | None = None) -> Pairs:
    """Pairs (i, j), i ≠ j, where set j is at least as large as set i and may contain `threshold` of it.

    `sizes` and `signatures` are the sets' sizes and signatures, one row each; only sets marked in
    `indexed` (all when None) are proposed as j. The pairs are distinct and sorted by i, then j.
    """
    count = len(sizes)
    if count < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    groups = np.floor(np.log(np.maximum(sizes, 1)) / math.log(SIZE_STEP)).astype(np.int64)
    found: list[Pairs] = []
    keys: dict[int, npt.NDArray[np.uint64]] = {}
    everyone = np.arange(count, dtype=np.int64)
    proposed = np.ones(count, dtype=np.bool_) if indexed is None else indexed
    for group in np.unique(groups):
        members = everyone[(groups == group) & proposed]
        if not len(members):
            continue
        largest = float(sizes[members].max())
        queries = everyone[sizes <= largest]  # a set is looked for only among sets at least as large
        if not len(queries):
            continue
        ratios = largest / np.maximum(sizes[queries], 1)
        steps = np.ceil(np.log(ratios) / math.log(_RATIO_STEP) - 1e-9).astype(np.int64)  # rounded up, never down
        distinct, which = np.unique(steps, return_inverse=True)
        params = np.array([_bands(threshold, _RATIO_STEP ** int(step)) for step in distinct], dtype=np.int64)[which]
        for rows in np.unique(params[:, 1]):
            keys.setdefault(int(rows), _band_keys(signatures, int(rows)))
            band_keys = keys[int(rows)]
            using = params[:, 1] == rows
            asking, bands = queries[using], params[using, 0]
            for band in range(int(bands.max())):
                this = asking[bands > band]
                found.append(_join(band_keys[this, band], this, band_keys[members, band], members))
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first = np.concatenate([pair[0] for pair in found])
    second = np.concatenate([pair[1] for pair in found])
    keep = (first != second) & (sizes[second] >= sizes[first])
    codes = np.sort(first[keep] * count + second[keep])
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
    return codes // count, codes % count
