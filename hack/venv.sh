#!/usr/bin/env bash
# Creates (once) the project's virtualenv under ~/.cache and links it at ./.venv.
#
# The venv's folder name is a hash of every file that pins a Python dependency, so a
# warm machine reuses it as is, and a changed pin renames the newest venv and lets pip
# install only what changed (a package no longer pinned stays installed until
# ~/.cache/finetune-operator/venvs is deleted). torch alone is about 3 GB, which is why
# this lives in ~/.cache and not in the checkout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cache=${TESTBED_CACHE:-$HOME/.cache/finetune-operator}
python=${PYTHON:-python3}
# Only the dependency lists matter: editing tool settings in a pyproject must not rebuild.
key=$("$python" - <<'PY' | sha256sum | cut -c1-16
import tomllib
for path in ("pyproject.toml", "trainer-images/trainer/pyproject.toml"):
    project = tomllib.load(open(path, "rb"))["project"]
    print(path, project["dependencies"], project.get("optional-dependencies"), project["requires-python"])
PY
)
venv=$cache/venvs/py-$key
# The newest complete venv of other pins, if any: a changed pin updates it in place rather than
# downloading torch and everything else again (minutes, 5.7 GB). Checkouts at different pins on
# one machine so share one venv, which follows the last checkout that ran `make`. On a cold
# machine there is none: ls finds nothing (exit 2), which must not end the script under pipefail.
previous=$( (ls -1td "$cache"/venvs/py-*/.complete 2>/dev/null || true) | head -1 | xargs -r dirname)
if [ ! -f "$venv/.complete" ] && [ -n "$previous" ]; then
  echo "[venv] pins changed: updating $previous in place as $venv" >&2
  rm -rf "$venv"
  mv "$previous" "$venv"
  rm -f "$venv/.complete"
  # A venv writes its own path into its scripts' shebangs and activate scripts: point them here.
  grep -rlI --null -F "$previous" "$venv/bin" "$venv/pyvenv.cfg" | xargs -0 -r sed -i "s#$previous#$venv#g"
  "$venv/bin/python" -m pip install --quiet -e ".[dev]" -e "trainer-images/trainer" -e "trainer-images/contract"
  touch "$venv/.complete"
elif [ ! -f "$venv/.complete" ]; then
  echo "[venv] creating $venv (first time: several minutes, torch is large)" >&2
  rm -rf "$venv"
  mkdir -p "$cache/venvs"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip setuptools wheel
  # The contract package (standard library only) is what the operator and the trainer share.
  "$venv/bin/pip" install --quiet -e ".[dev]" -e "trainer-images/trainer" -e "trainer-images/contract"
  touch "$venv/.complete"
else
  # Editable installs point at this checkout; re-link them if the checkout moved.
  if ! "$venv/bin/python" -c 'import finetune_operator, finetune_trainer, sys; import os; sys.exit(0 if os.path.realpath(finetune_operator.__file__).startswith(os.path.realpath("operator")) else 1)' 2>/dev/null; then
    "$venv/bin/pip" install --quiet --no-deps -e . -e "trainer-images/trainer"
  fi
  # A venv made before the contract package existed gets it here: it has no dependencies and builds
  # with the venv's own setuptools, so no rebuild and no download.
  if ! env -u PYTHONPATH "$venv/bin/python" -c 'import finetune_contract' 2>/dev/null; then
    "$venv/bin/pip" install --quiet --no-deps --no-build-isolation -e "trainer-images/contract"
  fi
fi
ln -sfn "$venv" .venv
echo "[venv] ready: .venv -> $venv" >&2
