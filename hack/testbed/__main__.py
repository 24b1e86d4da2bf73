"""`python3 -m hack.testbed up | down | status | kubeconfig` (see hack/testbed/cli.py)."""

from hack.testbed.cli import main

main()
