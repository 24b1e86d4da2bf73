"""The bed's PKI: a CA, serving and client certificates per component, the service-account key
pair, and the kubeconfigs that use them (all made with `openssl`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from hack.testbed.layout import Layout
from hack.testbed.node import NODE_GATEWAY, NODE_NAME


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


# Bump when the set of certificates changes: a bed with an older PKI regenerates it.
PKI_VERSION = "3-kueue"


def ensure_pki(lay: Layout) -> None:
    """A CA, the API server's serving cert, client certs per component, and the SA key pair.

    Each component gets its own client identity (system:kube-controller-manager, ...) so
    that RBAC is exercised exactly as in a real cluster; only the admin is system:masters.
    The kubelet is system:node:<name> (the Node authorizer), kube-proxy system:kube-proxy
    (bound to system:node-proxier by default), CoreDNS system:coredns (bound by the bed).
    """
    pki = lay.pki
    marker = pki / "complete"
    if marker.exists() and marker.read_text().strip() == PKI_VERSION:
        return
    shutil.rmtree(pki, ignore_errors=True)
    pki.mkdir(parents=True)
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "3650",
        "-subj",
        "/CN=finetune-testbed-ca",
        cwd=pki,
    )
    (pki / "apiserver.ext").write_text(
        f"subjectAltName=IP:127.0.0.1,IP:10.96.0.1,IP:{NODE_GATEWAY},DNS:localhost,DNS:kubernetes,"
        "DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\n"
        "extendedKeyUsage=serverAuth\n"
    )
    (pki / "kubelet-serving.ext").write_text(
        f"subjectAltName=IP:{NODE_GATEWAY},DNS:{NODE_NAME}\nextendedKeyUsage=serverAuth\n"
    )
    # Kueue's webhook server, which the API server calls at 127.0.0.1 (hack/testbed/kueue.py).
    (pki / "kueue-serving.ext").write_text("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    (pki / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    certs = {
        "apiserver": ("/CN=kube-apiserver", "apiserver.ext"),
        "admin": ("/O=system:masters/CN=finetune-testbed-admin", "client.ext"),
        "controller-manager": ("/CN=system:kube-controller-manager", "client.ext"),
        "scheduler": ("/CN=system:kube-scheduler", "client.ext"),
        # kwok plays every kubelet; the admin group keeps it simple and it is test-only.
        "kwok": ("/O=system:masters/CN=kwok-controller", "client.ext"),
        # training-operator runs out of cluster; its in-cluster RBAC would be a ClusterRole.
        "training-operator": ("/O=system:masters/CN=training-operator", "client.ext"),
        # Kueue runs out of cluster too; in-cluster its ClusterRole is as wide (every job kind).
        "kueue": ("/O=system:masters/CN=kueue", "client.ext"),
        "kueue-serving": ("/CN=kueue-webhook", "kueue-serving.ext"),
        "kubelet": (f"/O=system:nodes/CN=system:node:{NODE_NAME}", "client.ext"),
        "kubelet-serving": (f"/CN={NODE_NAME}", "kubelet-serving.ext"),
        # The API server's identity towards the kubelet (logs, exec); kubeadm's is cluster-admin too.
        "apiserver-kubelet-client": ("/O=system:masters/CN=kube-apiserver-kubelet-client", "client.ext"),
        "kube-proxy": ("/CN=system:kube-proxy", "client.ext"),
        "coredns": ("/CN=system:coredns", "client.ext"),
    }
    for name, (subject, ext) in certs.items():
        openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            f"{name}.key",
            "-out",
            f"{name}.csr",
            "-subj",
            subject,
            cwd=pki,
        )
        openssl(
            "x509",
            "-req",
            "-in",
            f"{name}.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            f"{name}.crt",
            "-days",
            "3650",
            "-extfile",
            ext,
            cwd=pki,
        )
    openssl("genrsa", "-out", "sa.key", "2048", cwd=pki)
    openssl("rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub", cwd=pki)
    marker.write_text(PKI_VERSION + "\n")


def write_kubeconfig(path: Path, server: str, pki: Path, identity: str) -> None:
    """A kubeconfig with file references (not inline data), readable by kubectl and clients."""
    path.write_text(
        f"""apiVersion: v1
kind: Config
clusters:
- name: finetune-testbed
  cluster:
    server: {server}
    certificate-authority: {pki / "ca.crt"}
users:
- name: {identity}
  user:
    client-certificate: {pki / f"{identity}.crt"}
    client-key: {pki / f"{identity}.key"}
contexts:
- name: finetune-testbed
  context: {{cluster: finetune-testbed, user: {identity}}}
current-context: finetune-testbed
"""
    )
