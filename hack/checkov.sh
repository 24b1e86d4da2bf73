#!/usr/bin/env bash
# Scans the chart as Helm renders it with checkov's Kubernetes checks (`make lint`).
#
# Every check must pass, or be skipped in the chart itself with a one-line reason
# (`checkov.io/skipN: CKV_K8S_xx=reason` annotations), so the reasons are reviewed with the
# templates. The chart is rendered twice: with its defaults, and with every optional hardening
# on (image.digest, networkPolicy.enabled), where the skips that stand for those options go.
#
# checkov lives in a virtualenv of its own, keyed by its pinned version, under ~/.cache: it
# pins dozens of libraries (boto3, pydantic, ...) that would fight the project's own pins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=versions.env
source hack/versions.env
cache=${TESTBED_CACHE:-$HOME/.cache/finetune-operator}
python=${PYTHON:-python3}
tool=$cache/tools/checkov-$CHECKOV_VERSION
if [ ! -f "$tool/.complete" ]; then
  echo "[checkov] installing checkov $CHECKOV_VERSION into $tool (first time: a minute or two)" >&2
  rm -rf "$tool"
  mkdir -p "$cache/tools"
  "$python" -m venv "$tool"
  "$tool/bin/pip" install --quiet --upgrade pip
  "$tool/bin/pip" install --quiet "checkov==$CHECKOV_VERSION"
  touch "$tool/.complete"
fi
helm=$cache/bin/helm-$HELM_VERSION
[ -x "$helm" ] || { echo "[checkov] $helm is missing: run \`make testbed-binaries\`" >&2; exit 1; }

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
# A digest of the right form: checkov checks that one is used, Helm only writes it out.
hardened="image.digest=sha256:$(printf '0%.0s' {1..64}),networkPolicy.enabled=true"
for variant in defaults hardened; do
  mkdir "$rendered/$variant"
  set_values=()
  [ "$variant" = hardened ] && set_values=(--set "$hardened")
  # Helm's stderr is shown only on failure: it notes the symlinked files/ (crds/ and the
  # recipes) on every render, which is intended.
  if ! "$helm" template finetune-operator charts/finetune-operator --namespace finetune-system \
    --kube-version 1.33.0 "${set_values[@]}" 2>"$rendered/helm.err" >"$rendered/$variant/chart.yaml"; then
    cat "$rendered/helm.err" >&2
    exit 1
  fi
  echo "[checkov] the chart rendered with: $variant" >&2
  # --skip-download: no Prisma Cloud look-ups; every check is built into checkov.
  "$tool/bin/checkov" --directory "$rendered/$variant" --framework kubernetes --skip-download \
    --quiet --compact
done
