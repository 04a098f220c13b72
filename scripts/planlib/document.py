"""A plan body as one document tree: parts, headings, paragraphs, list items and schedule months.

The body is parsed once, with markdown-it-py (CommonMark, plus tables and
the `{{placeholder}}` syntax of plans), and everything the site and the
commands say about a plan is read from this tree: the parts and schedule
of `planlib export`, calendar events and .ics files, Word files, galleries,
anchors, the checker's findings. The HTML of the plan page and of the
galleries is rendered from the same tokens, so no part of the site can
disagree with the page a reader sees. This is the only module that reads
Markdown syntax (and the one that writes it: `escape_text`).

Why markdown-it-py rather than Python-Markdown, which renders the rest of
the site: it keeps the source line of every block (the checker points at
lines), follows a specification (CommonMark) instead of a dialect, parses
2.5 times faster, and its renderer is configured here to let a plan set no
attribute at all (no raw HTML, no attribute lists, no classes from code
fences; links only to safe schemes).

The documented form (docs/contributing.md):

    ## 一、指导思想
    paragraphs and lists ...

    ## 四、工作安排          <- a part whose ### headings are month names
    ### 九月份                <- the month as written: 九月 / 9月 / 元月 / 第一季度
    - 1、做好迎新工作；       <- one list item per activity, numbering as written
    - 2、检查班级环境创设。

Parsing never fails: what does not fit the form is a `Problem` on its line.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from planlib import limits
from planlib.anchors import PERMALINK, PERMALINK_TITLE, Anchors, schedule_anchor
from planlib.months import parse_month_label
from planlib import placeholders
from planlib.placeholders import placeholder_kind
from planlib.problems import Problem

MONTH_CLASS = "plan-month"  # a schedule month's heading on the plan page
MAX_NESTING = 20  # lists and quotes deeper than this are not parsed further (markdown-it's own guard)
PLACEHOLDER_RE = re.compile(r"\{\{([^{}\n]{1,20})\}\}")
UNCLOSED_PLACEHOLDER_RE = re.compile(r"\{\{(?![^{}\n]{1,20}\}\})")


# -- the parser ----------------------------------------------------------------------

def _placeholder_rule(state: StateInline, silent: bool) -> bool:
    """`{{20xx}}`, `{{xx}}市`, `{{**}}`: a placeholder the reader can fill in (docs/contributing.md)."""
    if not state.src.startswith("{{", state.pos):
        return False
    match = PLACEHOLDER_RE.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("placeholder", "span", 0)
        token.content = match.group(1)
        token.meta = {"kind": placeholder_kind(match.group(1), state.src[match.end():match.end() + 6],
                                               state.src[max(0, match.start() - 16):match.start()])}
    state.pos = match.end()
    return True


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING, "xhtmlOut": False})
    parser.enable("table")
    parser.disable(["html_block", "html_inline"])  # with html off they only look at each line and decline
    parser.inline.ruler.before("escape", "placeholder", _placeholder_rule)
    return parser


PARSER = _parser()


# -- limits, tested before the parser meets a body -----------------------------------

_LIST_MARKERS_RE = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE)
_RULES_RE = re.compile(r"^[ \t]*(?:[*_][ \t]*){3,}$", re.MULTILINE)
_DEEP_INDENT_RE = re.compile(r"^[ \t]{9,}", re.MULTILINE)  # 9 tabs or 33 spaces at least: the lines to measure
_DEEP_QUOTE_RE = re.compile(rf"^[ \t]*(?:>[ \t]?){{{limits.MAX_QUOTE_DEPTH + 1},}}", re.MULTILINE)
_BLOCK_RE = re.compile(r"(?:^[ \t]*\S.*(?:\n|$))+", re.MULTILINE)  # lines with text, no blank line between


def body_excess(body: str, first_line: int = 1, path: str = "") -> list[Problem]:
    """Markdown over the limits (planlib.limits), found before the parser meets it; lines are file lines.

    Markdown that would nest too deeply or make a parser scan too far. Each
    limit is reported once, where it is first passed. Every test is a regular
    expression or a count over the whole text: linear, and fast.
    """
    found: list[Problem] = []

    def at(offset: int, message: str, hint: str) -> None:
        found.append(Problem(path, first_line + body.count("\n", 0, offset), message, hint))

    for match in _DEEP_INDENT_RE.finditer(body):
        columns = match.group(0).count(" ") + 4 * match.group(0).count("\t")
        if columns > limits.MAX_INDENT:
            at(match.start(), f"line is indented {columns} columns (at most {limits.MAX_INDENT})",
               "lists nest two or three levels; start the line further left")
            break
    quotes = _DEEP_QUOTE_RE.search(body)
    if quotes:
        at(quotes.start(), f"over {limits.MAX_QUOTE_DEPTH} quote markers '>' at the start of a line",
           "plans rarely quote: remove the > at the start of the line")
    if body.count("[") > limits.MAX_BRACKETS:
        position = -1
        for _ in range(limits.MAX_BRACKETS + 1):
            position = body.index("[", position + 1)
        at(position, f"over {limits.MAX_BRACKETS} '[' in the plan", "write 【】 for brackets in text; keep links to a few")
    long_block = many_marks = None
    for block in _BLOCK_RE.finditer(body):
        text = block.group(0)
        if long_block is None and len(text) > limits.MAX_BLOCK_CHARS:
            long_block = block.start()
        if many_marks is None and text.count("*") + text.count("_") > limits.MAX_EMPHASIS_MARKS:
            plain = PLACEHOLDER_RE.sub("", _RULES_RE.sub("", _LIST_MARKERS_RE.sub("", text)))
            if plain.count("*") + plain.count("_") > limits.MAX_EMPHASIS_MARKS:
                many_marks = block.start()
    if long_block is not None:
        at(long_block, f"paragraph or list is too long (over {limits.MAX_BLOCK_CHARS:,} characters without a blank line)",
           "separate paragraphs with blank lines")
    if many_marks is not None:
        at(many_marks, f"over {limits.MAX_EMPHASIS_MARKS} emphasis marks (* and _) in one paragraph or list",
           "write the text plainly, without * and _")
    return sorted(found)


# -- the tree ------------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One block of a plan body, with the file line it starts on.

    kind: heading | paragraph | item | table | code | rule. `level` is a heading's
    level (2-6) or an item's list depth (0 for a top-level item).
    """

    kind: str
    line: int
    text: str  # plain text: no markup, escapes resolved, placeholders without braces
    level: int = 0
    ordered: bool = False  # an item of a numbered list


