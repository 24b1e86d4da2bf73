#!/usr/bin/env bash
# Installs (as root, with apt-get) the Debian packages the local bed needs and are missing:
# the Go toolchain and openssl for the control plane, the real node's runtime (pinned in
# hack/versions.env), and the image builders. Quick when everything is present, so every
# target that needs them runs it first: `make demo` and `make test` work on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=versions.env
source hack/versions.env

missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v go >/dev/null || missing+=(golang-go)
command -v ip >/dev/null || missing+=(iproute2)
# The static pause binary needs the C library's static archive as well as the compiler.
{ command -v cc && dpkg-query -W libc6-dev; } >/dev/null 2>&1 || missing+=(gcc libc6-dev)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
deb_version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || true; }
for pinned in "containerd=$CONTAINERD_DEB_VERSION" "runc=$RUNC_DEB_VERSION" \
  "containernetworking-plugins=$CNI_PLUGINS_DEB_VERSION"; do
  [ "$(deb_version "${pinned%%=*}")" = "${pinned#*=}" ] || missing+=("$pinned")
done
for tool in buildah:buildah debootstrap:debootstrap iptables:iptables conntrack:conntrack; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[system-packages] installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --allow-downgrades "${missing[@]}"
fi
