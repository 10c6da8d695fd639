"""Where an id the loaded mappings lack is defined among the shipped layers (provinces, the example).

Read only on the error path of ``show`` / ``levels`` (an unknown rule or ladder): never on the path of an
answer, so the shipped layers' files are parsed here, not indexed at load time.
"""

from __future__ import annotations

from pathlib import Path


def shipped_layer_hint(section: str, wanted: str, loaded: set[str]) -> tuple | None:
    """The hint naming the first shipped layer not loaded whose ``section`` ("rules" or "ladders") holds
    an item with id (or zh / en name) ``wanted``, and the option that loads it; None when none does."""
    import yaml

    from .index import available_layers

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for layer in available_layers():
        if layer["id"] in loaded:
            continue
        for file in sorted(Path(layer["path"]).glob("*.yaml")):
            try:
                data = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe loader)
            except (OSError, yaml.YAMLError):
                continue
            items = data.get(section) if isinstance(data, dict) else None
            if isinstance(items, list) and any(isinstance(x, dict) and wanted in (x.get("id"), x.get("zh"), x.get("en"))
                                               for x in items):  # a ladder is also named by its zh / en name
                return _hint(layer)
    return None


def _hint(layer: dict) -> tuple:
    # A province is loaded by its name (--region 广东 / --region guangdong); an example by its id, as the
    # README tells (--layer acme names the shipped example).
    if layer["scope"] == "province":
        return ("hint_in_shipped_layer", {"zh": layer["zh"], "en": layer["en"],
                                          "option_zh": f"--region {layer['zh']}", "option_en": f"--region {layer['id']}"})
    option = f"--layer {layer['id']}"
    return ("hint_in_shipped_layer", {"zh": layer["zh"], "en": layer["en"], "option_zh": option, "option_en": option})
