"""Run configuration: which rules, their severities and options, message language, exit threshold.

Read from ``run-checks.toml`` (top level) or ``pyproject.toml`` (``[tool.run-checks]``) in the
working folder; command-line flags override it. Every key and value is validated, and a bad one
is a ``ConfigError`` naming the file.
"""
from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from checks.finding import Severity
from checks.registry import FAMILIES, all_rules
from checks.rule import LANGUAGES

FAIL_ON = ("error", "warning", "info", "never")
USER_SUITE_RULE = "GE01"
KEYS = ("select", "ignore", "severity", "options", "language", "fail-on", "expectations")


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

    def merged(self, **flags: Any) -> Config:
        """This configuration with the command-line ``flags`` that were given (not None)."""
        given = {key: value for key, value in flags.items() if value not in (None, ())}
        merged = replace(self, **given)
        validate(merged, "command line")
        return merged

    def rule_options(self, code: str) -> Mapping[str, Any]:
        """The options of rule ``code``; the suite file of ``expectations`` goes to GE01."""
        options = dict(self.options.get(code, {}))
        if code == USER_SUITE_RULE and self.expectations:
            options["suite"] = self.expectations
        return options


def load_config(folder: Path) -> Config:
    """The configuration of ``folder``: ``run-checks.toml``, else ``pyproject.toml``, else defaults."""
    own = folder / "run-checks.toml"
    if own.is_file():
        return parse(_read_toml(own), str(own))
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("run-checks")
        if table is not None:
            return parse(table, f"{pyproject} [tool.run-checks]")
    return Config()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error


def parse(table: Mapping[str, Any], where: str) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(KEYS)}")
    try:
        config = Config(
            select=tuple(table.get("select", ())), ignore=tuple(table.get("ignore", ())),
            severity=MappingProxyType({k: Severity.parse(v) for k, v in table.get("severity", {}).items()}),
            options=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in table.get("options", {}).items()}),
            language=table.get("language", "both"), fail_on=table.get("fail-on", "error"),
            expectations=table.get("expectations"),
        )
    except (ValueError, TypeError, AttributeError) as error:
        raise ConfigError(f"{where}: {error}") from error
    validate(config, where)
    return config


def validate(config: Config, where: str) -> None:
    rules = all_rules()
    for name in (*config.select, *config.ignore):
        if name not in rules and name not in FAMILIES:
            raise ConfigError(f"{where}: unknown rule or family {name!r} (see `run-checks rules`)")
    for code in (*config.severity, *config.options):
        if code not in rules:
            raise ConfigError(f"{where}: unknown rule {code!r} (see `run-checks rules`)")
    for code, options in config.options.items():
        unknown = sorted(set(options) - set(rules[code].options))
        if unknown:
            raise ConfigError(f"{where}: rule {code} has no option {unknown[0]!r}; "
                              f"options: {', '.join(rules[code].options) or 'none'}")
    if config.language not in LANGUAGES:
        raise ConfigError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
    if config.fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
    if config.expectations and not Path(config.expectations).is_file():
        raise ConfigError(f"{where}: no expectation suite file {config.expectations!r}")
