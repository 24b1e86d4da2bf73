#!/usr/bin/env bash
# Builds the container images the bed's real node runs, without Docker and without a registry.
#
#   base          Debian bookworm (debootstrap from the Debian mirror) + Python 3: the local stand-in
#                 for the public python:3.11-slim-bookworm base that no registry here can serve
#   pause         the CRI sandbox image: Kubernetes' own pause program (built by build-testbed.sh)
#   init-pytorch  the training-operator's init container (sh, seq, nslookup): the base + bind9-dnsutils
#   operator      ./Dockerfile on the base
#   trainer-cpu   trainer-images/cpu/Dockerfile on the base
#
# The Dockerfiles are built by buildah (Debian's package; daemonless), each with its base passed as the
# BASE_IMAGE build ARG. Every image is tagged localhost/finetune-testbed/<name>:<key>, where <key>
# hashes what it is built from (hack/image_keys.py), and pushed uncompressed into one OCI layout,
# $TESTBED_CACHE/images/oci, from which hack/testbed/node.py imports it into the node's containerd. An image
# whose key is already in that layout is never rebuilt.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=versions.env
source "$here/versions.env"

TESTBED_CACHE=${TESTBED_CACHE:-$HOME/.cache/finetune-operator}
images=$TESTBED_CACHE/images
layout=$images/oci
bin=$TESTBED_CACHE/bin
mkdir -p "$images"
# One build at a time per machine (several checkouts share this cache): a push while another
# build prunes the layout could lose its index entry or its blobs.
exec 9>"$images/build.lock"
flock 9
work_root=$images/work
# debootstrap mounts /proc and /sys inside its target: never leave a mount or a half-built tree behind.
cleanup() {
  { grep -o " $work_root/[^ ]*" /proc/self/mounts || true; } | sort -r | xargs -r -n1 umount -l
  rm -rf "$work_root"
}
trap cleanup EXIT
cleanup

log() { printf '[build-images] %s\n' "$*" >&2; }

# buildah keeps its own storage under the cache (never /var/lib/containers) and runs RUN steps in a
# chroot on the host network: no CNI bridge, no iptables rule, no daemon.
bah() {
  buildah --root "$images/storage" --runroot "$images/run" --storage-driver overlay "$@"
}

declare -A key
eval "$(python3 "$here/image_keys.py" --shell)"

ref() { echo "localhost/finetune-testbed/$1:${key[$1]}"; }

in_layout() {
  [ -f "$layout/index.json" ] && python3 - "$layout/index.json" "$(ref "$1")" <<'PY'
import json, sys
names = {m.get("annotations", {}).get("org.opencontainers.image.ref.name") for m in json.load(open(sys.argv[1]))["manifests"]}
sys.exit(0 if sys.argv[2] in names else 1)
PY
}

# Uncompressed: gzip of the trainer's ~5 GB of layers would take minutes on two cores, and
# containerd unpacks them right away anyway.
publish() {
  bah push --quiet --disable-compression "$(ref "$1")" "oci:$layout:$(ref "$1")"
}

# A one-layer image from a root filesystem tarball.
image_from_tar() {
  local name=$1 tarball=$2
  shift 2
  local ctr
  ctr=$(bah from scratch)
  bah add --quiet "$ctr" "$tarball" /
  bah config "$@" "$ctr"
  bah commit --quiet --rm "$ctr" "$(ref "$name")" >/dev/null
}

build_base() {
  local work=$work_root/base
  mkdir -p "$work/rootfs"
  debootstrap --variant=minbase --include="$BASE_DEB_PACKAGES" bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; return 1; }
  # Like the public Python image, whose interpreter is not the distribution's: pip installs into it.
  rm -f "$work"/rootfs/usr/lib/python3.*/EXTERNALLY-MANAGED
  rm -rf "$work"/rootfs/var/lib/apt/lists/* "$work"/rootfs/var/cache/apt/*.bin "$work"/rootfs/var/cache/apt/archives/*.deb
  tar -C "$work/rootfs" --numeric-owner -cf "$work/rootfs.tar" .
  image_from_tar base "$work/rootfs.tar" --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 --cmd '["python3"]'
}

build_pause() {
  bash "$here/build-testbed.sh" pause  # a few seconds: no need to wait for the other Go builds
  local work=$work_root/pause
  mkdir -p "$work"
  install -m 0755 "$bin/pause-$KUBERNETES_VERSION" "$work/pause"
  tar -C "$work" --owner=0 --group=0 -cf "$work/rootfs.tar" pause
  image_from_tar pause "$work/rootfs.tar" --entrypoint '["/pause"]' --user 65535:65535
}

# The training-operator's init container runs `sh -c 'for i in $(seq N); do if nslookup <master>;
# then ... break'`. Debian's busybox nslookup exits 1 when any search domain answers NXDOMAIN, even
# when another resolved the name, so the loop never ends; bind9's nslookup stops at the first answer.
build_init_pytorch() {
  local ctr
  ctr=$(bah from --pull=false "$(ref base)")
  bah run --isolation chroot --network host \
    --volume /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro "$ctr" -- sh -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends $INIT_DEB_PACKAGES >/dev/null && rm -rf /var/lib/apt/lists/*"
  bah config --cmd '["sh"]' "$ctr"
  bah commit --quiet --rm "$ctr" "$(ref init-pytorch)" >/dev/null
}

build_dockerfile() {
  local name=$1 context=$2 dockerfile=$3
  shift 3
  # RUN steps see the host's CA bundle (bind-mounted, not copied into the image): where HTTPS
  # goes through an intercepting proxy, its CA is only there.
  bah build --quiet --isolation chroot --network host --layers --pull=false \
    --volume /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
    --build-arg "BASE_IMAGE=$(ref base)" "$@" -f "$dockerfile" -t "$(ref "$name")" "$context" >/dev/null
}

for name in ${*:-base pause init-pytorch operator trainer-cpu}; do
  if in_layout "$name"; then
    continue
  fi
  log "building $(ref "$name")"
  started=$SECONDS
  case $name in
    base) build_base ;;
    pause) build_pause ;;
    init-pytorch) build_init_pytorch ;;
    operator) build_dockerfile operator "$root" "$root/Dockerfile" ;;
    # download.pytorch.org (the CPU-only index) does not resolve here: torch comes from PyPI, the
    # CUDA build (about 3 GB more), the same wheel the project's virtualenv installs.
    trainer-cpu) build_dockerfile trainer-cpu "$root/trainer-images" "$root/trainer-images/cpu/Dockerfile" \
      --build-arg TORCH_INDEX_URL=https://pypi.org/simple ;;
  esac
  publish "$name"
  cleanup
  log "  $name built in $((SECONDS - started))s"
done
# Bound the cache (hack/prune_images.py): the refs no longer in the layout leave buildah's storage
# too. `rmi` keeps the layers the kept images still stand on (the torch layer), so no rebuild follows.
current=()
for name in base pause init-pytorch operator trainer-cpu; do current+=("$(ref "$name")"); done
python3 "$here/prune_images.py" "$layout" "${current[@]}" | while read -r pruned; do log "pruned $pruned"; done
python3 "$here/prune_images.py" --listed "$layout" >"$images/listed"
# (grep exits 1 when it selects nothing: no stray is no error)
strays=$(bah images --format '{{.Name}}:{{.Tag}}' | { grep '^localhost/finetune-testbed/' || true; } |
  { grep -vxFf "$images/listed" || true; })
for stray in $strays; do bah rmi "$stray" >/dev/null 2>&1 || true; done
log "all images present in $layout"
