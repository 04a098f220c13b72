"""Related plans: same section or institution, nearest by content, in linear time.

Each plan is described by the taxonomy's topic words it uses (weighted by
how rare they are in the library) and its tags. Plans of a section (and of
an institution) are sorted by their strongest words, so that plans about
the same things sit side by side; each plan is then compared only with its
neighbours in those orderings. Work grows with the number of plans, not
with its square.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from planlib.model import Plan
from planlib.taxonomy import Taxonomy

WINDOW = 12  # neighbours compared on each side, per ordering
MIN_WORD = 2
TOP_TERMS = 24  # a plan is described by its strongest words only


def _trie_pattern(words: set[str]) -> str:
    """One regex for many words, as a trie (教(?:科(?:室|研)|研室)): one test per character, not per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return pattern(trie)


def _vocabulary(tax: Taxonomy) -> re.Pattern[str]:
    words: set[str] = set()
    for group in (tax.institutions, tax.sections, tax.tags, tax.part_kinds):
        for entry in group.values():
            words.update(w for w, weight in entry.keywords.items() if len(w) >= MIN_WORD and weight > 0)
    return re.compile(_trie_pattern(words))


def _terms(plan: Plan, vocabulary: re.Pattern[str]) -> Counter[str]:
    counts = Counter(vocabulary.findall(plan.text))
    for tag in plan.meta.tags:
        counts[f"#{tag}"] += 3
    return counts


def related_plans(plans: list[Plan], tax: Taxonomy, limit: int = 5) -> dict[str, list[str]]:
    """For each plan id, up to `limit` related plan ids, most related first."""
    vocabulary = _vocabulary(tax)
    terms = {plan.id: plan.derived("related_terms", tax, lambda: _terms(plan, vocabulary)) for plan in plans}
    inputs = (tax, [(plan.id, plan.meta.section, plan.meta.institution, terms[plan.id]) for plan in plans], limit)
    if _last and _last[0][0] is tax and _last[0][1:] == inputs[1:]:  # e.g. a serve rebuild after an edit of wording
        return _last[1]
    result = _related(plans, terms, limit)
    _last[:] = [inputs, result]
    return result


# the inputs and result of the last call: the plans' ids, groups and terms are all that related_plans reads
_last: list = []


def _related(plans: list[Plan], terms: dict[str, Counter[str]], limit: int) -> dict[str, list[str]]:
    document_frequency: Counter[str] = Counter()
    for counts in terms.values():
        document_frequency.update(counts.keys())
    total = max(1, len(plans))
    idf = {term: math.log(1 + total / df) for term, df in document_frequency.items()}
    weights = {}
    for pid, counts in terms.items():
        weighted = {term: (1 + math.log(count)) * idf[term] for term, count in counts.items()}
        strongest = sorted(weighted, key=lambda term: (-weighted[term], term))[:TOP_TERMS]
        weights[pid] = {term: weighted[term] for term in strongest}
    totals = {pid: sum(w.values()) for pid, w in weights.items()}
    signature = {pid: tuple(sorted(w, key=lambda term: (-w[term], term))[:3]) for pid, w in weights.items()}
    by_id = {plan.id: plan for plan in plans}

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for plan in plans:
        groups[("section", plan.meta.section)].append(plan.id)
        groups[("institution", plan.meta.institution)].append(plan.id)
    candidates: dict[str, set[str]] = defaultdict(set)
    for members in groups.values():
        ordered = sorted(members, key=lambda pid: (signature[pid], pid))
        for position, pid in enumerate(ordered):
            window = ordered[max(0, position - WINDOW): position + WINDOW + 1]
            candidates[pid].update(other for other in window if other != pid)

    scores: dict[tuple[str, str], float] = {}  # each pair is met from both sides: scored once, the same either way

    def score(a: str, b: str) -> float:
        pair = (a, b) if a < b else (b, a)
        if pair not in scores:
            scores[pair] = _score(*pair)
        return scores[pair]

    def _score(a: str, b: str) -> float:
        wa, wb = weights[a], weights[b]
        shared = math.fsum(min(wa[k], wb[k]) for k in wa.keys() & wb.keys())  # exact: in any order
        union = totals[a] + totals[b] - shared
        similarity = shared / union if union else 0.0
        pa, pb = by_id[a].meta, by_id[b].meta
        bonus = (0.05 if pa.section == pb.section else 0) + (0.03 if pa.institution == pb.institution else 0)
        return similarity + bonus

    result: dict[str, list[str]] = {}
    for plan in plans:
        ranked = sorted(candidates[plan.id], key=lambda other: (-score(plan.id, other), other))
        result[plan.id] = ranked[:limit]
    return result
