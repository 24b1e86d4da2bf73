"""FineTuneSweep: hyperparameter search over FineTuneJobs (docs/api.md, "FineTuneSweep").

``space`` (parameters: checks and search distributions), ``trials`` (a trial's FineTuneJob and
what the sweep reads back from it), ``search`` (Optuna, rebuilt from the trials at every look)
and ``plan`` (the pure decision) are the functional core; ``controller`` is the shell that reads
and writes the API server.
"""
