"""Run configuration: which rules, their severities and options, message language, exit threshold,
which files to leave out or always read, and per-file ignores.

Found the way ruff finds its own: the nearest ``run-checks.toml`` (top level) or ``pyproject.toml``
with ``[tool.run-checks]`` from the working folder upwards (or the file ``--config`` names);
command-line flags override it. Paths in it (``exclude`` and ``per-file-ignores`` globs,
``sources``, ``expectations``) are relative to the folder holding it. Every key and value is
validated, and a bad one is a ``ConfigError`` naming the file.
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from checks import schema, suite_file
from checks.finding import Severity
from checks.registry import ENGINE_CODES, FAMILIES, all_rules
from checks.rule import LANGUAGES

FAIL_ON = ("error", "warning", "info", "never")
USER_SUITE_RULE = "GE01"
KEYS = ("select", "ignore", "severity", "options", "language", "fail-on", "expectations", "exclude",
        "per-file-ignores", "sources")


class ConfigError(ValueError):
    """A configuration file or flag that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # rule ids or families; empty: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    language: str = "both"
    fail_on: str = "error"
    expectations: str | None = None  # a Great Expectations suite file of the user's
    exclude: tuple[str, ...] = ()  # globs of files never read
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    sources: tuple[str, ...] = ()  # paths always read as sources
    root: Path | None = None  # the folder of the configuration file: where its paths start
    where: str = "defaults"  # the file it came from, for messages

    def merged(self, **flags: Any) -> Config:
        """This configuration with the command-line ``flags`` that were given (not None)."""
        given = {key: value for key, value in flags.items() if value not in (None, ())}
        merged = replace(self, **given)
        validate(merged, "command line")
        return merged

    def relative(self, path: str | Path) -> str:
        """``path`` as the configuration's globs see it: relative to its folder, with ``/``."""
        resolved = Path(os.path.realpath(path))  # a link loop stays as it is, not an exception
        root = (self.root or Path.cwd()).resolve()
        return (resolved.relative_to(root) if resolved.is_relative_to(root) else resolved).as_posix()

    def excluded(self, path: str | Path) -> bool:
        """Whether ``exclude`` leaves ``path`` out (a glob matching it or a folder above it)."""
        return bool(self.exclude) and _matches(self.relative(path), self.exclude)  # no path resolved for none

    def ignored_in(self, path: str | Path) -> tuple[str, ...]:
        """The rule ids and families ``per-file-ignores`` switch off for ``path``."""
        relative = self.relative(path)
        return tuple(code for glob, codes in self.per_file_ignores.items() if _matches(relative, (glob,))
                     for code in codes)

    def rule_options(self, code: str) -> Mapping[str, Any]:
        """The options of rule ``code``: its family's (``[options.usage]``), then its own; the
        suite file of ``expectations`` goes to GE01."""
        family = getattr(all_rules().get(code), "family", None)
        options = {**self.options.get(family, {}), **self.options.get(code, {})}
        if code == USER_SUITE_RULE and self.expectations:
            options["suite"] = self.expectations
        return options


def _matches(relative: str, globs: tuple[str, ...]) -> bool:
    parts = relative.split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    return any(fnmatch.fnmatchcase(prefix, glob) for glob in globs for prefix in prefixes)


def find_config(folder: Path) -> Path | None:
    """The nearest ``run-checks.toml``, or ``pyproject.toml`` with ``[tool.run-checks]``, in
    ``folder`` or a folder above it."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / "run-checks.toml").is_file():
            return candidate / "run-checks.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _tool_table(_read_toml(pyproject), pyproject) is not None:
            return pyproject
    return None


def load_config(folder: Path, file: Path | None = None) -> Config:
    """The configuration found from ``folder`` upwards, or the one in ``file``, else defaults."""
    path = file or find_config(folder)
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"no configuration file {path}")
    table = _read_toml(path)
    if path.name == "pyproject.toml" or "tool" in table:
        table = _tool_table(table, path)
        if table is None:
            raise ConfigError(f"{path}: no [tool.run-checks] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.run-checks: expected a table, got {schema.describe(table)}")
        return parse(table, f"{path} [tool.run-checks]", path.parent)
    return parse(table, str(path), path.parent)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return schema.read_structured(path, schema.TOML, "configuration file", "a TOML file is UTF-8 text")
    except schema.SchemaError as error:
        raise ConfigError(str(error)) from None


def _tool_table(data: dict[str, Any], path: Path) -> object:
    """``[tool.run-checks]`` of a pyproject.toml's ``data`` (None when there is none)."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: expected a table, got {schema.describe(tool)}")
    return tool.get("run-checks")


