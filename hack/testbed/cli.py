"""The bed's command line: `python3 -m hack.testbed up | down | status | kubeconfig` (the Makefile's
cluster-* targets), run with the system Python from the repository's root."""

from __future__ import annotations

import argparse

import hack.testbed
from hack.testbed.layout import layout
from hack.testbed.lifecycle import down, status, up


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python3 -m hack.testbed",
        description=hack.testbed.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("up", help="start the bed (reuses a running one)").set_defaults(func=up)
    sub.add_parser("down", help="stop every component").set_defaults(func=down)
    sub.add_parser("status", help="report each component; exit 1 unless all run").set_defaults(func=status)
    sub.add_parser("kubeconfig", help="print the kubeconfig path").set_defaults(
        func=lambda _a: print(layout().kubeconfig)
    )
    args = parser.parse_args()
    args.func(args)
