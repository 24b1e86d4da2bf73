#!/usr/bin/env bash
# Builds every test-bed binary from Go modules through the Go module proxy.
#
# Why a script and not `go install` everywhere: k8s.io/kubernetes and etcd's server
# module carry replace directives, so `go install pkg@version` refuses them. For those
# two we generate a tiny wrapper module that pins every replaced module to its
# published tag. The others (kwok, training-operator, kueue, helm, crictl, promtool) install directly;
# CoreDNS gets a wrapper main with the bed's plugins only. Kueue builds in the background, beside the
# others: it shares no binary with them and its module downloads overlap their compiles.
#
# Binaries land in $TESTBED_CACHE/bin/<name>-<version>; a binary that already exists
# for the pinned version is never rebuilt.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"

TESTBED_CACHE=${TESTBED_CACHE:-$HOME/.cache/finetune-operator}
bin=$TESTBED_CACHE/bin
export GOMODCACHE=${GOMODCACHE_OVERRIDE:-$TESTBED_CACHE/go/mod}
export GOCACHE=${GOCACHE:-$HOME/.cache/go-build}
export GOFLAGS=-mod=mod
export CGO_ENABLED=0
mkdir -p "$bin" "$TESTBED_CACHE/wrappers"

log() { printf '[build-testbed] %s\n' "$*" >&2; }

