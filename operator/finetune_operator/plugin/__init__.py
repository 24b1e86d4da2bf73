"""``kubectl finetune``: the runner CLI's workflow as a kubectl plugin (docs/cli.md).

``flags`` turns the runner's flags into a FineTuneJob (pure), ``data`` checks and uploads
the input files, ``view`` draws ``status`` and ``list``, ``logs`` follows an attempt's
output, ``operator_config`` reads what the operator's config says (watched namespaces,
trainer image), and ``main`` wires them to the cluster and AWS.
"""
