"""run-checks: find the numeric claims of Chinese reports and check them against each other.

    run-checks claims PATH... [--format table|json|csv] [--output FILE] [--jobs N] [--engine local|dask]
    run-checks check PATH... [--format table|json|html|sarif|junit|markdown|csv|github|gitlab|xlsx|review-csv|docx]
                             [--output FILE]
                             [--fail-on LEVEL]
                             [--select ID,...] [--ignore ID,...] [--lang both|zh|en]
                             [--expectations SUITE.json] [--baseline FILE] [--write-baseline FILE]
                             [--only PATH] [--statistics] [--quiet] [--stdin-filename NAME] [--fix]
                             [--ledger [FILE]] [--reference TABLE]
                             [--jobs N] [--engine local|dask [--scheduler ADDRESS]]
    run-checks ledger add|list|remove|export ...
    run-checks --version
    run-checks rules
    run-checks rule ID

Exit status: 0 on success; for ``check`` 1 when a finding not accepted by ``--baseline`` is at or
above ``--fail-on`` (default: error; a run that writes a baseline accepts them all; a file that
cannot be read is an IO01 error finding); 2 for usage or configuration errors, such as a path that
does not exist, an unknown rule, an ``--only`` path that names no document read, or a run that
reads no document at all; and 2 for an internal error (a one-line message; set ``RUN_CHECKS_DEBUG``
for the traceback).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import traceback
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pipeline
from checks.baseline import BaselineError, Key, load_baseline
from checks.config import FAIL_ON, Config, ConfigError, load_config
from checks.engine import exit_status
from checks.registry import all_rules
from checks.rule import LANGUAGES, Rule
from claims.reference import ReferenceError, load_reference
from ledger import cli as ledger_cli
from ledger.sources import archived
from ledger.store import DEFAULT_PATH as DEFAULT_LEDGER
from ledger.store import LedgerError
from parallel.executors import ENGINES, EngineError, Executor, executor
from reports import docx_report, formats, html_report, json_report, notes, writing
from reports.progress import Stages
from reports.result import CheckResult
from reports.sarif_report import tool_version
from reports.terminal import render_statistics
from reports.view import View
from sources.reader import document_ids

USAGE_ERROR = 2
DEBUG = "RUN_CHECKS_DEBUG"  # environment variable: print the traceback of an internal error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run-checks", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--version", action="version", version=f"run-checks {tool_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    claims = commands.add_parser("claims", help="extract the numeric claims of documents")
    claims.add_argument("--format", choices=formats.choices("claims"), default="table")
    check = commands.add_parser("check", help="extract claims and report the findings of the rules")
    check.add_argument("--format", choices=formats.choices("check"), default="table")
    check.add_argument("--fail-on", choices=FAIL_ON, help="exit 1 at or above this severity (default: error)")
    check.add_argument("--select", type=_names, default=(), help="rule ids or families to run, comma-separated")
    check.add_argument("--ignore", type=_names, default=(), help="rule ids or families to skip, comma-separated")
    check.add_argument("--lang", dest="language", choices=LANGUAGES, help="message language (default: both)")
    check.add_argument("--expectations", metavar="SUITE.json", help="a Great Expectations suite of your own")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="accepted findings: report only new ones")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="write the findings of this run as the accepted baseline")
    check.add_argument("--only", action="append", default=[], metavar="PATH",
                       help="report findings in this file only (repeatable); the other paths are read as sources")
    check.add_argument("--statistics", action="store_true", help="print how many findings each rule gave, instead")
    check.add_argument("--ledger", type=Path, nargs="?", const=DEFAULT_LEDGER, metavar="FILE",
                       help="check against the documents of this ledger (default: "
                            f"{DEFAULT_LEDGER.as_posix()}); see `run-checks ledger`")
    check.add_argument("--reference", type=Path, action="append", default=[], metavar="TABLE",
                       help="a .csv or .xlsx table of trusted figures to check against (repeatable)")
    check.add_argument("--fix", action="store_true",
                       help="write the unambiguous fixes (leftover glosses, spam runs) into the files; never a figure")
    for command in (claims, check):
        command.add_argument("paths", nargs="+", metavar="PATH",
                             help=(".txt, .md, .html, .docx, .pdf files or folders of them; "
                                   "- reads one document from standard input"))
        command.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
        command.add_argument("--stdin-filename", default="-", metavar="NAME",
                             help="the name of the document read from standard input (its extension gives the format)")
        command.add_argument("--quiet", "-q", action="store_true", help="print the findings (or claims) only, no notes")
        command.add_argument("--config", type=Path, metavar="FILE",
                             help="the configuration file (default: the nearest run-checks.toml or pyproject.toml)")
        command.add_argument("--isolated", action="store_true", help="ignore every configuration file")
        command.add_argument("--jobs", "-j", type=_positive, metavar="N",
                             help="read and extract in N processes (default: one per core; 1: in this process)")
        command.add_argument("--engine", choices=ENGINES, default="local",
                             help="dask: read and extract on dask.distributed (pip install 'run-checks[dask]')")
        command.add_argument("--scheduler", metavar="ADDRESS",
                             help="with --engine dask: the scheduler (default: a LocalCluster of 2 workers)")
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("table", "markdown"), default="table",
                       help="markdown: the README's table of rules")
    rule = commands.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code", metavar="ID")
    rule.add_argument("--lang", dest="language", choices=LANGUAGES, default="en",
                      help="documentation language (default: en; both: Chinese, then English)")
    ledger_cli.add_parser(commands)
    return parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The sub-command parsers by name."""
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {value!r}")
    return int(value)