@dataclass
class ScheduleMonth:
    """A month (or quarter) heading of the schedule and the activities under it.

    An activity is a list item of the month's list; the items of a list nested in it are lines of its text.
    """

    label: str  # as written, without trailing punctuation
    months: tuple[int, ...]
    line: int
    anchor: str  # the heading's id on the plan page
    items: list[Block] = field(default_factory=list)

    @property
    def month(self) -> int:
        """The (first) month, 1-12."""
        return self.months[0]

    @property
    def texts(self) -> list[str]:
        """The activities, as written."""
        return [item.text for item in self.items]


@dataclass
class Part:
    """A `##` part of the plan: its title, kind, blocks and, for the schedule, its months."""

    title: str
    kind: str
    line: int
    anchor: str  # the heading's id on the plan page
    blocks: list[Block] = field(default_factory=list)
    months: list[ScheduleMonth] = field(default_factory=list)
    lines: tuple[int, int] = (0, 0)  # body lines (0-based, end excluded) after the heading
    tokens: list[Token] = field(default_factory=list, repr=False, compare=False)  # the part's body, its heading excluded

    @cached_property
    def html(self) -> str:
        """The part's text as a gallery shows it: subheadings as bold lines (rendered when first asked for)."""
        return _GalleryRenderer().render(self.tokens, PARSER.options, {})

    @cached_property
    def text(self) -> str:
        """The part's plain text, one line per block (its own title excluded)."""
        return "\n".join(block.text for block in self.blocks if block.text)

    @cached_property
    def chars(self) -> int:
        """Characters of the part's text, whitespace not counted."""
        return len("".join(self.text.split()))


@dataclass(frozen=True)
class Heading:
    """A heading of the plan page, for its table of contents."""

    level: int
    text: str
    anchor: str


