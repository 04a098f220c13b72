"""The controlled vocabulary of plans (plans/taxonomy.yml) as typed objects."""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planlib.problems import Problem, ProblemError
from planlib.yamlsafe import YamlDocument, read_yaml_file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Strict):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Keyworded(Label):
    keywords: dict[str, float] = Field(default_factory=dict)


class Sector(Label):
    default_section: str
    school_year: bool = False  # its plans run from the start of the school year (with a school term)


class Institution(Keyworded):
    sector: str
    fallback: bool = False
    units: list[str] = Field(default_factory=list)  # how a unit of this kind ends its name (中心小学, 卫生院)
    default_section: str | None = None  # the 科室 of its plans that name none (else the sector's)


class Section(Keyworded):
    sectors: list[str] = Field(min_length=1)


class Term(Keyworded):
    months: list[int] = Field(default_factory=list)
    title: str = ""  # the word for the term in a plan's title
    template: list[str] = Field(default_factory=list)  # month headings of a new plan's schedule
    school_term: bool = False

    @field_validator("months")
    @classmethod
    def _months_in_range(cls, months: list[int]) -> list[int]:
        if any(not 1 <= m <= 12 for m in months):
            raise ValueError("months must be between 1 and 12")
        return months


class Tag(Keyworded):
    min_weight: float = 1.0


class YearRange(_Strict):
    min: int
    max: int


class SchoolYear(_Strict):
    starts: int = Field(ge=1, le=12)  # the month the school year begins
    week_one: dict[str, tuple[int, int]]  # term → (month, day) in the first week of that term


class Facets(_Strict):
    """Further vocabularies that facets (facets.py) browse by, beyond the groups above."""

    names: dict[str, Label] = Field(default_factory=dict)  # facet → its name (学段 / School stage)
    groups: dict[str, dict[str, Label]] = Field(default_factory=dict)
    # facet → institution → value: a facet read off the institution (e.g. 学段 of a school)
    by_institution: dict[str, dict[str, str]] = Field(default_factory=dict)


class Taxonomy(_Strict):
    years: YearRange
    school_year: SchoolYear
    sectors: dict[str, Sector]
    institutions: dict[str, Institution]
    sections: dict[str, Section]
    terms: dict[str, Term]
    part_kinds: dict[str, Keyworded]
    tags: dict[str, Tag]
    activities: dict[str, Keyworded] = Field(default_factory=dict)
    facets: Facets = Field(default_factory=Facets)
    # sets of words readers use for the same thing (导师制, 师徒结对); how search uses them: search.terms
    synonyms: list[list[str]] = Field(default_factory=list)

    def group(self, name: str) -> dict:
        """A vocabulary by name: sectors, sections, … or one of facets.groups."""
        return self._vocabularies.get(name, {})

    @cached_property
    def _vocabularies(self) -> dict[str, dict]:
        """Every vocabulary by name; a field of its own comes before facets.groups, and is {} if not a table
        (labels are looked up hundreds of thousands of times in a build)."""
        named = dict(self.facets.groups)
        for name in type(self).model_fields:
            value = getattr(self, name)
            named[name] = value if isinstance(value, dict) else {}
        return named

    def label(self, group: str, key: str, lang: str = "zh") -> str:
        """The zh or en label of `key` in `group` (sectors, sections, ...)."""
        entry = self.group(group).get(key)
        return entry.get(lang) if isinstance(entry, Label) else key

    def follows_school_year(self, sector: str, term: str) -> bool:
        """Whether a plan of this sector and term runs from the start of the school year (else January)."""
        entry, kind = self.sectors.get(sector), self.terms.get(term)
        return entry is not None and kind is not None and entry.school_year and kind.school_term

    def week_one(self, month: int) -> tuple[int, int]:
        """(month, day) in the first week of the school term whose months hold `month`."""
        for term, day in self.school_year.week_one.items():
            entry = self.terms.get(term)
            if entry is not None and month in entry.months:
                return day
        return next(iter(self.school_year.week_one.values()))

    def activity_kinds(self, text: str) -> list[str]:
        """The activity kinds whose keywords an item's text has, strongest first."""
        scores = {key: sum(weight for word, weight in entry.keywords.items() if word in text)
                  for key, entry in self.activities.items()}
        return sorted((k for k, s in scores.items() if s >= 2), key=lambda k: (-scores[k], k))

    @cached_property
    def _kind_rules(self) -> list[tuple[str, str, float]]:
        rules = [(word, kind, weight) for kind, entry in self.part_kinds.items()
                 for word, weight in entry.keywords.items()]
        return sorted(rules, key=lambda rule: -len(rule[0]))

    def part_kind(self, title: str) -> str:
        """The part kind a `##` heading title maps to (`other` if none)."""
        return self.part_kind_scored(title)[0]

    def part_kind_scored(self, title: str) -> tuple[str, float]:
        """The part kind of a heading title and how strongly its keywords say so."""
        scores: dict[str, float] = {}
        for word, kind, weight in self._kind_rules:
            if word in title:
                scores[kind] = scores.get(kind, 0.0) + weight
        if not scores:
            return "other", 0.0
        order = list(self.part_kinds)
        return max(scores.items(), key=lambda item: (item[1], -order.index(item[0])))


