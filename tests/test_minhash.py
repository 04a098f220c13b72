"""MinHash signatures and the containment index: what the search for near-copies relies on."""

from __future__ import annotations

import numpy as np

from planlib.minhash import (PERMUTATIONS, agreements, containing_candidates, estimated_containment, may_contain,
                             signature)

RANDOM = np.random.default_rng(5)


def _grams(count: int) -> np.ndarray:
    return np.unique(RANDOM.integers(0, 2 ** 63, count, dtype=np.uint64))


def test_signatures_agree_in_proportion_to_the_jaccard_similarity() -> None:
    shared, first_only, second_only = _grams(600), _grams(300), _grams(300)
    first = signature(np.union1d(shared, first_only))
    second = signature(np.union1d(shared, second_only))
    agreeing = int((first == second).sum())
    assert first.dtype == np.uint32 and len(first) == PERMUTATIONS
    assert 0.35 * PERMUTATIONS <= agreeing <= 0.65 * PERMUTATIONS  # Jaccard 600 / 1,200 = 0.5
    assert np.array_equal(signature(shared), signature(shared.copy()))
    assert (signature(np.zeros(0, dtype=np.uint64)) == 0xFFFFFFFF).all()


def test_a_set_is_proposed_for_the_larger_sets_that_contain_it_and_not_for_unrelated_ones() -> None:
    """A set repeated inside a set five times its size is found in both directions' terms: the small one as
    the query, the large one as the candidate. 300 unrelated sets give almost no pairs."""
    small = _grams(400)
    large = np.union1d(small, _grams(1600))
    others = [_grams(int(size)) for size in RANDOM.integers(300, 2500, 300)]
    sets = [small, large, *others]
    sizes = np.array([len(s) for s in sets], dtype=np.int64)
    signatures = np.array([signature(s) for s in sets], dtype=np.uint32)
    first, second = containing_candidates(sizes, signatures, 0.6)
    pairs = set(zip(first.tolist(), second.tolist()))
    assert (0, 1) in pairs and (1, 0) not in pairs
    assert all(sizes[j] >= sizes[i] for i, j in pairs)
    assert len(pairs) < 0.01 * len(sets) ** 2
    indexed = np.ones(len(sets), dtype=np.bool_)
    indexed[1] = False  # a set left out of the index is never proposed
    first, second = containing_candidates(sizes, signatures, 0.6, indexed)
    assert 1 not in set(second.tolist())


def test_a_pair_is_kept_when_its_agreements_allow_the_threshold_and_estimated_from_them() -> None:
    small = _grams(500)
    copy = np.union1d(small[:450], _grams(50))  # 90 % of the small set
    unrelated = _grams(500)
    signatures = np.array([signature(small), signature(copy), signature(unrelated)], dtype=np.uint32)
    agreeing = agreements(signatures, (np.array([0, 0]), np.array([1, 2])))
    sizes = np.array([500.0, 500.0])
    assert may_contain(agreeing, sizes, sizes, 0.8).tolist() == [True, False]
    estimate = estimated_containment(agreeing, sizes, sizes)
    assert 0.75 < estimate[0] <= 1.0 and estimate[1] < 0.2
