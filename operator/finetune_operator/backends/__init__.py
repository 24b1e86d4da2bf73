"""Training backends: where FineTuneJob attempts run (see backends.base)."""
