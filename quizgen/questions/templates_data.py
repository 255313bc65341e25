"""Loading the question templates (``templates/questions.toml``) and choosing a wh-phrase."""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from typing import Optional

from quizgen.resources import read_template

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class WhRule:
    kind: str
    pattern: str
    role: str = "any"
    labels: tuple[str, ...] = ()
    value: Optional[tuple[str, ...]] = None
    preps: Optional[tuple[str, ...]] = None
    verbs: tuple[str, ...] = ()
    passive: Optional[bool] = None

    def matches(self, kind: str, label: str, shape: Optional[str], role: str, prep: str, verb: str = "",
                passive: bool = False) -> bool:
        if self.kind != kind:
            return False
        if self.passive is not None and self.passive != passive:
            return False
        if self.verbs and verb not in self.verbs:
            return False
        if self.labels and label not in self.labels:
            return False
        if self.value is not None and shape not in self.value:
            return False
        if self.role != "any" and self.role != role:
            return False
        if self.preps is not None and prep not in self.preps:
            return False
        return True


@dataclass(frozen=True)
class Templates:
    wh: tuple[WhRule, ...]
    blank: str

    def choose(self, kind: str, label: str, shape: Optional[str], role: str, prep: str = "", verb: str = "",
               passive: bool = False) -> Optional[WhRule]:
        for rule in self.wh:
            if rule.matches(kind, label, shape, role, prep, verb, passive):
                return rule
        return None


def parse_templates(text: str) -> Templates:
    data = tomllib.loads(text)
    rules = []
    for r in data.get("wh", []):
        rules.append(
            WhRule(
                kind=r["kind"], pattern=r["pattern"], role=r.get("role", "any"),
                labels=tuple(r.get("labels", ())),
                value=None if r.get("value") is None else tuple([r["value"]] if isinstance(r["value"], str) else r["value"]),
                preps=tuple(r["preps"]) if "preps" in r else None,
                verbs=tuple(r.get("verbs", ())), passive=r.get("passive"),
            )
        )
    return Templates(wh=tuple(rules), blank=data.get("cloze", {}).get("blank", "_____"))


@functools.lru_cache(maxsize=1)
def default_templates() -> Templates:
    return parse_templates(read_template("questions.toml"))
