"""The `planlib` command line: check, export (and, as they land, more verbs)."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from planlib import __version__
from planlib.export import export_records
from planlib.library import find_root, taxonomy_path
from planlib.problems import Problem, ProblemError, display_path, printable, report
from planlib.taxonomy import load_taxonomy

EXIT_OK, EXIT_PROBLEMS, EXIT_INTERNAL = 0, 1, 2


def _root(args: argparse.Namespace) -> Path:
    if args.root:
        return Path(args.root)
    root = find_root()
    if root is None:
        raise ProblemError([Problem(".", 0, "no plans/taxonomy.yml here or above",
                                    "run planlib inside the repository, or pass --root DIR")])
    return root


def cmd_check(args: argparse.Namespace) -> int:
    from planlib.checker import run_check

    root = _root(args)
    targets = [Path(p) for p in args.paths]
    missing = [p for p in targets if not p.exists()]
    if missing:
        raise ProblemError([Problem(p.as_posix(), 0, "no such file or folder", "check the path")
                            for p in missing])
    github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
    return run_check(root, targets, args.fix, github, cached=not args.no_cache)


def cmd_export(args: argparse.Namespace) -> int:
    from planlib.scan import scan_library
    from planlib.scancache import ScanCache

    root = _root(args)
    taxonomy = taxonomy_path(root)
    library = scan_library(root, [], load_taxonomy(taxonomy, display_path(taxonomy, root)),
                           ScanCache.open(root, taxonomy), purpose="export")
    errors = [problem for problem in library.problems if problem.blocking]
    if errors:
        report(errors, sys.stderr)
        print(f"export refused: {len(errors)} problems (run planlib check)", file=sys.stderr)
        return EXIT_PROBLEMS
    records = [scan.plan.record for scan in library.checked if scan.plan is not None]
    sys.stdout.write(export_records([record for record in records if record is not None]) + "\n")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from planlib.importer.command import run_import

    root = _root(args)
    return run_import(root, [Path(p) for p in args.files], Path(args.out) if args.out else None,
                      dry_run=args.dry_run, as_json=args.json, force=args.force, strict=args.strict)


def cmd_new(args: argparse.Namespace) -> int:
    from planlib.new import FIELDS, ask, create

    root = _root(args)
    tax = load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root))
    values = {field: str(getattr(args, field) or "") for field in FIELDS}
    missing = [field for field in FIELDS if not values[field]]
    if missing:
        def read(prompt: str) -> str:
            print(prompt, end="", file=sys.stderr, flush=True)
            line = sys.stdin.readline()
            if not line:
                raise ProblemError([Problem("planlib new", 0, f"no answer for {', '.join('--' + f for f in missing)}",
                                            "answer the questions, or give every value as an option")])
            return line

        values = ask(values, tax, read)
    path = create(root, tax, values, args.id)
    shown = display_path(path, root)
    print(f"wrote {shown}\nnext: fill in the parts marked （请填写…）, then run: planlib check {shown}")
    return EXIT_OK


def cmd_synth(args: argparse.Namespace) -> int:
    from planlib.synth import write_synthetic_site

    if args.count < 1:
        raise ProblemError([Problem("synth", 0, "N must be at least 1", "e.g. planlib synth 2000 --out synth-2000")])
    out = Path(args.out)
    count = write_synthetic_site(_root(args), out, args.count)
    print(f"wrote a site with {count} synthetic plans to {out}; build it with: cd {out} && mkdocs build")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "import":
        return cmd_bench_import(args)
    if args.what == "search":
        return cmd_bench_search(args)
    from planlib.bench.command import run_bench

    sizes = _sizes(args.sizes or ("2000,10000" if args.what == "check" else "500,2000,10000"))
    if args.runs < 1:
        raise ProblemError([Problem("bench", 0, f"--runs {args.runs}: not a number of runs", "write e.g. --runs 3")])
    if args.what == "check":
        from planlib.bench.checking import run_check_bench

        return run_check_bench(_root(args), sizes, Path(args.work) if args.work else None, args.runs)
    if args.what == "profile":
        import tempfile

        from planlib.bench.profile import run_profile

        work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="planlib-profile-"))
        return run_profile(_root(args), sizes[0], work)
    if not args.no_search:
        missing = [name for name in ("playwright", "jieba") if importlib.util.find_spec(name) is None]
        if missing:
            raise ProblemError([Problem("bench", 0, f"{', '.join(missing)} not installed",
                                        "pip install -e '.[test]' (and apt-get install chromium), or use --no-search")])
    return run_bench(_root(args), sizes, Path(args.work) if args.work else None, search=not args.no_search,
                     runs=max(1, args.runs), preview_sizes=tuple(sizes) if args.preview else ())


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(size) for size in text.split(",") if size.strip()]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        raise ProblemError([Problem("bench", 0, f"--sizes '{text}' is not a list of numbers of plans",
                                    "write e.g. --sizes 500,2000,10000")])
    return sizes


def _browser_ready(command: str) -> None:
    missing = [name for name in ("playwright",) if importlib.util.find_spec(name) is None]
    if missing:
        raise ProblemError([Problem(command, 0, f"{', '.join(missing)} not installed",
                                    "pip install -e '.[test]' (and apt-get install chromium)")])


def cmd_bench_search(args: argparse.Namespace) -> int:
    from planlib.bench.judged import FIGURES, JUDGED, figures_text, load_judged
    from planlib.bench.relevance import build_library_site, report, run_judged
    from planlib.library import load_library
    from planlib.redirects import load_redirects

    _browser_ready("bench search")
    root = _root(args)
    judged_path = Path(args.queries) if args.queries else root / JUDGED
    library = load_library(root)
    published = {plan.id for plan in library.published}
    redirects, _ = load_redirects(root, {plan.id for plan in library.plans})
    judged = load_judged(judged_path, display_path(judged_path, root), published, redirects)
    if not args.judged:
        from planlib.bench.speed import run_speed

        sizes = _sizes(args.sizes or "2000,10000")
        run_speed(root, sizes, judged.queries, Path(args.work) if args.work else None)
        return EXIT_OK
    site = Path(args.site) if args.site else build_library_site(root, Path(args.work) if args.work else None)
    if not (site / "pagefind" / "pagefind.js").is_file():
        raise ProblemError([Problem(str(site), 0, "not a built site with a search index",
                                    "pass the site/ folder of a finished mkdocs build, or leave --site out")])
    table, summaries = report(run_judged(site, judged))
    print(table)
    if args.write_figures:
        (root / FIGURES).write_text(figures_text(summaries), encoding="utf-8")
        print(f"\nwrote {FIGURES.as_posix()}")
    return EXIT_OK


def cmd_bench_import(args: argparse.Namespace) -> int:
    from planlib.bench.importing import score_corpus, table

    root = _root(args)
    corpus = Path(args.corpus) if args.corpus else root / "tests" / "corpus"
    if not (corpus / "truth.yml").is_file():
        raise ProblemError([Problem(corpus.as_posix(), 0, "no truth.yml in the corpus folder",
                                    "pass --corpus DIR, the folder holding truth.yml and pages/")])
    tax = load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root))
    scores, totals = score_corpus(corpus, tax)
    print(table(scores, totals))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planlib", description="科室工作计划库: plan library tools")
    parser.add_argument("--version", action="version", version=f"planlib {__version__}")
    parser.add_argument("--root", help="repository root (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check plan files; one line per problem, exit 1 on any error")
    check.add_argument("paths", nargs="*", help="plan files or folders (default: all of plans/)")
    check.add_argument("--github", action="store_true",
                       help="also print GitHub Actions annotations (automatic in Actions)")
    check.add_argument("--fix", action="store_true",
                       help="first fix what can be fixed: typography, CRLF, BOM, invisible characters")
    check.add_argument("--no-cache", action="store_true",
                       help="read every file again, and leave .cache/planlib/ as it is")
    check.set_defaults(func=cmd_check)

    export = sub.add_parser("export", help="print the whole library as JSON (docs/data.md)")
    export.set_defaults(func=cmd_export)

    importer = sub.add_parser("import", help="turn raw collection pages (.txt/.html) into plan files")
    importer.add_argument("files", nargs="+", metavar="FILE", help="saved pages: UTF-8, GBK/GB18030, Big5 or UTF-16")
    importer.add_argument("--out", help="library folder to write into (default: plans/ of the repository)")
    importer.add_argument("--dry-run", action="store_true", help="show what would be written; write nothing")
    importer.add_argument("--json", action="store_true",
                          help="print the pages and plans as JSON (the export shape plus 'removed' and 'review')")
    importer.add_argument("--force", action="store_true", help="replace plan files that differ")
    importer.add_argument("--strict", action="store_true",
                          help="stop (write nothing) when the review has anything to look at; for CI")
    importer.set_defaults(func=cmd_import)

    new = sub.add_parser("new", help="write a new plan skeleton (asks for what the options do not give)")
    new.add_argument("--title")
    new.add_argument("--sector", help="education, health, government")
    new.add_argument("--institution", help="kindergarten, primary, secondary, high-school, hospital, ...")
    new.add_argument("--section", help="the 科室, e.g. 教科室")
    new.add_argument("--year", help="e.g. 2024, or unknown")
    new.add_argument("--term", help="autumn, spring, semester, school-year, year")
    new.add_argument("--id", help="file name without .md (default: from the title's pinyin)")
    new.set_defaults(func=cmd_new)

    synth = sub.add_parser("synth", help="write a buildable site with N synthetic plans (scale tests)")
    synth.add_argument("count", type=int, metavar="N")
    synth.add_argument("--out", required=True, help="folder to create (replaced if it exists)")
    synth.set_defaults(func=cmd_synth)

    bench = sub.add_parser("bench", help="site: build synthetic libraries and print build and size figures; "
                                         "check: time check and export on them; "
                                         "profile: where a build's time and memory go (the first of --sizes); "
                                         "import: score the importer on the real-page corpus; "
                                         "search: speed on synthetic libraries for every judged query, "
                                         "or with --judged relevance on the real library")
    bench.add_argument("what", nargs="?", choices=("site", "check", "profile", "import", "search"), default="site",
                       help="what to measure (default: site)")
    bench.add_argument("--judged", action="store_true",
                       help="search: precision@10, recall@10 and MRR on the judged queries, in the real library")
    bench.add_argument("--queries", help="search: the judged queries (default: tests/search/judged.yml)")
    bench.add_argument("--site", help="search: a built site to search (default: build the library into --work)")
    bench.add_argument("--write-figures", action="store_true",
                       help="search: record the figures the relevance test holds the search to")
    bench.add_argument("--corpus", help="import: the corpus folder (default: tests/corpus)")
    bench.add_argument("--sizes", help="library sizes, comma separated "
                                       "(site: 500,2000,10000; check and search: 2000,10000)")
    bench.add_argument("--work", help="folder for the synthetic sites (default: a temporary folder)")
    bench.add_argument("--no-search", action="store_true", help="skip the browser measurements")
    bench.add_argument("--preview", action="store_true",
                       help="also edit one plan under `mkdocs serve` and time the changed page (each size)")
    bench.add_argument("--runs", type=int, default=1,
                       help="site: builds of each site per size, ours and bare Material alternated; "
                            "check: runs of each measure; medians are shown")
    bench.set_defaults(func=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ProblemError as error:
        report(error.problems, sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # last line of defence: a message, never a traceback
        print(f"planlib: internal error: {type(error).__name__}: {printable(str(error))}\n"
              "this is a bug in planlib; please report it with the command you ran", file=sys.stderr)
        return EXIT_INTERNAL
