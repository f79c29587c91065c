"""``resolint docs CODE``: open a rule's documentation page.

The page is the one rule links point to (:func:`resolint.docs.rule_url`): the copy
installed with resolint unless the configuration's ``docs-url`` names a published site.
The address is printed too, so the command is useful where no browser can open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from resolint.cli.render import say
from resolint.config import load_settings, settings_for
from resolint.docs import rule_url
from resolint.registry import rule_by_code


def add_docs_parser(sub) -> None:
    p = sub.add_parser("docs", help="open a rule's documentation page (and print its address)")
    p.add_argument("code", help="a rule code (PRE003) or name")
    p.add_argument("--config", help="configuration file whose docs-url to use")
    p.add_argument("--no-browser", action="store_true", help="only print the address")


def cmd_docs(args: argparse.Namespace) -> int:
    rule = rule_by_code(args.code)
    settings = load_settings(Path(args.config)) if args.config else settings_for(Path.cwd())
    if rule is None:
        house = {spec.code for spec in settings.custom_rules}
        if args.code.upper() in house:
            # A house rule has no page: its documentation is its table in the configuration.
            say(f"{args.code.upper()} is a house rule of this configuration, with no page of its own; "
                f"'resolint rule {args.code.upper()}' shows its documentation")
        else:
            say(f"no rule '{args.code}' (see 'resolint rules')")
        return 2
    url = rule_url(rule.code, settings.docs_url)
    print(url)
    import webbrowser  # lazy: only `resolint docs` opens a browser; kept out of every CLI start-up


    if not args.no_browser and not webbrowser.open(url):
        print("resolint: no browser could be started; open the address above", file=sys.stderr)
    return 0
