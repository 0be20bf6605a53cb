"""A fast path for validating event payloads, derived from the pydantic payload models.

Validating every event with pydantic costs more than storing it (model instances, nested
models, datetime parsing in lax mode). Almost every payload a post sends has the plain shape
the models describe: exact JSON types, bounded strings, ISO timestamps with an offset. For each
payload model this module builds, once, a checker from the model's own field definitions that
accepts exactly that plain shape and returns the field values as a dict (defaults filled in,
nested models as nested dicts).

The checker never decides that a payload is invalid: anything outside the plain shape (a number
where a string is expected, a timestamp in another ISO form, a string too long, a missing
field) makes it decline, and the caller validates that payload with pydantic, which either
accepts it (with its coercions) or names what is wrong. So the fast path can only agree with
the models; tests compare the two on generated payloads. A model using a feature the builder
does not know (validators, other config, other field types) simply gets no fast path.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, Union

import annotated_types
from pydantic import AwareDatetime, BaseModel
from pydantic.functional_validators import BeforeValidator
from pydantic_core import PydanticUndefined

__all__ = ["Decline", "compile_model"]


class Decline(Exception):  # noqa: N818 - not an error: "ask pydantic instead"
    """The value is outside the plain shape; validate it with pydantic."""


_DECLINE = Decline()
Check = Callable[[Any], Any]

# The canonical ISO 8601 form with an explicit offset, which pydantic and datetime.fromisoformat
# both read to the same instant; any other spelling goes to pydantic.
_ISO_AWARE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)\Z")

# BeforeValidators known to leave a str (and None) unchanged: the checker only passes those.
_IDENTITY_ON_STR: set[Callable[..., Any]] = set()


def identity_on_str(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a BeforeValidator function as returning str and None values unchanged."""
    _IDENTITY_ON_STR.add(func)
    return func


def _bounds(metadata: list[Any]) -> tuple[int, int] | None:
    lo, hi = 0, -1
    for m in metadata:
        if isinstance(m, annotated_types.MinLen):
            lo = max(lo, int(m.min_length))
        elif isinstance(m, annotated_types.MaxLen):
            hi = int(m.max_length) if hi < 0 else min(hi, int(m.max_length))
        elif isinstance(m, BeforeValidator) and m.func in _IDENTITY_ON_STR:
            continue
        else:
            return None
    return lo, hi


def _int_bounds(metadata: list[Any]) -> tuple[int, int] | None:
    lo, hi = -(2**63), 2**63 - 1
    for m in metadata:
        if isinstance(m, annotated_types.Ge):
            lo = max(lo, int(m.ge))  # type: ignore[call-overload]
        elif isinstance(m, annotated_types.Le):
            hi = min(hi, int(m.le))  # type: ignore[call-overload]
        else:
            return None
    return lo, hi