# Builds the Kubernetes control plane, the real node's kubelet and kube-proxy (and a matching kubectl)
# through a wrapper go.mod that replaces each staging module (listed at v0.0.0 in kubernetes' go.mod)
# with its published v0.X.Y tag.
build_kubernetes() {
  local want=("kube-apiserver" "kube-controller-manager" "kube-scheduler" "kubectl" "kubelet" "kube-proxy")
  local missing=()
  for c in "${want[@]}"; do [ -x "$bin/$c-$KUBERNETES_VERSION" ] || missing+=("$c"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "building ${missing[*]} $KUBERNETES_VERSION (first time: several minutes)"
  local staging_tag="v0.${KUBERNETES_VERSION#v1.}"
  local dir=$TESTBED_CACHE/wrappers/kubernetes-$KUBERNETES_VERSION
  mkdir -p "$dir"
  local gomod
  gomod=$(cd "$dir" && go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')
  {
    echo "module finetune-operator.local/testbed/kubernetes"
    echo
    echo "go 1.24"
    echo
    echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
    echo
    # Every module that kubernetes' own go.mod replaces with a local ./staging path.
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$gomod" | awk -v tag="$staging_tag" '{print "replace " $1 " => " $1 " " tag}'
  } > "$dir/go.mod"
  cat > "$dir/tools.go" <<'GO'
//go:build tools

// Package tools only anchors the control-plane commands in this wrapper module.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "k8s.io/kubernetes/cmd/kubelet"
	_ "k8s.io/kubernetes/cmd/kube-proxy"
)
GO
  (cd "$dir" && go mod tidy -e >/dev/null 2>&1 || true)
  (cd "$dir" && go mod download)
  # Stamp the version as Kubernetes' own build does (hack/lib/version.sh); without it the
  # API server reports v0.0.0-master and clients that check kubeVersion (Helm) refuse it.
  local minor=${KUBERNETES_VERSION#v1.}
  minor=${minor%%.*}
  local stamp="" pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    stamp+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    stamp+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  for c in "${missing[@]}"; do
    log "  go build $c"
    (cd "$dir" && go build -trimpath -ldflags "-s -w$stamp" -o "$bin/$c-$KUBERNETES_VERSION.tmp" "k8s.io/kubernetes/cmd/$c")
    mv "$bin/$c-$KUBERNETES_VERSION.tmp" "$bin/$c-$KUBERNETES_VERSION"
  done
}

# Builds $bin/<name>-<version> from a main package (read from stdin) in a generated wrapper module
# that requires <module>@<version>: for modules whose replace directives rule out `go install`, or
# whose command we build with fewer plugins.
build_wrapper_main() {
  local name=$1 version=$2 module=$3 ldflags=$4
  if [ -x "$bin/$name-$version" ]; then
    cat >/dev/null
    return 0
  fi
  log "building $name $version"
  local dir=$TESTBED_CACHE/wrappers/$name-$version
  mkdir -p "$dir"
  cat > "$dir/main.go"
  printf 'module finetune-operator.local/testbed/%s\n\ngo 1.22\n\nrequire %s %s\n' "$name" "$module" "$version" > "$dir/go.mod"
  (cd "$dir" && go mod tidy && go build -trimpath -ldflags "-s -w $ldflags" -o "$bin/$name-$version.tmp" .)
  mv "$bin/$name-$version.tmp" "$bin/$name-$version"
}

# etcd 3.5's server module has replace directives too; a wrapper main calls etcdmain.
build_etcd() {
  build_wrapper_main etcd "$ETCD_VERSION" go.etcd.io/etcd/server/v3 "" <<'GO'
// Command etcd runs the etcd server from the published go.etcd.io/etcd/server/v3 module.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
}

# CoreDNS with only the plugins the bed's Corefile uses (hack/testbed/node.py), the way CoreDNS documents
# custom builds: a main that imports coremain and the chosen plugins. All ~60 plugins would pull in
# every cloud SDK and triple the build time on two cores.
build_coredns() {
  build_wrapper_main coredns "$COREDNS_VERSION" github.com/coredns/coredns \
    "-X github.com/coredns/coredns/coremain.GitCommit=$COREDNS_VERSION" <<'GO'
// Command coredns runs CoreDNS with the plugins of the test bed's Corefile.
package main

import (
	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/forward"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/ready"

	"github.com/coredns/coredns/coremain"
)

func main() { coremain.Run() }
GO
}

# `go install pkg@version` into a temporary GOBIN, then rename with the version; a fourth
# argument is a comma-separated list of build tags.
go_install() {
  local name=$1 pkg=$2 version=$3 tags=${4:-}
  [ -x "$bin/$name-$version" ] && return 0
  log "go install $pkg@$version${tags:+ (tags $tags)}"
  local tmp
  tmp=$(mktemp -d)
  GOBIN=$tmp go install -trimpath -tags "$tags" -ldflags "-s -w" "$pkg@$version"
  mv "$tmp/$(basename "$pkg")" "$bin/$name-$version"
  rm -rf "$tmp"
}

# The PyTorchJob CRD ships inside the training-operator module.
copy_pytorchjob_crd() {
  local dest=$TESTBED_CACHE/crds/training-operator-$TRAINING_OPERATOR_VERSION
  [ -f "$dest/kubeflow.org_pytorchjobs.yaml" ] && return 0
  local moddir
  moddir=$(cd "$TESTBED_CACHE/wrappers" && go mod download -json "github.com/kubeflow/training-operator@$TRAINING_OPERATOR_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  mkdir -p "$dest"
  cp "$moddir/manifests/base/crds/kubeflow.org_pytorchjobs.yaml" "$dest/"
}

# The pause program of the pinned Kubernetes release (build/pause/linux/pause.c in its module), built
# static so that the CRI sandbox image needs nothing else (no registry.k8s.io/pause here).
build_pause() {
  [ -x "$bin/pause-$KUBERNETES_VERSION" ] && return 0
  log "building pause $KUBERNETES_VERSION"
  local moddir
  moddir=$(cd "$TESTBED_CACHE/wrappers" && go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  cc -Os -static -Wall -Werror -DVERSION="$KUBERNETES_VERSION" -o "$bin/pause-$KUBERNETES_VERSION.tmp" "$moddir/build/pause/linux/pause.c"
  mv "$bin/pause-$KUBERNETES_VERSION.tmp" "$bin/pause-$KUBERNETES_VERSION"
}

# Kueue's CRDs and webhook configurations ship inside its module (config/components/); the bed applies
# the CRDs and rewrites the webhooks' clientConfig to its own address (hack/testbed/kueue.py).
copy_kueue_manifests() {
  local dest=$TESTBED_CACHE/crds/kueue-$KUEUE_VERSION
  [ -f "$dest/webhooks.yaml" ] && return 0
  local moddir
  moddir=$(cd "$TESTBED_CACHE/wrappers" && go mod download -json "sigs.k8s.io/kueue@$KUEUE_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  mkdir -p "$dest.tmp"
  cp "$moddir"/config/components/crd/bases/kueue.x-k8s.io_*.yaml "$dest.tmp/"
  cp "$moddir/config/components/webhook/manifests.yaml" "$dest.tmp/webhooks.yaml"
  rm -rf "$dest"
  mv "$dest.tmp" "$dest"
}

build_kueue() {
  go_install kueue sigs.k8s.io/kueue/cmd/kueue "$KUEUE_VERSION"
  copy_kueue_manifests
}

background_pids=()
components=${*:-kueue kubernetes etcd kwok training-operator helm coredns crictl pause promtool registry}
for component in $components; do
  case $component in
    kueue)
      build_kueue &
      background_pids+=($!) ;;
    kubernetes) build_kubernetes ;;
    etcd) build_etcd ;;
    kwok)
      go_install kwok sigs.k8s.io/kwok/cmd/kwok "$KWOK_VERSION"
      go_install kwokctl sigs.k8s.io/kwok/cmd/kwokctl "$KWOK_VERSION" ;;
    training-operator)
      go_install training-operator github.com/kubeflow/training-operator/cmd/training-operator.v1 "$TRAINING_OPERATOR_VERSION"
      copy_pytorchjob_crd ;;
    helm) go_install helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION" ;;
    # The OCI registry spec.publish pushes to (hack/testbed/registry.py).
    registry) go_install registry github.com/distribution/distribution/v3/cmd/registry "$DISTRIBUTION_VERSION" ;;
    coredns) build_coredns ;;
    crictl) go_install crictl sigs.k8s.io/cri-tools/cmd/crictl "$CRI_TOOLS_VERSION" ;;
    # Not a bed component: the chart tests check the PrometheusRule with it (promtool check/test rules).
    # remove_all_sd leaves out Prometheus' service-discovery plugins (every cloud SDK), which
    # checking and testing rules never use: a fraction of the packages to compile.
    promtool) go_install promtool github.com/prometheus/prometheus/cmd/promtool "$PROMETHEUS_VERSION" remove_all_sd ;;
    pause) build_pause ;;
    *) echo "unknown component $component" >&2; exit 2 ;;
  esac
done
for pid in "${background_pids[@]}"; do wait "$pid"; done
log "all test-bed binaries present in $bin"
