"""The operator's Kubernetes API clients."""

from __future__ import annotations

from kubernetes import client, config

from finetune_operator import __version__


def new_api_client(concurrency: int) -> client.ApiClient:
    """An ApiClient for the cluster the operator runs in (or the current kubeconfig's),
    whose connection pool serves `concurrency` threads at once.

    The credentials are loaded here, like kopf loads its own, so the client can be built
    before kopf has logged in. The client's default pool holds 5 connections per CPU; with
    more reconcile threads than that, urllib3 opens and discards extra connections,
    paying a TLS handshake on both sides for each request, which is what limits
    throughput under load.
    """
    configuration = client.Configuration()
    try:
        config.load_incluster_config(client_configuration=configuration)
    except config.ConfigException:
        config.load_kube_config(client_configuration=configuration)
    configuration.connection_pool_maxsize = concurrency
    api_client = client.ApiClient(configuration)
    # Names the operator in managedFields and audit logs (instead of "OpenAPI-Generator").
    api_client.user_agent = f"finetune-operator/{__version__}"
    return api_client