class _Builder:
    """Generates one Python function per model: inline checks, no call per field.

    A call per field costs as much as pydantic's own validation; straight-line code with
    ``type(v) is str`` tests costs a fraction of it.
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_D": _DECLINE,
            "_M": object(),
            "_iso": _ISO_AWARE.match,
            "_fromiso": datetime.fromisoformat,
        }
        self.counter = 0

    def const(self, value: Any) -> str:
        self.counter += 1
        name = f"_c{self.counter}"
        self.namespace[name] = value
        return name

    def check(self, annotation: Any, metadata: list[Any], var: str, indent: str) -> list[str] | None:
        """Lines that check (and may convert) ``var`` in place, or None if not a known shape."""
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            more: list[Any] = []
            for e in extra:
                more.extend(getattr(e, "metadata", [e]))
            return self.check(base, [*metadata, *more], var, indent)
        if origin in (Union, types.UnionType):
            args = typing.get_args(annotation)
            rest = [a for a in args if a is not type(None)]
            if len(rest) != 1 or len(args) != 2:
                return None
            inner = self.check(rest[0], metadata, var, indent + "    ")
            if inner is None:
                return None
            return [f"{indent}if {var} is not None:", *inner]
        if annotation is str:
            bounds = _bounds(metadata)
            if bounds is None:
                return None
            lo, hi = bounds
            cond = [f"type({var}) is not str"]
            if lo > 0 and hi >= 0:
                cond.append(f"not {lo} <= len({var}) <= {hi}")
            elif lo > 0:
                cond.append(f"len({var}) < {lo}")
            elif hi >= 0:
                cond.append(f"len({var}) > {hi}")
            return [f"{indent}if {' or '.join(cond)}:", f"{indent}    raise _D"]
        if annotation is int and metadata:
            bounds = _int_bounds(metadata)
            if bounds is None:
                return None
            lo, hi = bounds
            return [
                f"{indent}if type({var}) is not int or not {lo} <= {var} <= {hi}:",
                f"{indent}    raise _D",
            ]
        if metadata:
            # Constraints or validators on anything else: not a shape this builder knows.
            return None
        if origin is Literal:
            values = typing.get_args(annotation)
            if not all(type(x) is str for x in values):
                return None
            allowed = self.const(frozenset(values))
            return [f"{indent}if type({var}) is not str or {var} not in {allowed}:", f"{indent}    raise _D"]
        if annotation is AwareDatetime:
            # Inline (a call per field costs as much as the check): the canonical form, read by
            # fromisoformat; a date that does not exist (Feb 30) makes it decline too.
            return [
                f"{indent}if type({var}) is not str or _iso({var}) is None:",
                f"{indent}    raise _D",
                f"{indent}try:",
                f"{indent}    {var} = _fromiso({var})",
                f"{indent}except ValueError:",
                f"{indent}    raise _D from None",
            ]
        if annotation in (int, bool, float):
            kind = self.const(annotation)
            return [f"{indent}if type({var}) is not {kind}:", f"{indent}    raise _D"]
        if origin is dict and typing.get_args(annotation) == (str, Any):
            return [f"{indent}if type({var}) is not dict:", f"{indent}    raise _D"]
        if origin is list and typing.get_args(annotation) == (str,):
            return [
                f"{indent}if type({var}) is not list:",
                f"{indent}    raise _D",
                f"{indent}for _x in {var}:",
                f"{indent}    if type(_x) is not str:",
                f"{indent}        raise _D",
            ]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            nested = self.model(annotation)
            if nested is None:
                return None
            return [f"{indent}{var} = {self.const(nested)}({var})"]
        return None

    def model(self, model: type[BaseModel]) -> Check | None:
        config = {k: v for k, v in model.model_config.items() if v is not None}
        if set(config) - {"extra"} or config.get("extra") == "forbid":
            return None
        decorators = model.__pydantic_decorators__
        if any(
            getattr(decorators, kind)
            for kind in (
                "validators",
                "field_validators",
                "root_validators",
                "model_validators",
                "computed_fields",
            )
        ):
            return None
        lines = ["def check(p):", "    if type(p) is not dict:", "        raise _D", "    g = p.get"]
        out: list[str] = []
        for i, (name, info) in enumerate(model.model_fields.items()):
            if info.alias not in (None, name) or info.validation_alias not in (None, name):
                return None
            if info.default_factory is not None:
                return None
            var = f"v{i}"
            key = repr(name)
            lines.append(f"    {var} = g({key}, _M)")
            if info.is_required():
                lines += [f"    if {var} is _M:", "        raise _D"]
                body = self.check(info.annotation, list(info.metadata), var, "    ")
                if body is None:
                    return None
                lines += body
            else:
                default = info.default
                if default is PydanticUndefined or not isinstance(default, bool | int | float | str | None):
                    return None
                body = self.check(info.annotation, list(info.metadata), var, "        ")
                if body is None:
                    return None
                lines += [
                    f"    if {var} is _M:",
                    f"        {var} = {self.const(default)}",
                    "    else:",
                    *body,
                ]
            out.append(f"{key}: {var}")
        lines.append("    return {" + ", ".join(out) + "}")
        code = "\n".join(lines)
        ns = dict(self.namespace)
        exec(compile(code, f"<payload check {model.__name__}>", "exec"), ns)  # noqa: S102 - generated from the model's own fields
        self.namespace.update({k: v for k, v in ns.items() if k.startswith("_c")})
        check: Check = ns["check"]
        return check


def compile_model(model: type[BaseModel]) -> Check | None:
    """The fast checker for ``model``, or None when the model uses what the builder does not know.

    The checker returns a dict of every field's value (nested models as dicts), or raises Decline.
    """
    return _Builder().model(model)
