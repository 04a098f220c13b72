"""The controlled vocabulary of plans (plans/taxonomy.yml) as typed objects."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planlib.problems import Problem, ProblemError
from planlib.yamlsafe import YamlDocument, load_yaml


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


class Institution(Keyworded):
    sector: str
    fallback: bool = False
    units: list[str] = Field(default_factory=list)  # how a unit of this kind ends its name (中心小学, 卫生院)
    default_section: str | None = None  # the 科室 of its plans that name none (else the sector's)


class Section(Keyworded):
    sectors: list[str] = Field(min_length=1)


class Term(Keyworded):
    months: list[int] = Field(default_factory=list)

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


class Taxonomy(_Strict):
    years: YearRange
    sectors: dict[str, Sector]
    institutions: dict[str, Institution]
    sections: dict[str, Section]
    terms: dict[str, Term]
    part_kinds: dict[str, Keyworded]
    tags: dict[str, Tag]
    activities: dict[str, Keyworded] = Field(default_factory=dict)

    def label(self, group: str, key: str, lang: str = "zh") -> str:
        """The zh or en label of `key` in `group` (sectors, sections, ...)."""
        entry = getattr(self, group).get(key)
        return entry.get(lang) if entry is not None else key

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
    for required in ("schedule", "other"):
        if required not in tax.part_kinds:
            problems.append(Problem(path, document.line_of("part_kinds"), f"part kind '{required}' is missing",
                                    "the site needs it; add it under part_kinds"))
    return problems


def load_taxonomy(path: Path, shown: str | None = None) -> Taxonomy:
    """Read and validate the taxonomy file; raise ProblemError with every problem."""
    shown = shown or path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemError([Problem(shown, 0, "taxonomy file not found",
                                    "run planlib from the repository, or pass --root")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemError([Problem(shown, 1, f"taxonomy cannot be read: {error}",
                                    "save it as UTF-8 text")]) from None
    document, issues = load_yaml(text)
    if issues or document is None:
        raise ProblemError([Problem(shown, i.line, i.message, i.hint) for i in issues]
                           or [Problem(shown, 1, "taxonomy is empty", "restore plans/taxonomy.yml")])
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
