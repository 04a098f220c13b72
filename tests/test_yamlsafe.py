"""Front matter and taxonomy YAML read safely: problems on their lines, no anchors, tags or repeated keys."""

from __future__ import annotations

from pathlib import Path

from planlib.yamlsafe import load_yaml, read_yaml_file


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


def test_a_yaml_file_missing_unreadable_empty_or_broken_gives_one_problem_that_names_it(tmp_path: Path) -> None:
    files = {"missing.yml": None, "latin1.yml": "名称: 计划".encode("gb18030"), "empty.yml": b"# only a comment\n",
             "broken.yml": b"a: [1\n", "good.yml": "a: 1\nb: [x, y]\n".encode()}
    found = {}
    for name, data in files.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
        found[name] = read_yaml_file(tmp_path / name, name, "the table", "write a: and b:")
    assert found["missing.yml"][1][0].message == "the table not found" and found["missing.yml"][1][0].line == 0
    assert found["latin1.yml"][1][0].message.startswith("the table cannot be read")
    assert [(p.message, p.hint) for p in found["empty.yml"][1]] == [("the table is empty", "write a: and b:")]
    assert found["broken.yml"][1][0].message.startswith("YAML syntax error")
    for name in ("missing.yml", "latin1.yml", "empty.yml", "broken.yml"):
        assert found[name][0] is None and len(found[name][1]) == 1 and found[name][1][0].path == name
    document, problems = found["good.yml"]
    assert problems == [] and document is not None and document.data == {"a": 1, "b": ["x", "y"]}