@dataclass
class Document:
    """A parsed plan body."""

    parts: list[Part]
    problems: list[Problem]
    tokens: list[Token] = field(repr=False, compare=False)
    headings: list[Heading]
    prose_lines: frozenset[int]  # file lines holding running text (not month headings, code or tables)

    @cached_property
    def html(self) -> str:
        """The body as the plan page shows it (rendered when first asked for: `check` never asks)."""
        return _PageRenderer().render(self.tokens, PARSER.options, {})

    @property
    def schedule(self) -> list[ScheduleMonth]:
        return [month for part in self.parts for month in part.months]

    @property
    def text(self) -> str:
        """The whole plan as plain text (its parts' text, in order)."""
        return "\n".join(part.text for part in self.parts)


# -- plain text of inline content ----------------------------------------------------

def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def inline_text(children: Sequence[Token] | None) -> str:
    """The text a reader sees of inline tokens; a line break inside Chinese text joins the lines."""
    out: list[str] = []
    for index, token in enumerate(children or ()):
        if token.type in ("text", "code_inline", "placeholder", "html_inline"):
            out.append(token.content)
        elif token.type == "image":
            out.append(inline_text(token.children))
        elif token.type == "hardbreak":
            out.append("\n")
        elif token.type == "softbreak":
            before = out[-1][-1:] if out and out[-1] else ""
            following = children[index + 1].content[:1] if children and index + 1 < len(children) else ""
            out.append("" if (before and _is_wide(before)) or (following and _is_wide(following)) else " ")
    return "".join(out)


# -- walking the tokens --------------------------------------------------------------

@dataclass
class _Walk:
    first_line: int
    blocks: list[Block | None] = field(default_factory=list)
    block_tokens: list[int] = field(default_factory=list)  # token index where each block starts
    nested_headings: list[int] = field(default_factory=list)
    unclosed_fence: int | None = None
    prose: set[int] = field(default_factory=set)


def _line(token: Token, first_line: int) -> int:
    return first_line + (token.map[0] if token.map else 0)


def _walk(tokens: list[Token], lines: list[str], first_line: int) -> _Walk:
    """The blocks of a token stream, in document order (iteratively: nesting costs no recursion).

    A list item is one block: its text is all the text in it but that of the
    lists nested in it, whose items are blocks of their own. Text of an item
    that follows a list nested in it is a block of its own too, one level
    deeper, so that blocks stay in the order the page shows them.
    """
    walk = _Walk(first_line)
    containers: list[tuple[str, int, bool]] = []  # open lists, items and quotes: (type, block index, ordered)
    item_texts: dict[int, list[str]] = {}
    after_nested_list: set[int] = set()  # items in which a nested list has already ended

    def owner() -> int | None:
        """The block index of the item the current content belongs to, if inside one."""
        for kind, at, _ in reversed(containers):
            if kind == "item":
                return at
            if kind == "list":
                return None
        return None

    def add(block: Block, start: int) -> None:
        item = owner()
        if item is None:
            walk.blocks.append(block)
            walk.block_tokens.append(start)
        elif item in after_nested_list and block.text:
            depth = sum(1 for entry in containers if entry[0] == "list")
            walk.blocks.append(Block("item", block.line, block.text, depth))
            walk.block_tokens.append(start)
        elif block.text:
            item_texts[item].append(block.text)

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            containers.append(("list", -1, kind == "ordered_list_open"))
        elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"):
            if kind == "list_item_close":
                _, at, ordered = containers[-1]
                depth = sum(1 for entry in containers if entry[0] == "list") - 1
                walk.blocks[at] = Block("item", _line(tokens[walk.block_tokens[at]], first_line),
                                        "\n".join(item_texts.pop(at)), depth, ordered)
                after_nested_list.discard(at)
            containers.pop()
            if kind.endswith("_list_close") and containers and containers[-1][0] == "item":
                after_nested_list.add(containers[-1][1])
        elif kind == "blockquote_open":
            containers.append(("quote", -1, False))
        elif kind == "list_item_open":
            ordered = containers[-1][2] if containers else False
            containers.append(("item", len(walk.blocks), ordered))
            item_texts[len(walk.blocks)] = []
            walk.blocks.append(None)
            walk.block_tokens.append(index)
        elif kind == "heading_open":
            text = inline_text(tokens[index + 1].children).strip()
            if containers:
                walk.nested_headings.append(_line(token, first_line))
            add(Block("heading", _line(token, first_line), text, int(token.tag[1])), index)
            walk.prose.update(_lines_of(tokens[index + 1], first_line))
            index += 3
            continue
        elif kind == "paragraph_open":
            inline = tokens[index + 1]
            walk.prose.update(_lines_of(inline, first_line))
            add(Block("paragraph", _line(token, first_line), inline_text(inline.children)), index)
            index += 3
            continue
        elif kind == "table_open":
            end = index
            rows: list[list[str]] = [[]]
            while tokens[end].type != "table_close":
                if tokens[end].type == "tr_close":
                    rows.append([])
                elif tokens[end].type == "inline":
                    rows[-1].append(inline_text(tokens[end].children))
                end += 1
            text = "\n".join(" ".join(row) for row in rows if row)
            add(Block("table", _line(token, first_line), text), index)
            index = end + 1
            continue
        elif kind in ("fence", "code_block"):
            add(Block("code", _line(token, first_line), token.content.rstrip("\n")), index)
            if kind == "fence" and token.map and not _closes(lines, token):
                walk.unclosed_fence = first_line + token.map[0]
        elif kind == "hr":
            add(Block("rule", _line(token, first_line), ""), index)
        index += 1
    return walk


