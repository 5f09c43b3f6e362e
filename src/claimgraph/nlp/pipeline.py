"""The claimgraph spaCy pipeline: the base English model plus the components of ``default_config.cfg``.

    nlp = build_pipeline(load_packs())
    doc = nlp(text)          # doc.ents carry the entity mentions (see nlp.components.common)

Pipelines are cached per pack set and model; the base model returned by
``load_base_model`` is never modified (a separate copy is loaded here).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from thinc.api import Config

import claimgraph
import claimgraph.nlp.factories
from claimgraph import settings
from claimgraph.exc import InvalidConfig
from claimgraph.nlp.model import load_base_model
from claimgraph.packs import PackSet

CONFIG_PATH = Path(__file__).with_name("default_config.cfg")
_CACHE: dict[tuple[int, str], tuple[PackSet, Language]] = {}
_CACHE_SIZE = 4


def pipeline_config(path: Path = CONFIG_PATH) -> Config:
    """The pipeline config: ``[claimgraph]`` (order, disabled pipes, version) and ``[components]``."""
    try:
        config = Config().from_disk(path)
    except (OSError, ValueError) as e:
        raise InvalidConfig(f"{path}: cannot read the pipeline config: {e}") from None
    if "claimgraph" not in config or "components" not in config:
        raise InvalidConfig(f"{path}: needs [claimgraph] and [components] sections")
    return config


def build_pipeline(packs: PackSet, model: str | None = None) -> Language:
    """The base model with the claimgraph components, configured from ``packs`` (cached)."""
    name = model or settings.get("model")
    key = (id(packs), name)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is packs:
        return cached[1]
    nlp = load_base_model.__wrapped__(name)  # a fresh copy: the cached base model stays bare
    config = pipeline_config()
    components = config["components"]
    for pipe_name in config["claimgraph"]["components"]:
        if pipe_name not in components:
            raise InvalidConfig(f"{CONFIG_PATH}: no [components.{pipe_name}] section")
        settings_ = dict(components[pipe_name])
        factory = settings_.pop("factory")
        pipe = nlp.add_pipe(factory, name=pipe_name, config=settings_)
        configure = getattr(pipe, "configure", None)
        if configure is not None:
            configure(packs)
    for pipe_name in config["claimgraph"].get("disable", []):
        nlp.disable_pipe(pipe_name)
    nlp.meta["claimgraph"] = {
        "version": claimgraph.__version__,
        "pipeline": config["claimgraph"].get("version", 1),
        "packs": packs.names,
    }
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (packs, nlp)
    return nlp


def pipeline_version(nlp: Language) -> str:
    """Identifies what produced an extraction: claimgraph, pipeline config and model versions."""
    meta = nlp.meta.get("claimgraph", {})
    return (
        f"claimgraph {meta.get('version', claimgraph.__version__)} "
        f"pipeline v{meta.get('pipeline', '?')} "
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"
    )
