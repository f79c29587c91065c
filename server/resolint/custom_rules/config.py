"""The configuration keys of house rules: ``[[custom-rules]]`` and ``[nlp]``.

:func:`read_key` is the one hook :mod:`resolint.config` calls for these keys. It checks
their shape (no spaCy) and returns the Settings fields to change; what needs spaCy
(compiling patterns, loading the pipeline, linting the examples) is checked afterwards
by :mod:`resolint.custom_rules.check`.

``nlp.pipeline`` names an installed spaCy pipeline package ("en_core_web_sm") or a
folder saved with ``nlp.to_disk``; a relative folder is relative to the configuration
file, so a project can keep its pipeline beside its ``resolint.toml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from resolint.custom_rules import merge_specs
from resolint.custom_rules.bounds import over_bound, pattern_size
from resolint.custom_rules.spec import SpecError, parse_specs
from resolint.settings import ConfigError

CUSTOM_RULES_KEY = "custom-rules"
NLP_KEY = "nlp"
NLP_KEYS = ("pipeline",)
KEYS = (CUSTOM_RULES_KEY, NLP_KEY)


def _source(path: Path | str | None) -> str:
    return Path(path).name if path else "the settings"


def read_key(path: Path | str | None, key: str, value: Any, base: Any) -> dict[str, Any]:
    """Settings changes for ``custom-rules`` or ``nlp``; raises ConfigError."""
    if key == CUSTOM_RULES_KEY:
        try:
            specs = parse_specs(value, _source(path))
        except SpecError as exc:
            raise config_error(path, exc) from None
        merged = merge_specs(tuple(base.custom_rules), specs)
        # Bounded across the files an ``extend`` layers too (see .bounds).
        if (problem := over_bound(sum(pattern_size(s.pattern) for s in merged))) is not None:
            raise config_error(path, SpecError(specs[-1].code if specs else "", "pattern", problem))
        return {"custom_rules": merged}
    if not isinstance(value, dict):
        raise ConfigError(path, key, "expected a table such as [nlp] with pipeline = \"en_core_web_sm\"")
    for k in value:
        if k not in NLP_KEYS:
            raise ConfigError(path, f"{key}.{k}", f"unknown key (known: {', '.join(NLP_KEYS)})")
    pipeline = value.get("pipeline")
    if pipeline is None:
        return {}
    if not isinstance(pipeline, str) or not pipeline.strip():
        raise ConfigError(path, f"{key}.pipeline", "expected the name of an installed spaCy pipeline or a folder")
    pipeline = pipeline.strip()
    if path and ("/" in pipeline or "\\" in pipeline or pipeline.startswith(".")):
        pipeline = str((Path(path).parent / pipeline).resolve())
    return {"nlp_pipeline": pipeline}


def config_error(path: Path | str | None, exc: SpecError):
    """A ConfigError whose key names the rule: ``custom-rules[HSE001].pattern``."""
    key = f"custom-rules[{exc.rule}]" + (f".{exc.key}" if exc.key and exc.key != "custom-rules" else "")
    return ConfigError(path, key, exc.problem)