def _cross_problems(tax: Taxonomy, path: str, document: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []
    for key, inst in tax.institutions.items():
        if inst.sector not in tax.sectors:
            problems.append(Problem(path, document.line_of("institutions", key, "sector"), f"institution '{key}' names unknown sector '{inst.sector}'",
                                    f"use one of: {', '.join(tax.sectors)}"))
    for key, section in tax.sections.items():
        for sector in section.sectors:
            if sector not in tax.sectors:
                problems.append(Problem(path, document.line_of("sections", key, "sectors"), f"section '{key}' names unknown sector '{sector}'",
                                        f"use one of: {', '.join(tax.sectors)}"))
    for key, inst in tax.institutions.items():
        if inst.default_section is not None and inst.default_section not in tax.sections:
            problems.append(Problem(path, document.line_of("institutions", key, "default_section"),
                                    f"institution '{key}' names unknown default_section '{inst.default_section}'",
                                    "use a key of sections"))
    for key, sector_entry in tax.sectors.items():
        if sector_entry.default_section not in tax.sections:
            problems.append(Problem(path, document.line_of("sectors", key, "default_section"),
                                    f"sector '{key}' names unknown default_section '{sector_entry.default_section}'",
                                    "use a key of sections"))
    for term in tax.school_year.week_one:
        if term not in tax.terms:
            problems.append(Problem(path, document.line_of("school_year", "week_one", term),
                                    f"school_year names unknown term '{term}'", f"use one of: {', '.join(tax.terms)}"))
    for facet, values in tax.facets.by_institution.items():
        for institution in values:
            if institution not in tax.institutions:
                problems.append(Problem(path, document.line_of("facets", "by_institution", facet, institution),
                                        f"facets.by_institution.{facet} names unknown institution '{institution}'",
                                        f"use one of: {', '.join(tax.institutions)}"))
    problems += _synonym_problems(tax, path, document)
    for key in tax.part_kinds:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            problems.append(Problem(path, document.line_of("part_kinds", key), f"part kind key '{key}' is not a plain word",
                                    "use lower-case letters, digits and _ (search lists a plan's kinds of part by key)"))
    for required in ("schedule", "other"):
        if required not in tax.part_kinds:
            problems.append(Problem(path, document.line_of("part_kinds"), f"part kind '{required}' is missing",
                                    "the site needs it; add it under part_kinds"))
    return problems


def _synonym_problems(tax: Taxonomy, path: str, document: YamlDocument) -> list[Problem]:
    """A synonym set is two words or more, each of two characters or more, each word in one set only."""
    problems: list[Problem] = []
    first: dict[str, int] = {}  # word → the set it was first seen in
    for index, words in enumerate(tax.synonyms):
        line = document.line_of("synonyms", str(index))
        if len(set(words)) < 2:
            problems.append(Problem(path, line, f"synonym set {words} has fewer than two different words",
                                    "list every word readers use for the thing, or remove the set"))
        for word in words:
            if len(word.strip()) < 2 or word != word.strip():
                problems.append(Problem(path, line, f"synonym '{word}' is not a word of two characters or more",
                                        "write the word without spaces; single characters match too much"))
            elif first.setdefault(word, index) != index:
                problems.append(Problem(path, line, f"synonym '{word}' is in two sets",
                                        f"merge this set with the one on line {document.line_of('synonyms', str(first[word]))}"))
    return problems


_LOADED: dict[bytes, Taxonomy] = {}  # by the file's digest: the taxonomies read in this process
_KEPT = 8


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return None


def load_taxonomy(path: Path, shown: str | None = None) -> Taxonomy:
    """Read and validate the taxonomy file; raise ProblemError with every problem.

    A file whose bytes were read before in this process gives the same taxonomy (it is frozen) without being
    parsed again: `mkdocs serve` loads it on every rebuild, the tests thousands of times.
    """
    digest = _digest(path)
    if digest is not None and digest in _LOADED:
        return _LOADED[digest]
    taxonomy = _read_taxonomy(path, shown or path.as_posix())
    if digest is not None and _digest(path) == digest:  # the file did not change while it was read
        if len(_LOADED) >= _KEPT:
            _LOADED.clear()
        _LOADED[digest] = taxonomy
    return taxonomy


def _read_taxonomy(path: Path, shown: str) -> Taxonomy:
    document, problems = read_yaml_file(path, shown, "taxonomy",
                                        "restore plans/taxonomy.yml; run planlib from the repository, or pass --root")
    if document is None:
        raise ProblemError(problems)
    try:
        taxonomy = Taxonomy.model_validate(document.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = [str(part) for part in item["loc"]]
            line = document.line_of(*loc)
            where = ".".join(loc)
            if item["type"] == "missing":
                problems.append(Problem(shown, line, f"'{where}' is missing",
                                        f"add {loc[-1]}: to this entry"))
            else:
                problems.append(Problem(shown, line, f"'{where}': {item['msg']}",
                                        "see the comments at the top of the taxonomy"))
        raise ProblemError(problems) from None
    cross = _cross_problems(taxonomy, shown, document)
    if cross:
        raise ProblemError(cross)
    return taxonomy