def _lines_of(token: Token, first_line: int) -> range:
    if not token.map:
        return range(0)
    return range(first_line + token.map[0], first_line + token.map[1])


def _closes(lines: list[str], fence: Token) -> bool:
    """Whether a fenced code block ends with its closing fence (else it runs to the end of the body)."""
    assert fence.map is not None
    last = fence.map[1] - 1
    if last <= fence.map[0] or last >= len(lines):
        return False
    closing = lines[last].strip()
    return closing.startswith(fence.markup) and not closing.strip(fence.markup[0])


# -- parts and the schedule ----------------------------------------------------------

def _month_heading(block: Block) -> bool:
    """A `###` heading that names a month, also an impossible one (十三月)."""
    if block.kind != "heading" or block.level != 3:
        return False
    label, why = parse_month_label(block.text)
    return label is not None or bool(why)


def _schedule(part: Part, problems: list[Problem], path: str, last_part: bool) -> None:
    """Read the months of a schedule part from its blocks."""
    current: ScheduleMonth | None = None
    for block in part.blocks:
        if block.kind == "heading" and block.level == 3:
            label, why = parse_month_label(block.text)
            if label is None:
                if why:
                    problems.append(Problem(path, block.line, f"'### {block.text}': {why}",
                                            "months are 1-12: write 九月, 9月 or 元月"))
                else:
                    problems.append(Problem(path, block.line, f"'### {block.text}' in the schedule is not a month name",
                                            "write the month as ### 九月 or ### 9月, or move this text to another part"))
                current = None
                continue
            current = ScheduleMonth(label.label, label.months, block.line, "")
            part.months.append(current)
        elif block.kind == "item" and current is not None:
            if block.level > 0 and current.items:
                # a sub-item is part of the activity above it: its text is one more line of that item
                if block.text.strip():
                    above = current.items[-1]
                    current.items[-1] = replace(above, text=f"{above.text}\n{block.text}")
                continue
            if not block.text.strip():
                problems.append(Problem(path, block.line, f"empty item in month '{current.label}'",
                                        "write the activity after '- ' or delete the line"))
                continue
            current.items.append(block)
    for month in part.months:
        if not month.items:
            # the plan's last month with nothing after it: its source page was cut there
            cut = last_part and month is part.months[-1]
            problems.append(Problem(path, month.line, f"month '{month.label}' has no items",
                                    "list its activities as '- 1、…' lines below the heading"
                                    + ("; an imported plan cut short here may keep it" if cut else ""),
                                    "warning" if cut else "error"))


