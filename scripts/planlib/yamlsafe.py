"""Safe YAML reading for untrusted plan files and the taxonomy.

Plain `yaml.safe_load` still expands anchors (billion laughs), silently keeps
the last of two equal keys and reports errors as exceptions. Here every such
case becomes a `Problem` on the line it is on, and the line of each mapping
key is kept so that later checks can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planlib.limits import yaml_excess
from planlib.problems import Problem


@dataclass
class YamlDocument:
    data: Any
    key_lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def line_of(self, *keys: str, default: int = 1) -> int:
        """The 1-based line of the key path `keys`, or of its nearest parent."""
        path = tuple(keys)
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            path = path[:-1]
        return default


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same rules, faster


class _Refused(Exception):
    def __init__(self, line0: int, message: str, hint: str):
        super().__init__(message)
        self.line, self.message, self.hint = line0 + 1, message, hint


def _refuse_anchors(text: str) -> None:
    """Anchors and aliases are refused before anything is built (no billion laughs)."""
    for event in yaml.parse(text, Loader=_Loader):
        line0 = event.start_mark.line if event.start_mark is not None else 0
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line0, "YAML aliases (*name) are not allowed", "write the value out in full")
        if getattr(event, "anchor", None) is not None:
            raise _Refused(line0, "YAML anchors (&name) are not allowed", "write the value out in full")


def _walk(node: yaml.Node, path: tuple[str, ...], lines: dict[tuple[str, ...], int],
          issues: list[tuple[int, str, str]]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key_node.tag == "tag:yaml.org,2002:merge":
                issues.append((key_node.start_mark.line + 1, "YAML merge key '<<' is not allowed",
                               "write each field out in full"))
            elif key in seen:
                issues.append((key_node.start_mark.line + 1, f"key '{key}' is given twice", "keep only one"))
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, issues)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (str(index),)] = item.start_mark.line + 1
            _walk(item, path + (str(index),), lines, issues)


def load_yaml(text: str, path: str = "", first_line: int = 1) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document; return it with its key lines (relative to `text`), or the problems.

    `path` and `first_line` (the file line of the text's first line) place the problems in the file.
    """

    def problem(line: int, message: str, hint: str) -> Problem:
        return Problem(path, first_line - 1 + line, message, hint)

    excess = yaml_excess(text, path, first_line)  # before libyaml, which recurses once per level
    if excess is not None:
        return None, [excess]
    loader = None
    try:
        _refuse_anchors(text)
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None), []
        issues: list[tuple[int, str, str]] = []
        lines: dict[tuple[str, ...], int] = {}
        _walk(node, (), lines, issues)
        if issues:
            return None, [problem(*issue) for issue in issues]
        data = loader.construct_document(node)
        return YamlDocument(data, lines), []
    except _Refused as refused:
        return None, [problem(refused.line, refused.message, refused.hint)]
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        tag = ""
        if error.problem and "tag" in error.problem:
            tag = error.problem.split("tag", 1)[1].strip(" '").replace("tag:yaml.org,2002:", "!!")
        what = f"YAML tag {tag} is not allowed" if tag else f"YAML cannot be read: {error.problem}"
        return None, [problem(line, what, "use plain text, numbers and lists only")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what_is_wrong = (error.problem or error.context or "invalid YAML").strip()
        return None, [problem(line, f"YAML syntax error: {what_is_wrong}",
                              "check indentation, colons and quotes on this line")]
    except yaml.YAMLError as error:  # reader errors: control characters etc.
        line = 1
        mark = getattr(error, "position", None)
        if mark is not None:
            line = text.count("\n", 0, mark) + 1
        return None, [problem(line, f"YAML cannot be read: {error}",
                              "remove control characters and save as UTF-8 text")]
    except RecursionError:
        return None, [problem(1, "YAML is nested too deeply", "use a flat mapping")]
    finally:
        if loader is not None:
            loader.dispose()


def read_yaml_file(path: Path, shown: str, what: str, hint: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read a UTF-8 YAML file (`what` names it in the messages): its document with data, or its problems.

    A file that is missing, unreadable or empty gives one problem; `hint` says
    what the file should hold.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(shown, 0, f"{what} not found", hint)]
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(shown, 1, f"{what} cannot be read: {error}", "save it as UTF-8 text")]
    document, problems = load_yaml(text, shown)
    if problems:
        return None, problems
    if document is None or document.data is None:
        return None, [Problem(shown, 1, f"{what} is empty", hint)]
    return document, []
