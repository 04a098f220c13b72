"""The hostile-input suite: every case, how it is made, and what must happen to it.

Five kinds of case, each run by the tests of the module it attacks:

- PLAN_CASES: plan files (kept in tests/fixtures/hostile/, or made here when
  too big, binary or repetitive to keep). `planlib check` must refuse each
  with a clear `file:line` line naming the problem (or may accept the odd
  but harmless ones); a build of a library holding all of them must publish
  exactly the plans check accepts, naming each one it leaves out; and a
  build that let every plan through the checker (the second line of
  defence) must publish the plans marked `built`, inert
  (tests/test_hostile.py; tests/browser/test_hostile_pages.py opens every page).
- TREE_CASES: files under plans/ that are not plans (tests/test_plantree.py).
- NEW_CASES: answers to `planlib new` (tests/test_new.py).
- IMPORT_CASES: `planlib import` under bad conditions (tests/test_import_io.py).
- OUTPUT_CASES: input that tries to forge problem output (tests/test_problems.py).

Whatever the case: no traceback, no crash, no hang, no script run, no plan lost.
`REPRODUCERS` lists the cases that reproduce the report the suite began with;
SECURITY.md states the number of cases, which tests/test_hostile.py keeps true.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
BODY = "## 一、指导思想\n\n以课题研究为载体，提高教育质量。\n\n## 二、工作目标\n\n完成课题。\n"
SCHEDULE = "\n## 三、月度安排\n\n### 九月\n\n- 1、制定计划。\n\n### 十月\n\n- 1、开展听课活动。\n"
FIELDS = {"title": "测试计划", "sector": "education", "institution": "primary", "section": "教科室", "year": "2023",
          "term": "autumn"}


def plan_text(body: str = BODY, extra: str = "", **fields: str) -> str:
    """A plan file; fields are YAML as written (so escapes can be given), extra is more front matter."""
    values = {**FIELDS, **fields}
    front = "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)
    return f"---\n{front}{extra}---\n\n{body}"


@dataclass(frozen=True)
class PlanCase:
    """One plan file and what must happen to it."""

    name: str  # the file's name without .md: its id when it is a slug
    data: bytes | None  # None: the file of that name in tests/fixtures/hostile/
    refused: str | None  # part of the message check must give (exit 1); None: check may accept it
    built: bool  # True: a build that let every plan through the checker publishes it, inert; False: no build
    # can (the file gives no plan: a limit, an encoding, the front matter; or no page: its name)
    folder: str = "education"

    def content(self) -> bytes:
        if self.data is not None:
            return self.data
        return (HOSTILE / f"{self.name}.md").read_bytes()


def _case(name: str, text: str | bytes, refused: str | None, built: bool, folder: str = "education") -> PlanCase:
    return PlanCase(name, text.encode("utf-8") if isinstance(text, str) else text, refused, built, folder)


def _kept(name: str, refused: str | None, built: bool, folder: str = "education") -> PlanCase:
    return PlanCase(name, None, refused, built, folder)


# -- the files kept in tests/fixtures/hostile/ --------------------------------------------------------------

KEPT = [
    _kept("settings-shadow", "attribute list", True),
    _kept("settings-foreign-bundle", "attribute list", True),
    _kept("theme-config-clobber", "attribute list '{#__config}'", True),
    _kept("heading-id-clobber", None, True),
    _kept("attr-list-odd-names", "attribute list '{#1x}'", True),
    _kept("attr-list-injection", "attribute list", True),
    _kept("admonition-class", "admonition '!!!'", True),
    _kept("raw-html-ids", "raw HTML <div>", True),
    _kept("fenced-code-attrs", "attribute list", True),
    _kept("declaration-pi", "raw HTML <!doctype>", True),
    _kept("script-tag", "raw HTML <script>", True),
    _kept("script-tag-inline", "raw HTML <script>", True),
    _kept("style-tag", "raw HTML <style>", True),
    _kept("iframe", "raw HTML <iframe>", True),
    _kept("object-embed", "raw HTML <object>", True),
    _kept("img-onerror", "HTML event attribute", True),
    _kept("svg-onload", "HTML event attribute", True),
    _kept("data-url-image", "HTML event attribute", True),
    _kept("md-in-html", "HTML event attribute", True),
    _kept("heading-html", "HTML event attribute", True),
    _kept("html-comment", "raw HTML <script>", True),
    _kept("raw-a-tag", "script or data URL 'javascript:'", True),
    _kept("javascript-link", "script or data URL 'javascript:'", True),
    _kept("javascript-link-encoded", "script or data URL 'javascript:'", True),
    _kept("javascript-autolink", "script or data URL 'javascript:'", True),
    _kept("vbscript-link", "script or data URL 'vbscript:'", True),
    _kept("data-url-link", "script or data URL 'data:text/html'", True),
    _kept("entity-encoded-tag", "entity-encoded HTML tag", True),
    _kept("link-title-injection", None, True),
    _kept("placeholder-injection", "raw HTML <script>", True),
    _kept("collection-injection", "raw HTML <script>", True),
    _kept("title-injection", "title must be plain text", False),
    _kept("tag-injection", "unknown tag", True),
    _kept("path-like-source", None, True),
    _kept("path-like-duplicate-of", "duplicate_of names unknown plan '../../etc/passwd'", True),
    _kept(".", "file name '..md' is not a slug", False),
    _kept("duplicate-id", "duplicate id 'duplicate-id'", True),
    _kept("duplicate-id", "duplicate id 'duplicate-id'", True, folder="health"),
    _kept("emoji", None, True),
    _kept("thousand-parts", None, True),
    _kept("long-line", "line is too long (160,000 characters", False),
    _kept("front-matter-only", "the plan has no parts", True),
    _kept("front-matter-unclosed", "front matter is not closed", False),
    _kept("month-13", "month 13 does not exist", True),
    _kept("month-zero-chinese", "month 0 does not exist", True),
    _kept("month-empty-items", "has no items", True),
    _kept("mixed-newlines", "line endings (CR)", True),
    _kept("bidi-controls", "bidirectional control U+202E", True),
    _kept("zero-width", "invisible character U+200B", True),
    _kept("control-characters", "control character U+0007", True),
    _kept("nul-bytes", "binary data (NUL bytes)", False),
    _kept("encoding-gbk", "not UTF-8 text", False),
    _kept("encoding-big5", "not UTF-8 text", False),
    _kept("encoding-utf16", "UTF-16 text", False),
    _kept("type-source-string", "'source' must be fields", False),
    _kept("type-tags-number", "tags must be a list", False),
    _kept("type-title-list", "'title' must be text", False),
    _kept("type-year-string", "year must be a number", False),
    _kept("yaml-billion-laughs", "YAML anchors (&name) are not allowed", False),
    _kept("yaml-deep-nesting", "nested more than 8 levels", False),
    _kept("yaml-huge-number", "year must be a number", False),
    _kept("yaml-malformed", "YAML syntax error", False),
    _kept("yaml-merge-key", "YAML anchors (&name) are not allowed", False),
    _kept("yaml-null-title", "'title' must be text", False),
    _kept("yaml-python-name", "YAML tag !!python/name:os.system is not allowed", False),
    _kept("yaml-python-object", "YAML tag !!python/object/apply:os.system is not allowed", False),
    _kept("yaml-tabs", "YAML syntax error", False),
]

# -- made here: limits (before libyaml and markdown-it-py) ----------------------------------------------------

LIMITS = [
    _case("yaml-flow-40000-deep", plan_text(title="[" * 40_000 + "]" * 40_000), "line is too long (80,007", False),
    _case("yaml-flow-200000-deep", plan_text(title="[" * 200_000 + "]" * 200_000), "line is too long (400,007",
          False),
    _case("yaml-flow-40000-lines", plan_text(title="\n" + "  [\n" * 40_000 + "  ]\n" * 40_000),
          "front matter is too long", False),
    _case("yaml-flow-4000-deep", plan_text(title="[" * 4_000 + "]" * 4_000), "nested more than 8", False),
    _case("yaml-flow-9-deep", plan_text(extra="x: " + "[" * 9 + "1" + "]" * 9 + "\n"), "nested more than 8", False),
    _case("yaml-mapping-9-deep", plan_text(extra="x: " + "{a: " * 9 + "1" + "}" * 9 + "\n"), "nested more than 8",
          False),
    _case("yaml-block-deep", plan_text(extra="".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "v\n"),
          "nested more than 8", False),
    _case("yaml-compact-sequences", plan_text(extra="x:\n" + "- " * 12 + "y\n"), "nested more than 8", False),
    _case("front-matter-10001", plan_text(title="长" * 9_000, extra="x: " + "长" * 1_001 + "\n"),
          "front matter is too long", False),
    _case("colon-line-990000", plan_text(body=BODY + ":" * 990_000 + "\n"), "line is too long (990,000", False),
    _case("dash-lines-495000", plan_text(body=BODY + "-\n" * 495_000), "paragraph or list is too long", False),
    _case("brackets-30000", plan_text(body=BODY + "[" * 30_000 + "\n"), "line is too long (30,000", False),
    _case("brackets-9000", plan_text(body=BODY + "[" * 9_000 + "\n"), "over 32 '['", False),
    _case("brackets-33-spread", plan_text(body=BODY + "".join(f"第{i}[条]\n\n" for i in range(33))),
          "over 32 '['", False),
    _case("links-paren-5000", plan_text(body=BODY + "[a](" * 2_000 + "\n"), "over 32 '['", False),
    _case("emphasis-2000-deep", plan_text(body=BODY + "*a\n" * 2_000 + "x\n" + "b*\n" * 2_000),
          "emphasis marks", False),
    _case("emphasis-2000-deep-line", plan_text(body=BODY + "*a " * 2_000 + "x" + " b*" * 2_000 + "\n"),
          "line is too long", False),
    _case("emphasis-run-4000", plan_text(body=BODY + "*" * 2_000 + "x" + "*" * 2_000 + "\n"), "emphasis marks",
          False),
    _case("underscore-2000-deep", plan_text(body=BODY + "_a " * 1_500 + "x" + " b_" * 1_500 + "\n"),
          "emphasis marks", False),
    _case("emphasis-across-lines", plan_text(body=BODY + "*强调\n" * 101), "emphasis marks", False),
    _case("list-400-deep", plan_text(body=BODY + "".join("    " * i + "- 项\n" for i in range(400))),
          "indented", False),
    _case("list-400-deep-2sp", plan_text(body=BODY + "".join("  " * i + "- 项\n" for i in range(400))),
          "indented", False),
    _case("tab-indent-deep", plan_text(body=BODY + "\t" * 9 + "- 项\n"), "indented 36 columns", False),
    _case("quote-2000-deep", plan_text(body=BODY + ">" * 2_000 + " 引用\n"), "quote markers", False),
    _case("quote-spaced-deep", plan_text(body=BODY + "> " * 9 + "引用\n"), "quote markers", False),
    _case("block-20001", plan_text(body=BODY + ("很长的段落。" * 100 + "\n") * 34), "paragraph or list is too long",
          False),
    _case("lt-a-20000", plan_text(body=BODY + "<a" * 4_000 + "\n"), "raw HTML <a>", True),
    _case("ten-megabytes", plan_text(body="很长的计划。" * 600_000), "file is too large (10.8 MB)", False),
    _case("random-binary", random.Random(19).randbytes(200_000), "binary data", False),
    _case("ampersands-9000", plan_text(body=BODY + "&" * 9_000 + "\n"), None, True),
    _case("backticks-9000", plan_text(body=BODY + "`" * 9_000 + "\n"), "code fence (```) is never closed", True),
    _case("limits-edge", plan_text(body=BODY + "[" * 30 + "字" * 9_000 + "\n" + "*a " * 48 + "\n\n"
                                   + " " * 32 + "缩进\n\n" + "> " * 8 + "引用\n"), None, True),
    _case("many-parts-limit", plan_text(body="".join(f"## 第{i}部分\n\n内容。\n\n" for i in range(3_000))), None,
          True),
]

# -- made here: the character policy, in every place text can be ------------------------------------------------

REFUSED_CHARACTERS = {  # name: (YAML escape, the character, what check calls it)
    "nul": ("\\0", "\x00", "control character U+0000"),
    "soh": ("\\x01", "\x01", "control character U+0001"),
    "backspace": ("\\b", "\x08", "control character U+0008"),
    "escape": ("\\e", "\x1b", "control character U+001B"),
    "carriage-return": ("\\r", "\r", "carriage return (CR)"),
    "delete": ("\\x7f", "\x7f", "control character U+007F"),
    "next-line": ("\\N", "\x85", "control character U+0085"),
    "rlo": ("\\u202e", "\u202e", "bidirectional control U+202E"),
    "lri": ("\\u2066", "\u2066", "bidirectional control U+2066"),
    "rlm": ("\\u200f", "\u200f", "bidirectional control U+200F"),
    "zero-width-space": ("\\u200b", "\u200b", "invisible character U+200B"),
    "word-joiner": ("\\u2060", "\u2060", "invisible character U+2060"),
    "soft-hyphen": ("\\u00ad", "\u00ad", "invisible character U+00AD"),
    "line-separator": ("\\L", "\u2028", "line separator U+2028"),
    "paragraph-separator": ("\\P", "\u2029", "paragraph separator U+2029"),
    "noncharacter": ("\\uffff", "\uffff", "noncharacter U+FFFF"),
}
BODY_ONLY = {"nul", "carriage-return"}  # raw in a file these are binary data and a line ending, tested as such

CHARACTERS = [
    *(_case(f"title-{name}", plan_text(title=f'"测试{escape}计划"'), said, True)
      for name, (escape, _, said) in REFUSED_CHARACTERS.items()),
    *(_case(f"body-{name}", plan_text(body=BODY + f"内容{ch}内容。\n"), said, True)
      for name, (_, ch, said) in REFUSED_CHARACTERS.items() if name not in BODY_ONLY),
    *(_case(f"section-{name}", plan_text(section=f'"教科室{escape}"'), said, True)
      for name, (escape, _, said) in list(REFUSED_CHARACTERS.items())[::3]),
    *(_case(f"tag-{name}", plan_text(extra=f'tags: ["课题研究{escape}"]\n'), said, True)
      for name, (escape, _, said) in list(REFUSED_CHARACTERS.items())[1::3]),
    *(_case(f"collection-{name}", plan_text(extra=f'source:\n  collection: "集{escape}"\n'), said, True)
      for name, (escape, _, said) in list(REFUSED_CHARACTERS.items())[2::3]),
    _case("title-raw-bidi", plan_text(title="测试\u202e划计"), "bidirectional control U+202E", True),
    _case("title-raw-cr-ics", plan_text(title="测试\rDTSTART:19700101"), "line endings (CR)", False),
    _case("title-line-break", plan_text(title='"测试\\n计划"'), "line break", False),
    _case("title-tab", plan_text(title='"测试\\t计划"'), None, True),
    _case("sector-stop-commands", plan_text(sector='"x\\n::stop-commands::pwned"'), "line break", True),
    _case("item-escape", plan_text(extra='source:\n  item: "\\e[31m篇一"\n'), "control character U+001B", True),
    _case("duplicate-of-bidi", plan_text(extra='duplicate_of: "a\\u202eb"\n'), "bidirectional control", True),
    _case("surrogate-escape", plan_text(title='"\\ud800"'), "YAML", False),
    _case("overlong-utf8", plan_text(body=BODY).encode("utf-8") + b"\xc0\xaf\n", "not UTF-8 text", False),
    _case("cesu-surrogate", plan_text(body=BODY).encode("utf-8") + b"\xed\xa0\x80\n", "not UTF-8 text", False),
    _case("utf16-be", b"\xfe\xff" + plan_text().encode("utf-16-be"), "UTF-16 text", False),
    _case("utf32", "\ufeff".encode("utf-32-le") + plan_text().encode("utf-32-le"), "not UTF-8", False),
    _case("bom-crlf", ("\ufeff" + plan_text()).replace("\n", "\r\n").encode("utf-8"), "byte-order mark", True),
    _case("empty", b"", "file is empty", False),
    _case("whitespace-only", b" \n\t\n", "file is empty", False),
    _case("fence-only", b"---\n", "front matter is not closed", False),
    _case("bom-in-body", plan_text(body=BODY + "内\ufeff容\n"), "invisible character U+FEFF", True),
    _case("ideographic-space", plan_text(body=BODY + "内容\u3000内容。\n"), None, True),
]

# -- made here: markup that could give plan text ids, classes, attributes or scripts ------------------------------

MARKUP = [
    _case(name, plan_text(body=BODY + line + "\n"), refused, True) for name, line, refused in [
        ("attr-block", "{: #__planlib .ph data-ph=year }", "attribute list"),
        ("attr-inline-em", "*强调*{#__config}", "attribute list"),
        ("attr-link", "[链接](https://example.org){#__search .plan-body}", "attribute list"),
        ("attr-no-space", "{:#__drawer}", "attribute list"),
        ("attr-key-value", "段落{ onclick=alert('PWNED') }", "attribute list"),
        ("attr-escaped-brace", "\\{#__planlib}", "attribute list"),
        ("attr-after-placeholder", "{{20xx}}年{#__planlib}", "attribute list"),
        ("attr-numeric-id", "段落 {#123}", "attribute list"),
        ("attr-data", "段落 {data-pagefind-filter=\"sector:PWNED\"}", "attribute list"),
        ("admonition-no-space", "!!!note \"PWNED\"", "admonition '!!!'"),
        ("admonition-indented", "    !!! plan-body", "admonition '!!!'"),
        ("javascript-tab-entity", "[点](jav&#x09;ascript:alert('PWNED'))", "script or data URL 'javascript:'"),
        ("javascript-tab-named", "[点](jav&Tab;ascript:alert('PWNED'))", "script or data URL 'javascript:'"),
        ("javascript-newline-entity", "[点](java&#10;script:alert('PWNED'))", "script or data URL 'javascript:'"),
        ("javascript-decimal", "[点](&#106;avascript:alert('PWNED'))", "script or data URL 'javascript:'"),
        ("javascript-mixed-case", "[点](JaVaScRiPt:alert('PWNED'))", "script or data URL 'JaVaScRiPt:'"),
        ("javascript-reference", "[点][1]\n\n[1]: javascript:alert('PWNED')", "script or data URL 'javascript:'"),
        ("javascript-image", "![图](javascript:alert('PWNED'))", "script or data URL 'javascript:'"),
        ("data-base64", "[点](data:text/html;base64,PHNjcmlwdD5hbGVydCgnUFdORUQnKTwvc2NyaXB0Pg==)",
         "script or data URL"),
        ("svg-slash-onload", "<svg/onload=alert('PWNED')>", "HTML event attribute"),
        ("details-ontoggle", "<details open ontoggle=alert('PWNED')>", "HTML event attribute"),
        ("math-tag", "<math><mi xlink:href=\"javascript:alert('PWNED')\">x</mi></math>", "script or data URL"),
        ("base-href", "<base href=\"http://127.0.0.2:9/\">", "raw HTML <base>"),
        ("meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.2:9/\">", "raw HTML <meta>"),
        ("link-import", "<link rel=\"stylesheet\" href=\"http://127.0.0.2:9/PWNED.css\">", "raw HTML <link>"),
        ("form-action", "<form action=\"http://127.0.0.2:9/\"><button>发送</button></form>", "raw HTML <form>"),
        ("input-autofocus", "<input autofocus onfocus=alert('PWNED')>", "HTML event attribute"),
        ("template-tag", "<template><script>alert('PWNED')</script></template>", "raw HTML <script>"),
        ("noscript-tag", "<noscript><p title=\"</noscript><img src=x onerror=alert('PWNED')>\">", "HTML event attribute"),
        ("closing-div", "</div></div><div class=\"plan-body\">", "raw HTML <div>"),
        ("comment-split", "<!-- --><script>alert('PWNED')</script>", "raw HTML <script>"),
        ("cdata", "<![CDATA[ <script>alert('PWNED')</script> ]]>", "raw HTML <script>"),
        ("processing-instruction", "<?xml-stylesheet href=\"http://127.0.0.2:9/\"?>", "raw HTML <?xml>"),
        ("entity-decimal-tag", "&#60;script&#62;alert('PWNED')&#60;/script&#62;", "entity-encoded HTML tag"),
        ("entity-hex-tag", "&#x3C;img src=x onerror=alert('PWNED')&#x3E;", "entity-encoded HTML tag"),
        ("style-import", "<style>@import 'http://127.0.0.2:9/PWNED.css';</style>", "raw HTML <style>"),
        ("image-foreign", "![图](http://127.0.0.2:9/PWNED.png)", None),
        ("toc-marker", "[TOC]", None),
        ("setext-clobber", "__planlib\n========", "a '#' heading in the body"),
        ("heading-h1", "# 大标题", "a '#' heading in the body"),
        ("footnote-like", "内容[^1]\n\n[^1]: 注释", None),
        ("autolink-mailto", "<mailto:a@example.org>", None),
        ("autolink-https", "<https://example.org/a_b>", None),
        ("link-title-quote", "[点](https://example.org \"\\\" onmouseover=alert('PWNED') \\\"\")", None),
        ("table-style", "| 甲 | 乙 |\n|:--|--:|\n| <span style=\"position:fixed\">1</span> | 2 |", "raw HTML <span>"),
        ("fence-lang-clobber", "```__config\n内容\n```", None),
        ("indented-code-html", "    <script>alert('PWNED')</script>", "raw HTML <script>"),
        ("inline-code-html", "`<img src=x onerror=alert('PWNED')>`", "HTML event attribute"),
    ]
]

FRONT_MATTER = [
    _case("title-300", plan_text(title="长" * 300), "'title' is too long", False),
    _case("title-empty", plan_text(title='""'), "'title' must be non-empty text", False),
    _case("title-number", plan_text(title="2024"), "'title' must be text", False),
    _case("title-braces", plan_text(title='"{#__config} {: .ph }"'), None, True),
    _case("title-markdown", plan_text(title='"**粗** [链](javascript:alert(1)) ![图](x.png)"'),
          "script or data URL 'javascript:'", True),
    _case("title-escaped-script", plan_text(title='"\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"'),
          "title must be plain text", False),
    _case("collection-escaped-script", plan_text(extra='source:\n  collection: "\\x3cscript\\x3ealert(\'PWNED\')'
                                                       '\\x3c/script\\x3e"\n'), "raw HTML <script>", True),
    _case("collection-markdown", plan_text(extra='source:\n  collection: "[点](javascript:alert(1)) **粗**"\n'),
          "script or data URL 'javascript:'", True),
    _case("yaml-merge-inline", plan_text(extra="<<: {tags: [课题研究]}\n"), "YAML merge key '<<'", False),
    _case("yaml-alias-only", plan_text(extra="x: *nothing\n"), "YAML", False),
    _case("yaml-anchor-key", plan_text(extra="&a x: 1\n"), "YAML anchors", False),
    _case("yaml-duplicate-key", plan_text(extra="title: 第二个标题\n"), "key 'title' is given twice", False),
    _case("yaml-proto-key", plan_text(extra="__proto__: {polluted: true}\n"), "unknown field '__proto__'", False),
    _case("yaml-binary-tag", plan_text(title="!!binary 5rWL6K+V"), "'title' must be text", False),
    _case("yaml-set-tag", plan_text(extra="tags: !!set {课题研究}\n"), "tags must be a list", False),
    _case("yaml-custom-tag", plan_text(title="!planlib 计划"), "YAML tag", False),
    _case("yaml-timestamp-year", plan_text(year="2023-09-01"), "year must be a number", False),
    _case("yaml-bool-title", plan_text(title="yes"), "'title' must be text", False),
    _case("yaml-float-year", plan_text(year="2024.5"), "year must be a number", False),
    _case("yaml-negative-year", plan_text(year="-1"), "year -1 is out of range", True),
    _case("yaml-fullwidth-year", plan_text(year="２０２３"), "year must be a number", False),
    _case("yaml-superscript-year", plan_text(year="²⁰²³"), "year must be a number", False),
    _case("yaml-null-term", plan_text(term="null"), "'term' must be text", False),
    _case("yaml-document-end", plan_text().replace("\n---\n\n", "\n...\n\n", 1), None, True),
    _case("yaml-directive", "---\n%YAML 1.1\n" + plan_text()[4:], "YAML", False),
    _case("tags-21", plan_text(extra="tags: [" + ", ".join(["课题研究"] * 21) + "]\n"), "tags", False),
    _case("tags-nested", plan_text(extra="tags: [[课题研究]]\n"), "tags", False),
    _case("source-extra-field", plan_text(extra="source:\n  url: http://127.0.0.2:9/\n"), "unknown field", False),
    _case("sector-folder-mismatch", plan_text(sector="health", institution="hospital", section="医务科"),
          "but its sector is 'health'", True),
    _case("duplicate-of-self", plan_text(extra="duplicate_of: duplicate-of-self\n"), "duplicate_of names the plan itself",
          True),
    _case("cycle-a", plan_text(extra="duplicate_of: cycle-b\n"), "goes round in a circle", True),
    _case("cycle-b", plan_text(extra="duplicate_of: cycle-a\n"), "goes round in a circle", True),
    _case("cd", plan_text(title="成都示例学校第一学期工作计划", year="2026", term="autumn", body=BODY + SCHEDULE),
          None, True),
    _case("cd-2026", plan_text(title="成都示例学校年度工作计划", year="2027", term="year",
                               body=BODY + "\n## 三、月度安排\n\n### 三月\n\n- 1、组织春季研讨。\n"), None, True),
]

NAMES = [
    _case("UPPER-Case", plan_text(), "is not a slug", True),
    _case("double--hyphen", plan_text(), "is not a slug", True),
    _case("-leading", plan_text(), "is not a slug", True),
    _case("中文名", plan_text(), "is not a slug", True),
    _case("x" * 200, plan_text(), None, True),
]

PLAN_CASES: list[PlanCase] = [*KEPT, *LIMITS, *CHARACTERS, *MARKUP, *FRONT_MATTER, *NAMES]
# cases that only mean something beside another: the plans they name, or the other copy of their id
COMPANIONS = {"cycle-a": ["cycle-b"], "cycle-b": ["cycle-a"], "duplicate-id": ["duplicate-id"]}


def with_companions(case: PlanCase) -> list[PlanCase]:
    """The case and the cases it needs beside it (both copies of a duplicate id, both ends of a cycle)."""
    names = COMPANIONS.get(case.name, [])
    return [case, *(other for other in PLAN_CASES if other.name in names and other != case)]


# -- files under plans/ that are not plans ------------------------------------------------------------------------

@dataclass(frozen=True)
class TreeCase:
    name: str  # what is put under plans/education/
    kind: str  # "outside-link" | "inside-link" | "dangling-link" | "folder-link" | "fifo" | "file"
    said: str  # part of the problem check must give


TREE_CASES = [
    TreeCase("outside-link.md", "outside-link", "symbolic link to a file outside the repository"),
    TreeCase("inside-link.md", "inside-link", "symbolic link, not a plan file"),
    TreeCase("dangling-link.md", "dangling-link", "broken symbolic link"),
    TreeCase("linked-folder", "folder-link", "symbolic link to a folder"),
    TreeCase("waiting.md", "fifo", "not a regular file"),
    TreeCase("shouting.MD", "file", "ends in '.MD', not '.md'"),
    TreeCase("notes.txt", "file", "not a plan file"),
    TreeCase(".hidden.md.swp", "file", "not a plan file"),
    TreeCase("plan.markdown", "file", "not a plan file"),
]


# -- answers to planlib new ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NewCase:
    name: str
    answers: dict[str, str]  # replaces these of a good set of answers
    option: str  # the option the refusal names
    said: str  # part of its message


NEW_CASES = [
    NewCase("script-title", {"title": "<script>alert('PWNED')</script>计划"}, "--title", "raw HTML <script>"),
    NewCase("long-title", {"title": "长" * 300}, "--title", "too long"),
    NewCase("cr-title", {"title": "计划\r计划"}, "--title", "carriage return"),
    NewCase("lf-title", {"title": "计划\n计划"}, "--title", "line break"),
    NewCase("line-separator-title", {"title": "计划\u2028计划"}, "--title", "line separator U+2028"),
    NewCase("rlo-title", {"title": "计划\u202e划计"}, "--title", "bidirectional control U+202E"),
    NewCase("nul-title", {"title": "计划\x00计划"}, "--title", "control character U+0000"),
    NewCase("escape-title", {"title": "\x1b[31m计划"}, "--title", "control character U+001B"),
    NewCase("surrogate-title", {"title": "计划\ud800"}, "--title", "surrogate"),
    NewCase("script-url-title", {"title": "[计划](javascript:alert('PWNED'))"}, "--title", "script or data URL"),
    NewCase("superscript-year", {"year": "²⁰²⁴"}, "--year", "year must be a number"),
    NewCase("fullwidth-year", {"year": "２０２４"}, "--year", "year must be a number"),
    NewCase("huge-year", {"year": "9" * 400}, "--year", "year must be a number"),
    NewCase("out-of-range-year", {"year": "1066"}, "--year", "out of range"),
    NewCase("stop-commands-sector", {"sector": "x\n::stop-commands::pwned"}, "--sector", "line break"),
    NewCase("path-sector", {"sector": "../../etc"}, "--sector", "unknown sector"),
    NewCase("bidi-section", {"section": "教科室\u202e"}, "--section", "bidirectional control"),
    NewCase("wrong-institution", {"institution": "hospital"}, "--institution", "belongs to sector 'health'"),
    NewCase("yaml-term", {"term": "{a: b}"}, "--term", "unknown term"),
    NewCase("empty-title", {"title": "   "}, "--title", "non-empty"),
]


# -- planlib import under bad conditions ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportCase:
    name: str
    said: str  # part of the message on stderr (exit 1)


IMPORT_CASES = [
    ImportCase("disk-full", "the disk is full"),
    ImportCase("read-only-plans", "permission denied"),
    ImportCase("read-only-file-system", "read-only file system"),
    ImportCase("out-is-a-file", "is a file, not a folder"),
    ImportCase("folder-at-target-force", "a folder is where this plan would go"),
    ImportCase("link-at-target-force", "a symbolic link is where this plan would go"),
    ImportCase("ctrl-c-while-writing", "interrupted (Ctrl-C)"),
    ImportCase("fifo-input", "not a regular file"),
    ImportCase("input-too-large", "file is too large"),
]


# -- input that tries to forge problem output ------------------------------------------------------------------------

@dataclass(frozen=True)
class OutputCase:
    name: str
    file_name: str  # the plan file's name under plans/education/
    text: str  # its content


OUTPUT_CASES = [
    OutputCase("sector-newline-command", "sector-forge.md", plan_text(sector='"x\\n::stop-commands::pwned"')),
    OutputCase("title-newline-error", "title-forge.md", plan_text(title='"a\\n::error file=README.md,line=1::pwned"')),
    OutputCase("file-name-newline", "x\n::warning file=a::pwned.md", plan_text()),
    OutputCase("file-name-comma", "x,line=99,title=pwned.md", plan_text()),
    OutputCase("file-name-colons", "::notice::pwned.md", plan_text()),
    OutputCase("terminal-escape", "escape.md", plan_text(title='"\\e]0;pwned\\a\\e[2J计划"')),
    OutputCase("bidi-in-message", "bidi-forge.md", plan_text(sector='"\\u202e noitacude"')),
    OutputCase("percent-encoding", "percent.md", plan_text(sector='"%0A::stop-commands::pwned"')),
]

REPRODUCERS = {  # the report the suite began with: each input it names, by the case that reproduces it
    "1. {#__planlib} shadows the settings, data: bundle": "settings-shadow",
    "1. http:// bundle from another origin": "settings-foreign-bundle",
    "1. {#1x}, {._x}": "attr-list-odd-names",
    "1. {#__config}, {#__search}, on a heading": "theme-config-clobber",
    "2. 40,000-deep YAML flow nesting": "yaml-flow-40000-deep",
    "2. 200,000-deep YAML flow nesting": "yaml-flow-200000-deep",
    "2. a line of 990,000 ':'": "colon-line-990000",
    "2. 495,000 lines of '-'": "dash-lines-495000",
    "2. 30,000 '[' on one line": "brackets-30000",
    "2. emphasis 2,000 deep": "emphasis-2000-deep",
    "2. lists 400 deep": "list-400-deep",
    "3. title with \\x01": "title-soh",
    "3. title with \\0": "title-nul",
    "3. title with \\b": "title-backspace",
    "3. title with a bare CR": "title-carriage-return",
    "3. a control character in the body": "body-soh",
    "3. U+202E through a YAML escape": "title-rlo",
    "3. a bare CR in a title injecting .ics lines": "title-raw-cr-ics",
    "4. sector x\\n::stop-commands::pwned": "sector-newline-command",
    "4. a file name with a newline": "file-name-newline",
    "4. a file name with a comma": "file-name-comma",
    "4. terminal escape sequences": "terminal-escape",
    "5. a symlink to a plan outside the repository": "outside-link.md",
    "5. a dangling symlink": "dangling-link.md",
    "5. foo.MD": "shouting.MD",
    "7. cd autumn and cd-2026 year share an .ics name": "cd-2026",
    "8. disk full": "disk-full",
    "8. read-only plans/": "read-only-plans",
    "8. --out is a file": "out-is-a-file",
    "8. a folder at the target with --force": "folder-at-target-force",
    "8. Ctrl-C while writing": "ctrl-c-while-writing",
    "9. new: <script> in a title": "script-title",
    "9. new: a 300-character title": "long-title",
    "9. new: CR in a title": "cr-title",
    "9. new: U+2028 in a title": "line-separator-title",
    "9. new: U+202E in a title": "rlo-title",
    "9. new: NUL in a title": "nul-title",
    "9. new: --year ²⁰²⁴": "superscript-year",
    "9. jav&#x09;ascript:": "javascript-tab-entity",
    "9. YAML merge key <<:": "yaml-merge-inline",
    "9. a duplicate_of cycle": "cycle-a",
    "9. markup in source.collection": "collection-escaped-script",
}


def all_case_names() -> list[str]:
    return ([case.name + ("@" + case.folder if case.folder != "education" else "") for case in PLAN_CASES]
            + [case.name for case in TREE_CASES] + [case.name for case in NEW_CASES]
            + [case.name for case in IMPORT_CASES] + [case.name for case in OUTPUT_CASES])


def write_plan_cases(folder: Path, cases: list[PlanCase] | None = None) -> list[Path]:
    """Write plan cases into `folder`/<their sector folder>/ (a plans/ folder); return the files."""
    written = []
    for case in cases if cases is not None else PLAN_CASES:
        path = folder / case.folder / f"{case.name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.content())
        written.append(path)
    return written


def make_tree_case(case: TreeCase, plans: Path, outside: Path) -> Path:
    """Put the thing a tree case names under plans/education/; `outside` is a folder outside the repository."""
    folder = plans / "education"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / case.name
    if case.kind == "outside-link":
        target = outside / "plan.md"
        target.write_text(plan_text(), encoding="utf-8")
        path.symlink_to(target)
    elif case.kind == "inside-link":
        target = folder / "link-target.md"
        target.write_text(plan_text(title="链接所指的计划", body="## 一、工作要点\n\n链接所指向的计划，正文与别的计划都不一样。\n"),
                          encoding="utf-8")
        path.symlink_to(target)
    elif case.kind == "dangling-link":
        path.symlink_to(outside / "gone.md")
    elif case.kind == "folder-link":
        path.symlink_to(outside, target_is_directory=True)
    elif case.kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_text(plan_text(), encoding="utf-8")
    return path
