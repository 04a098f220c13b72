"""Front matter and taxonomy YAML read safely: problems on their lines, no anchors, tags or repeated keys."""

from __future__ import annotations

from planlib.yamlsafe import load_yaml


def test_key_lines_are_kept() -> None:
    document, problems = load_yaml("title: 计划\ntags:\n  - 课题研究\n  - 集体备课\nsource:\n  file: a.txt\n")
    assert problems == [] and document is not None
    assert document.line_of("tags", "1") == 4 and document.line_of("source", "file") == 6
    assert document.line_of("nothing") == 1


def test_what_is_refused_is_a_problem_on_its_line_of_the_file() -> None:
    cases = {"a: 1\nb: &x 2\n": "YAML anchors (&name) are not allowed",
             "a: 1\nb: *x\n": "YAML aliases (*name) are not allowed",
             "a: 1\na: 2\n": "key 'a' is given twice",
             "a: !!python/object/apply:os.system [ls]\n": "YAML tag !!python/object/apply:os.system is not allowed",
             "a: [1\n": "YAML syntax error"}
    for text, message in cases.items():
        document, problems = load_yaml(text, "plans/x.md", first_line=2)
        assert document is None and len(problems) == 1, text
        assert problems[0].path == "plans/x.md" and message in problems[0].message and problems[0].hint
        assert problems[0].line >= 2
    _, problems = load_yaml("a: 1\na: 2\n", "plans/x.md", first_line=2)
    assert problems[0].line == 3