def parse(markdown: str, first_line: int, kind_of: Callable[[str], str], path: str = "") -> Document:
    """The document tree of a plan body; `first_line` is the file line of the body's first line.

    `kind_of(title)` maps a `##` heading title to a part kind; `path` names the
    file in the problems found.
    """
    lines = markdown.split("\n")
    tokens = PARSER.parse(markdown)
    walk = _walk(tokens, lines, first_line)
    blocks = [block for block in walk.blocks if block is not None]
    starts = [start for block, start in zip(walk.blocks, walk.block_tokens) if block is not None]
    problems: list[Problem] = []
    for line in walk.nested_headings:
        problems.append(Problem(path, line, "a heading inside a list or quote",
                                "start headings at the beginning of a line, outside lists"))
    parts: list[Part] = []
    part_starts: list[int] = []  # token index of each part's heading
    preamble_reported = False
    preamble_text: Block | None = None
    for block, start in zip(blocks, starts):
        if block.kind == "heading" and block.level == 1:
            problems.append(Problem(path, block.line, "a '#' heading in the body",
                                    "the title belongs in the front matter; use '##' for the plan's parts"))
            continue
        if block.kind == "heading" and block.level == 2 and block.line not in walk.nested_headings:
            if not block.text:
                problems.append(Problem(path, block.line, "'##' heading without text",
                                        "write the part's title after '## '"))
            heading_map = tokens[start].map or [0, 1]
            parts.append(Part(block.text, "other", block.line, "", lines=(heading_map[1], len(lines))))
            if len(parts) > 1:
                previous = parts[-2]
                previous.lines = (previous.lines[0], heading_map[0])
            part_starts.append(start)
            continue
        if parts:
            parts[-1].blocks.append(block)
        elif block.kind == "heading" and not preamble_reported:
            problems.append(Problem(path, block.line, f"'{'#' * block.level}' heading before the first '##' part",
                                    "start the plan with a '## ' part heading"))
            preamble_reported = True
        elif block.text.strip() and preamble_text is None:
            preamble_text = block
    if preamble_text is not None and parts and not preamble_reported:  # (no parts at all is reported by the caller)
        problems.append(Problem(path, preamble_text.line, "text before the first '##' part",
                                "give it a part heading, e.g. '## 一、指导思想', or delete it"))
    if walk.unclosed_fence is not None:
        problems.append(Problem(path, walk.unclosed_fence, "code fence (```) is never closed",
                                "plans do not need code blocks; remove the ``` line"))
    for part in parts:
        # a part is the schedule when it has month headings; one only named like a schedule is an ordinary part
        if any(_month_heading(block) for block in part.blocks):
            part.kind = "schedule"
            _schedule(part, problems, path, last_part=part is parts[-1])
        else:
            kind = kind_of(part.title)
            part.kind = "other" if kind == "schedule" else kind
    headings = _anchor(tokens, blocks, starts, parts)
    month_lines = {month.line for part in parts for month in part.months}
    prose = frozenset(walk.prose - month_lines)
    for number, (part, start) in enumerate(zip(parts, part_starts)):
        end = part_starts[number + 1] if number + 1 < len(part_starts) else len(tokens)
        part.tokens = tokens[start + 3:end]
    return Document(parts, problems, tokens, headings, prose)


def _anchor(tokens: list[Token], blocks: list[Block], starts: list[int], parts: list[Part]) -> list[Heading]:
    """Give every heading its id on the page: months their fixed anchors, the others slugs."""
    anchors = Anchors()
    month_anchors: dict[int, str] = {}
    for index, month in enumerate(month for part in parts for month in part.months):
        month.anchor = anchors.reserve(schedule_anchor(index))
        month_anchors[month.line] = month.anchor
    part_by_line = {part.line: part for part in parts}
    headings = []
    for block, start in zip(blocks, starts):
        if block.kind != "heading":
            continue
        anchor = month_anchors.get(block.line) or anchors.heading(block.text)
        tokens[start].attrSet("id", anchor)
        if block.line in month_anchors:
            tokens[start].attrSet("class", MONTH_CLASS)  # what the reader tools look for (no plan can set a class)
        headings.append(Heading(block.level, block.text, anchor))
        if block.line in part_by_line and block.level == 2:
            part_by_line[block.line].anchor = anchor
    return headings


# -- rendering -----------------------------------------------------------------------

