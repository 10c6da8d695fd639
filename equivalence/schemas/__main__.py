"""Write the JSON Schemas beside this module from the models: ``python -m equivalence.schemas``."""

from __future__ import annotations

import json

from . import HERE
from .models import OUTPUTS, json_schema


def render(name: str) -> str:
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    for name in [*OUTPUTS, "mapping-file"]:
        (HERE / f"{name}.schema.json").write_text(render(name), encoding="utf-8")
        print(f"wrote {name}.schema.json")
