"""hearth profile: the person's interest facets and a paragraph about them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import print_json
from app.services import Services
from app.services.events import final


def register(sub: Any) -> None:
    prof = sub.add_parser("profile", help="what your tastes are: interest facets and a paragraph")
    prof.add_argument("--json", action="store_true")
    prof.add_argument("--no-llm", action="store_true", help="use the template, not the language model")
    prof.set_defaults(func=cmd_profile, needs_catalogs=True)


def cmd_profile(s: Services, a: argparse.Namespace) -> int:
    result = final(s.explainer.profile(use_llm=not a.no_llm))
    if a.json:
        print_json(result.as_dict())
        return 0
    for facet in result.facets:
        examples = ", ".join(i.label for i in facet.items[:4])
        print(f"{facet.weight:>4.0%}  {facet.label}: {examples}")
    print()
    print(result.text)
    print(f"[{'language model' if result.path == 'llm' else 'template'}, verified]", file=sys.stderr)
    return 0