class _PageRenderer(RendererHTML):
    """HTML of a plan body: ids and permalinks on headings, placeholders as spans, no attributes from the plan."""

    def heading_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        anchor = tokens[idx - 2].attrGet("id")
        link = (f'<a class="headerlink" href="#{html.escape(str(anchor))}" title="{PERMALINK_TITLE}">{PERMALINK}</a>'
                if anchor else "")
        return f"{link}</{tokens[idx].tag}>\n"

    def placeholder(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        shown = html.escape(token.content, quote=True)
        return f'<span class="ph" data-ph="{token.meta["kind"]}" data-text="{shown}">{shown}</span>'

    def softbreak(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        # a line wrapped inside Chinese text joins without a space (browsers would show the newline as
        # one), as the tree's plain text joins it: the page, a copy and the export read the same
        before = tokens[idx - 1].content[-1:] if idx > 0 else ""
        after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
        return "" if (before and _is_wide(before)) or (after and _is_wide(after)) else "\n"

    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        # the info string after ``` would become a class: a plan sets none
        return f"<pre><code>{html.escape(tokens[idx].content)}</code></pre>\n"

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        # plans show no images (they would load from anywhere): the description stays as text
        return html.escape(inline_text(tokens[idx].children))


class _GalleryRenderer(_PageRenderer):
    """A part in a gallery: its subheadings as bold lines, so that a gallery page has no giant outline."""

    def heading_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "<p><strong>"

    def heading_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return "</strong></p>\n"


# -- reading and writing Markdown text -----------------------------------------------

def blocks(markdown: str) -> list[Block]:
    """Every block of a piece of Markdown, in order, headings included (lines counted from 1)."""
    walk = _walk(PARSER.parse(markdown), markdown.split("\n"), 1)
    return [block for block in walk.blocks if block is not None]


def plain_text(markdown: str) -> str:
    """Markdown to the text a reader sees, one line per block (headings included)."""
    return "\n".join(block.text for block in blocks(markdown) if block.text)


def inline_plain(markdown: str) -> str:
    """The text a reader sees of one line of Markdown inline text (a title, a cell)."""
    tokens = PARSER.parseInline(markdown)
    return inline_text(tokens[0].children if tokens else None)


_LINE_MARKER_RE = re.compile(r"^(\s*(?:>\s?)*\s*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)")


def line_marker(line: str) -> tuple[str, str]:
    """A source line cut into its Markdown marker (indent, '## ', '- ', '1. ', '> ') and its text."""
    match = _LINE_MARKER_RE.match(line)
    marker = match.group(1) if match else ""
    return marker, line[len(marker):]


def without_placeholder_braces(markdown: str) -> str:
    """Plan Markdown with {{placeholders}} written as plain text (for a download)."""
    return PLACEHOLDER_RE.sub(r"\1", markdown)


_INLINE_SPECIAL_RE = re.compile(r"([\\`*_\[\]{}]|&(?=#?[A-Za-z0-9]+;)|<(?=[A-Za-z]))")
_LINE_START_RE = re.compile(r"^(#|>|[-+*](?=\s|$)|=+\s*$|(?:-[ \t]*)+$|~~~|\d{1,9}(?=[.)]))")


def escape_inline(text: str) -> str:
    """Plain text → Markdown for use inside a line: emphasis, links, braces, entities and autolinks escaped."""
    return _INLINE_SPECIAL_RE.sub(r"\\\1", text)


def escape_text(text: str) -> str:
    """Plain text → Markdown that renders as exactly that text (a block's first line)."""
    text = escape_inline(text)
    match = _LINE_START_RE.match(text)
    if match:
        token = match.group(1)
        if token[0].isdigit():  # 1. at the start would begin an ordered list
            return token + "\\" + text[len(token):]
        return "\\" + text
    return text


def escape_marking_placeholders(text: str) -> str:
    """Like escape_text, with placeholders (20xx, xx市, **) written as {{20xx}}."""
    out = []
    for position, (piece, is_placeholder) in enumerate(placeholders.split(text)):
        if is_placeholder:
            out.append("{{" + piece + "}}")
        else:
            out.append(escape_text(piece) if position == 0 else escape_inline(piece))
    return "".join(out)