def _names(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


def main(argv: list[str] | None = None) -> int:
    """The command line; an unexpected exception is exit 2 with a one-line message (the traceback
    too when ``RUN_CHECKS_DEBUG`` is set), never exit 1, which means findings."""
    try:
        return _main(argv)
    except Exception as error:  # a defect of this tool: not a finding, so not exit 1
        if os.environ.get(DEBUG):
            traceback.print_exc()
        print(f"run-checks: internal error: {type(error).__name__}: {error} (set {DEBUG}=1 for the traceback)",
              file=sys.stderr)
        return USAGE_ERROR


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # answered with the sub-command's own usage, not the top level's
        _subparsers(parser)[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "rules":
        return _print(rules_markdown() if args.format == "markdown" else _rules_table())
    if args.command == "rule":
        return _rule_doc(args.code, args.language)
    if args.command == "ledger":
        try:
            return ledger_cli.run(args)
        except (FileNotFoundError, LedgerError) as error:
            print(f"run-checks: error: {error}", file=sys.stderr)
            return USAGE_ERROR
    run: Executor | None = None
    try:
        config = Config() if args.isolated else load_config(Path.cwd(), args.config)
        if args.command == "check":
            config = config.merged(select=args.select, ignore=args.ignore, language=args.language,
                                   fail_on=args.fail_on, expectations=args.expectations)
        unwritable = _output_problem(args)
        if unwritable:
            print(f"run-checks: error: {unwritable}; nothing was checked", file=sys.stderr)
            return USAGE_ERROR
        accepted = load_baseline(args.baseline) if getattr(args, "baseline", None) else None
        tables = getattr(args, "reference", [])
        references = [load_reference(path, doc_id) for path, doc_id in zip(tables, document_ids(tables), strict=True)]
        found = pipeline.inputs([path for path in args.paths if path != "-"], config)
        language = config.language
        for path in found.duplicates if not args.quiet and not config.sources else ():
            notes.say("duplicate", language, path=path)
        if found.excluded and not args.quiet:
            notes.say("excluded", language, count=len(found.excluded), where=config.where)
        stages = Stages(len(found.files) >= PROGRESS_FROM and sys.stderr.isatty(), language)
        run = _executor(args)
        claim_set = pipeline.load(found, run, stages)
        if "-" in args.paths:
            stdin = pipeline.read_stdin(sys.stdin.buffer.read(), args.stdin_filename, claim_set.documents)
            claim_set = pipeline.with_document(claim_set, stdin)
        documents = claim_set.documents
        if not any(doc.ok for doc in documents):
            notes.say("no_document", language, unread=_unread(documents))
            return USAGE_ERROR
        status, ahead = 0, None
        if args.command == "claims":
            result = CheckResult(claim_set)
        else:
            archive = archived(args.ledger, documents) if args.ledger else []
            claim_set = pipeline.with_sources(claim_set, [*references, *archive])
            if args.format == "json" and not args.statistics and run.parallel:  # made by the check's two processes
                ahead = json_report.ahead(claim_set)
            result = pipeline.check(claim_set, config, stages, run, ahead and ahead.make)
            result = pipeline.without_findings_in(result, [doc.id for doc in claim_set.documents[:len(archive)
                                                                                                   + len(references)]])
            if args.fix:
                result = _fix(result, args.quiet, language)
            result = _ci_filters(result, args, config.sources, accepted, language)
            if result.not_publications and not args.quiet:
                notes.say("not_publications", language, count=len(result.not_publications))
            if result.unused_rows and not args.quiet:
                notes.say("unused_rows", language, count=len(result.unused_rows), rows=_listed(result.unused_rows))
            status = 0 if args.write_baseline else exit_status(result.findings, config.fail_on)
    except (FileNotFoundError, ConfigError, BaselineError, pipeline.OnlyError, ReferenceError, LedgerError,
            EngineError) as error:
        print(f"run-checks: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    finally:
        if run is not None:
            run.close()
    to_terminal = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = shutil.get_terminal_size((140, 24)).columns if to_terminal or "COLUMNS" in os.environ else 140
    view = View(color=to_terminal, width=width, language=config.language, quiet=args.quiet)
    if args.command == "check" and args.format == "docx" and not args.statistics:
        return _written(_write_reviewed(result, view, args) or status, argv)
    if args.command == "check" and args.format == "html" and args.output is not None and not args.statistics:
        for name, page in html_report.render_parts(result, view, args.output.name):  # a large run: several pages
            writing.write(args.output.parent / name, page)
        return _written(status, argv)
    entry = None if getattr(args, "statistics", False) else formats.format_of(args.command, args.format)
    if entry is not None and entry.stream is not None:  # written as it is made, never held whole
        with stages.status("rendering"):
            pieces = json_report.stream(result, view, ahead) if ahead else entry.stream(result, view)
            if args.output is None:
                sys.stdout.writelines(piece.decode("utf-8") for piece in pieces)
            else:
                writing.write(args.output, pieces)
        return _written(status, argv)
    render = render_statistics if entry is None else entry.render
    with stages.status("rendering"):
        text = render(result, view)
    if isinstance(text, bytes):  # a binary format (xlsx, docx)
        if args.output is None and sys.stdout.isatty():
            print(f"run-checks: error: --format {args.format} writes a binary file: give --output FILE",
                  file=sys.stderr)
            return USAGE_ERROR
        if args.output is None:
            sys.stdout.buffer.write(text)
        else:
            writing.write(args.output, text)
    elif args.output is None:
        sys.stdout.write(text)
    else:
        writing.write(args.output, text)
    return _written(status, argv)


def _written(status: int, argv: list[str] | None) -> int:
    """``status``, once the run's output is written. On the command line itself (``main()`` with
    no arguments), the process leaves here as soon as its standard output and error are flushed,
    with ``status``: it does not free the run's millions of objects one by one, nor run the exit
    handlers (every file it wrote is closed, every worker gone), which at 10,000 reports takes
    seconds. A flush that fails leaves the exit to Python, as before."""
    if argv is not None:
        return status
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe, a closed stream: Python reports it on exit
        return status
    os._exit(status)


def _write_reviewed(result: CheckResult, view: View, args: argparse.Namespace) -> int:
    """``--format docx``: a reviewed copy of each .docx input, to ``--output`` (a folder when there
    are several, or when it is one); 0 when written, 2 when there is nothing to write or nowhere."""
    copies = docx_report.reviewed(result, view)
    words = {doc.id: doc for doc in docx_report.word_documents(result)}
    if not copies or args.output is None:
        print("run-checks: error: --format docx " + ("needs a .docx input" if not copies else
              "writes Word files: give --output FILE.docx (or a folder for several inputs)"), file=sys.stderr)
        return USAGE_ERROR
    folder = args.output.is_dir() or len(copies) > 1 or args.output.suffix.lower() != ".docx"
    if folder:
        args.output.mkdir(parents=True, exist_ok=True)
    for doc_id, data in copies.items():
        writing.write(args.output / f"{doc_id}.docx" if folder else args.output, data)
    others = sum(1 for finding in result.findings if finding.doc not in words)
    if not args.quiet:
        print(notes.note("reviewed", view.language, count=len(copies), plural="s" if len(copies) > 1 else "",
                         output=args.output)
              + (notes.words("reviewed_others", view.language, others=others) if others else ""), file=sys.stderr)
    return 0


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why ``--output`` or ``--write-baseline`` cannot be written, found before the run."""
    folder = args.command == "check" and args.format == "docx" and not args.statistics
    for flag, path, may_be_folder in (("--output", args.output, folder),
                                      ("--write-baseline", getattr(args, "write_baseline", None), False)):
        problem = writing.problem(path, may_be_folder) if path is not None else None
        if problem:
            return f"{flag}: {problem}"
    return None


def _listed(names: tuple[str, ...], shown: int = 10) -> str:
    """The first ``shown`` names, comma-separated, and how many more."""
    return ", ".join(names[:shown]) + (f" (+{len(names) - shown})" if len(names) > shown else "")


def _unread(documents: list) -> str:
    """What was given instead of readable documents, for the error message."""
    if not documents:
        return "no .txt, .md, .html, .docx or .pdf file among the paths"
    shown = "; ".join(f"{doc.path}: {doc.error}" for doc in documents[:3])
    return shown + (f"; and {len(documents) - 3} more" if len(documents) > 3 else "")


PROGRESS_FROM = 20  # files; fewer are read too fast for a progress bar to help


def _executor(args: argparse.Namespace) -> Executor:
    """Where the files are read and extracted: ``--engine``, ``--scheduler`` and ``--jobs``."""
    if args.scheduler and args.engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    if args.engine == "dask" and args.jobs:
        raise ConfigError("--jobs is for the local engine; a Dask cluster has its own workers")
    return executor(args.jobs, args.engine, args.scheduler)


def _ci_filters(result: CheckResult, args: argparse.Namespace, sources: tuple[str, ...] = (),
                accepted: Counter[Key] | None = None, language: str = "both") -> CheckResult:
    """Apply --only (the paths given, when the configuration adds ``sources``), write
    --write-baseline, subtract the ``accepted`` keys of --baseline (read before the run)."""
    given = [args.stdin_filename if path == "-" else path for path in args.paths]
    only = args.only or (given if sources else [])
    if only:
        result = pipeline.only(result, only)
    if args.write_baseline:
        writing.write(args.write_baseline, pipeline.baseline(result))
        notes.say("baseline_written", language, count=len(result.findings), path=args.write_baseline)
    if accepted is not None:
        result, suppressed = pipeline.accepted(result, accepted)
        notes.say("baseline_accepted", language, accepted=suppressed, new=len(result.findings))
    return result


def _fix(result: CheckResult, quiet: bool, language: str = "both") -> CheckResult:
    """Write the fixes into the files (in their own encoding when it can hold the text, else
    UTF-8) and return the result without the findings they fixed."""
    fixed_ids: set[int] = set()
    for fixed in pipeline.fixes(result):
        path = fixed.doc.location
        if fixed.doc.path == "-" or not path.is_file():
            continue  # standard input has no file to write
        if fixed.refused:
            notes.say(f"not_fixed_{fixed.refused}", language, path=fixed.doc.path, error=fixed.doc.error)
            continue
        try:
            data = fixed.text.encode(fixed.doc.encoding or "utf-8")
        except (LookupError, UnicodeEncodeError):  # a repaired or unusual encoding
            data = fixed.text.encode("utf-8")
        writing.write(path, data)
        fixed_ids |= {id(finding) for finding in fixed.findings}
        if not quiet:
            notes.say("fixed", language, count=len(fixed.findings), path=path)
    return replace(result, findings=[f for f in result.findings if id(f) not in fixed_ids])


def _print(text: str) -> int:
    sys.stdout.write(text)
    return 0


def _rules_table() -> str:
    lines = [f"{code}  {rule.name:<28} {str(rule.default_severity):<8} {rule.summary()}"
             for code, rule in all_rules().items()]
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    """The README's table of rules: id, name, default severity, summary."""
    lines = ["| id | name | severity | what it flags |", "|---|---|---|---|"]
    for code, rule in all_rules().items():
        summary = rule.summary().replace("|", "\\|")
        lines.append(f"| {code} | {rule.name} | {rule.default_severity} | {summary} |")
    return "\n".join(lines) + "\n"


def _rule_doc(code: str, language: str = "en") -> int:
    rule = all_rules().get(code.upper())
    if rule is None:
        print(f"run-checks: error: unknown rule {code!r} (see `run-checks rules`)", file=sys.stderr)
        return USAGE_ERROR
    texts = [_rule_text(rule, lang) for lang in (("zh", "en") if language == "both" else (language,))]
    return _print("\n".join(texts))


def _rule_text(rule: type[Rule], language: str) -> str:
    """A rule's documentation in ``language``: header, summary, the four sections, the options."""
    severity = str(rule.default_severity)
    if language == "zh":
        level = {"error": "错误", "warning": "警告", "info": "提示"}[severity]
        header, options_title = f"{rule.code} {rule.name}（{rule.family}类，默认级别：{level}）", "选项"
    else:
        header, options_title = f"{rule.code} {rule.name} ({rule.family}, default severity {severity})", "Options"
    options = "".join(f"\n    {name} = {value!r}" for name, value in rule.options.items())
    sections = "\n\n".join(f"{title}\n{text}" for title, text in rule.doc_sections(language).items())
    return (f"{header}\n{rule.summary(language)}\n\n{sections}\n"
            + (f"\n{options_title}{options}\n" if options else ""))


if __name__ == "__main__":
    sys.exit(main())