def parse(table: Mapping[str, Any], where: str, root: Path | None = None) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(KEYS)}")
    try:
        config = Config(
            select=schema.strings(table.get("select", []), "select", comma=True),
            ignore=schema.strings(table.get("ignore", []), "ignore", comma=True),
            severity=MappingProxyType({code: _severity(value, f"severity.{code}") for code, value
                                       in schema.table(table.get("severity", {}), "severity").items()}),
            options=MappingProxyType({code: MappingProxyType(dict(schema.table(value, f"options.{code}")))
                                      for code, value in schema.table(table.get("options", {}), "options").items()}),
            language=schema.string(table.get("language", "both"), "language", f"one of {', '.join(LANGUAGES)}"),
            fail_on=schema.string(table.get("fail-on", "error"), "fail-on", f"one of {', '.join(FAIL_ON)}"),
            expectations=_under(root, _optional_string(table.get("expectations"), "expectations")),
            exclude=schema.strings(table.get("exclude", []), "exclude"),
            per_file_ignores=MappingProxyType({glob: schema.strings(codes, f"per-file-ignores.{glob!r}", comma=True)
                                               for glob, codes in schema.table(table.get("per-file-ignores", {}),
                                                                               "per-file-ignores").items()}),
            sources=tuple(str(_under(root, path)) for path in schema.strings(table.get("sources", []), "sources")),
            root=root, where=where,
        )
    except schema.SchemaError as error:
        raise ConfigError(f"{where}: {error}") from error
    validate(config, where)
    return config


def _severity(value: object, key: str) -> Severity:
    try:
        return Severity.parse(schema.string(value, key, "one of error, warning, info"))
    except schema.SchemaError:
        raise
    except ValueError as error:
        raise schema.SchemaError(f"{key}: {error}") from None


def _optional_string(value: object, key: str) -> str | None:
    return None if value is None else schema.string(value, key, "a file name")


def _under(root: Path | None, path: str | None) -> str | None:
    """A path of the configuration file, relative to its folder (shown relative to the working
    folder when it lies inside it, so reports keep repository-relative paths)."""
    if path is None or root is None or Path(path).is_absolute():
        return path
    joined, here = (root / path).resolve(), Path.cwd().resolve()
    return (joined.relative_to(here) if joined.is_relative_to(here) else joined).as_posix()


def validate(config: Config, where: str) -> None:
    rules = all_rules()
    ignored = [code for codes in config.per_file_ignores.values() for code in codes]
    for name in (*config.select, *config.ignore, *ignored):
        if name not in rules and name not in FAMILIES and name not in ENGINE_CODES:
            raise ConfigError(f"{where}: unknown rule or family {name!r} (see `run-checks rules`)")
    for code in config.severity:
        if code not in rules:
            raise ConfigError(f"{where}: unknown rule {code!r} (see `run-checks rules`)")
    for code, options in config.options.items():
        members = [rule for rule in rules.values() if rule.family == code] if code in FAMILIES else []
        if code not in rules and not members:
            raise ConfigError(f"{where}: unknown rule or family {code!r} in options (see `run-checks rules`)")
        known = set.intersection(*(set(rule.options) for rule in members)) if members else set(rules[code].options)
        unknown = sorted(set(options) - known)
        if unknown:
            kind = "every rule of family" if members else "rule"
            raise ConfigError(f"{where}: {kind} {code} has no option {unknown[0]!r}; "
                              f"options: {', '.join(sorted(known)) or 'none'}")
        for name, value in options.items():
            default = (members[0] if members else rules[code]).options[name]
            try:
                schema.like(value, default, f"options.{code}.{name}")
            except schema.SchemaError as error:
                raise ConfigError(f"{where}: {error}") from None
    if config.language not in LANGUAGES:
        raise ConfigError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
    if config.fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
    for suite in (config.expectations, config.options.get(USER_SUITE_RULE, {}).get("suite")):
        if suite and not Path(suite).is_file():
            raise ConfigError(f"{where}: no expectation suite file {suite!r}")
        if suite:
            try:
                suite_file.checked_suite(suite)
            except suite_file.SuiteError as error:
                raise ConfigError(f"{where}: expectations: {error}") from None
    for path in config.sources:
        if not Path(path).exists():
            raise ConfigError(f"{where}: sources: no such file or folder {path!r}")
