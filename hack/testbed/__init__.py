"""The local Kubernetes test bed: a real control plane, kwok nodes, one real CPU node, the
Kubeflow training-operator and Kueue.

Why our own supervisor: there is no Docker engine here, so kind/k3d are out, and every
component runs as a plain local process built from Go modules (see hack/build-testbed.sh).
This package owns their lifecycle, one module per concern:

- `layout`: where everything lives (state directory, cached binaries, network ranges);
- `pki`: the CA, the components' certificates and kubeconfigs;
- `processes`: starting, waiting for and stopping the components, and the bed's kubectl;
- `kwok_cluster`: the simulated HyperPod cluster (kwok nodes, the FSx PV per namespace);
- `node`: the real node (containerd, kubelet, CNI bridge, kube-proxy, CoreDNS);
- `kueue`: Kueue (HyperPod task governance): its configuration, webhooks and team queues;
- `lifecycle`: `up`, `down` and `status`, in start order;
- `cli`: the command line, also run as `python3 -m hack.testbed`.

It only uses the standard library, `openssl` and the bed's own kubectl, so `make cluster-up`
(and `make cluster-down` in CI's exit trap) works with the system Python before the virtualenv
exists. Run it from the repository's root, where `hack` is importable:

    python3 -m hack.testbed up | down | status | kubeconfig
"""
