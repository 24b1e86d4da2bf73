"""Kubeconfigs that authenticate with a ServiceAccount token, for tests that act as a workload."""

from __future__ import annotations

from pathlib import Path

import yaml


def token_kubeconfig(api_client, token: str, path: Path) -> str:
    """Write a kubeconfig for the bed's API server that uses only ``token``; return its path."""
    configuration = api_client.configuration
    path.write_text(
        yaml.safe_dump(
            {
                "apiVersion": "v1",
                "kind": "Config",
                "clusters": [
                    {
                        "name": "bed",
                        "cluster": {
                            "server": configuration.host,
                            "certificate-authority": configuration.ssl_ca_cert,
                        },
                    }
                ],
                "users": [{"name": "workload", "user": {"token": token}}],
                "contexts": [{"name": "workload", "context": {"cluster": "bed", "user": "workload"}}],
                "current-context": "workload",
            }
        )
    )
    return str(path)
