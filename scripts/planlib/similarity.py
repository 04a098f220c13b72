"""How much of one plan's text another repeats: character shingles and containment."""

from __future__ import annotations

import re

SHINGLE = 5
_TEXT_RE = re.compile(r"[\w\u3400-\u9fff]")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of `size`-character runs of the text's letters and characters (no punctuation)."""
    chars = "".join(_TEXT_RE.findall(text))
    return {chars[i:i + size] for i in range(max(0, len(chars) - size + 1))}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one (1.0: one text repeats the other)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


NEAR_DUPLICATE = 0.8  # share of the smaller plan's text found in the other
_PERMUTATIONS = 128


def near_duplicates(texts: dict[str, str], threshold: float = NEAR_DUPLICATE) -> list[tuple[str, str, float]]:
    """Pairs (a, b, containment) of texts of which one repeats the other, a < b.

    MinHash LSH Ensemble (datasketch) proposes, for each text, the texts that
    contain most of it, without comparing every pair; the exact shingle
    containment of each candidate decides.
    """
    from datasketch import MinHash, MinHashLSHEnsemble

    shingled = {key: grams for key, text in texts.items() if (grams := shingles(text))}
    signatures = {}
    for key, grams in shingled.items():
        signature = MinHash(num_perm=_PERMUTATIONS, seed=1)
        signature.update_batch([gram.encode("utf-8") for gram in grams])
        signatures[key] = signature
    if len(signatures) < 2:
        return []
    ensemble = MinHashLSHEnsemble(threshold=threshold, num_perm=_PERMUTATIONS, num_part=16)
    ensemble.index((key, signatures[key], len(shingled[key])) for key in sorted(signatures))
    found: dict[tuple[str, str], float] = {}
    for key in sorted(signatures):
        for other in ensemble.query(signatures[key], len(shingled[key])):
            if other == key:
                continue
            score = containment(shingled[key], shingled[other])
            if score >= threshold:
                found[(min(key, other), max(key, other))] = score
    return sorted((a, b, score) for (a, b), score in found.items())
