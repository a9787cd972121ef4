"""How a site-file option is declared: once, as a field of SiteConfig or SourceConfig.

Each option used to be written three times (its default in the list of options, in the dataclass
and in the parser) and its key mapped to its attribute by hand, so a default changed in one place
quietly disagreed with the others. Now the field *is* the declaration:

    region: str = option("site.region", "", "6-digit administrative division code ...", check=DIVISION_CODE)

gives the attribute (`region`), its type (the annotation), the key in the file (`[site] region`),
the default, the description and what is accepted. `options_of(SiteConfig)` reads the fields back
as `Option`s, from which the parser checks a file (`app.config`) and the IT guide is written
(`app.config_guide`), so neither can drift from the dataclass the rest of the program reads.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The types a TOML value of a site file may be declared as; a tuple of strings is a list in the file.
FILE_TYPES = (str, bool, int, float, list)
_METADATA = "huren.option"


@dataclass(frozen=True)
class Range:
    """The numbers an option accepts: above `low` (from `low` when `low_included`) up to `high`.

    `what` names the range in messages where the bare numbers would not say what is meant.
    """

    low: float
    high: float
    low_included: bool = False
    what: str = ""

    def __contains__(self, value: float) -> bool:
        above = value >= self.low if self.low_included else value > self.low
        return above and value <= self.high

    def describe(self) -> str:
        if self.what:
            return self.what
        low = "at least" if self.low_included else "greater than"
        return f"{low} {_bound(self.low)} and at most {_bound(self.high)}"


def _bound(limit: float) -> str:
    return str(int(limit)) if float(limit).is_integer() else repr(limit)


@dataclass(frozen=True)
class Check:
    """A rule beyond the type, range and choices (a division code's form, a URL, a readable file).

    `accepts` is what the IT guide says is accepted; `problem(key, value)` says why a value (of the
    declared type, as TOML gives it: a list, not yet a tuple) is not, naming the key, or returns None.
    Both sit together so that the guide says what the check checks.
    """

    accepts: str
    problem: Callable[[str, Any], str | None]


@dataclass(frozen=True)
class Option:
    """One setting of the site file: its key, type, default and the values it accepts.

    `type` and `default` are as TOML gives them (a list where the attribute holds a tuple), because
    that is what the file is checked against and what the guide shows; `kept()` turns a checked value
    into what SiteConfig or SourceConfig holds.
    """

    key: str                             # "section.name": `name` under `[section]` (or `[[sources]]`)
    type: type                           # one of FILE_TYPES
    default: Any                         # in a site file without the key; None when required
    description: str
    required: bool = False
    limits: Range | None = None          # numbers: the values accepted (all must be finite)
    choices: tuple[str, ...] = ()        # strings, or each string of a list: the only values accepted, if any
    item: str = ""                       # a list with choices: what one of its strings is called in messages
    check: Check | None = None           # a rule beyond the type, range and choices
    attribute: str = ""                  # SiteConfig's or SourceConfig's attribute that holds the value
    without_file: Any = None             # the attribute's value without any site file, where not `default`
    tidy: Callable[[Any], Any] | None = None   # what is kept of a valid value (trailing / cut, repeats dropped)

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The key as written inside its section."""
        return self.key.split(".", 1)[1]

    def kept(self, value: Any) -> Any:
        """A valid value of the file as the dataclass holds it: lists as tuples, tidied."""
        if self.type is list:
            value = tuple(value)
        return self.tidy(value) if self.tidy else value

    def unset(self, value: Any) -> bool:
        """Whether `value` is the empty string that leaves an optional text option at its empty default
        ("" for `issuer` means "discover it"): such a value is not put to the option's check."""
        return value == "" and self.default == "" and not self.required


REQUIRED: Any = dataclasses.MISSING      # option(key, REQUIRED, ...): the file must set it; no default


def option(key: str, default: Any, description: str, *, limits: Range | None = None,
           choices: tuple[str, ...] = (), item: str = "", check: Check | None = None,
           tidy: Callable[[Any], Any] | None = None, without_file: Any = None) -> Any:
    """A dataclass field that is also an option of the site file (see the module's docstring).

    `default` is what a site file without the key gets, written as the attribute holds it (a tuple for
    a list). `without_file` is the attribute's default where it differs: with no site file at all
    (embedded demo, --platform URL, tests) sign-in and storage are demo ones, but a hospital's file
    that forgets the line must not get those. Fields with a default are keyword-only, so that a
    constructor call names what it sets and a new option cannot shift the others.
    """
    # The type is the field's annotation, which only exists once the class is made: options_of() sets it.
    declared = Option(key, object, default, description, required=default is REQUIRED, limits=limits,
                      choices=choices, item=item, check=check, tidy=tidy, without_file=without_file)
    metadata = {_METADATA: declared}
    if default is REQUIRED:
        return dataclasses.field(metadata=metadata)
    initial = default if without_file is None else without_file
    return dataclasses.field(default=initial, kw_only=True, metadata=metadata)


def options_of(cls: type) -> tuple[Option, ...]:
    """The options declared by `cls`'s fields, in their order, each with its attribute and file type."""
    hints = typing.get_type_hints(cls)
    found = []
    for field in dataclasses.fields(cls):
        declared = field.metadata.get(_METADATA)
        if declared is None:                 # not an option of the file (SiteConfig.sources, .demo, .path)
            continue
        file_type = _file_type(hints[field.name], field.name)
        default = None if declared.required else (list(declared.default) if file_type is list
                                                  else declared.default)
        found.append(dataclasses.replace(declared, type=file_type, default=default, attribute=field.name))
    return tuple(found)


def _file_type(hint: Any, attribute: str) -> type:
    """The TOML type of an attribute's annotation: a tuple of strings is a list in the file."""
    origin = typing.get_origin(hint) or hint
    if origin is tuple and typing.get_args(hint) == (str, ...):
        return list
    if origin not in FILE_TYPES or origin is list:
        raise TypeError(f"option attribute {attribute!r} is {hint!r}; declare str, bool, int, float or "
                        "tuple[str, ...]")
    return origin
