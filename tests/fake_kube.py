"""An in-memory Kubernetes API server behind the kubernetes client's HTTP pool.

Unit tests of the reconcile loop hand the Reconciler a real ``kubernetes.client.ApiClient``
whose urllib3 pool manager is a :class:`FakeKube`: every request the operator makes goes
through the client's real serialisation and error handling, and is answered here with
the API server's semantics that the loop relies on: create with 409 AlreadyExists,
merge patches guarded by ``metadata.resourceVersion`` (409 Conflict), the status
subresource, label-selected lists, uids and resourceVersions.
"""

from __future__ import annotations

import copy
import io
import json
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import urllib3
from kubernetes import client

Hook = Callable[["FakeKube", str, str], None]


class FakeKube:
    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        """Stored objects by path, e.g. ``/apis/kubeflow.org/v1/namespaces/n/pytorchjobs/j-a1``."""
        self.requests: list[tuple[str, str]] = []
        """(method, path) of every request, in order."""
        self.failures: dict[tuple[str, str], int] = {}
        """(method, path) -> HTTP status to answer once instead of handling the request."""
        self.before: list[Hook] = []
        """Called with (fake, method, path) before each request is handled: concurrent writers."""
        self._version = 0

    def api_client(self) -> client.ApiClient:
        configuration = client.Configuration()
        configuration.host = "http://fake-kube"
        api = client.ApiClient(configuration)
        api.rest_client.pool_manager = self
        return api

    # --- what tests use --------------------------------------------------------------

    def add(self, collection: str, document: dict[str, Any]) -> dict[str, Any]:
        """Store ``document`` in ``collection`` (e.g. ``/apis/g/v/namespaces/n/plural``) as created."""
        status, stored = self._create(collection, copy.deepcopy(document))
        assert status == 201, stored
        return stored

    def get(self, path: str) -> dict[str, Any] | None:
        return self.objects.get(path)

    def under(self, collection: str) -> list[dict[str, Any]]:
        prefix = collection.rstrip("/") + "/"
        return [
            obj
            for path, obj in self.objects.items()
            if path.startswith(prefix) and "/" not in path[len(prefix) :]
        ]

    def write(self, path: str, patch: dict[str, Any]) -> None:
        """Someone else's merge patch of the object and its status (a trainer's progress
        report, a controller's status)."""
        merged = _merge(copy.deepcopy(self.objects[path]), patch)
        merged["metadata"]["resourceVersion"] = self._next_version()
        self.objects[path] = merged

    def count(self, method: str, path_prefix: str = "") -> int:
        return sum(1 for m, p in self.requests if m == method and p.startswith(path_prefix))

    # --- urllib3's PoolManager.request ------------------------------------------------

    def request(
        self, method: str, url: str, fields: Any = None, body: Any = None, **_: Any
    ) -> urllib3.HTTPResponse:
        parsed = urlparse(url)
        path = parsed.path
        query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        query.update(dict(fields or []))
        self.requests.append((method, path))
        for hook in list(self.before):
            hook(self, method, path)
        failure = self.failures.pop((method, path), None)
        if failure is not None:
            status, answer = failure, _status(failure, "Injected", f"injected {failure}")
        else:
            status, answer = self._handle(method, path, query, json.loads(body) if body else None)
        return urllib3.HTTPResponse(
            body=io.BytesIO(json.dumps(answer).encode()),
            status=status,
            reason=answer.get("reason", "OK") if status >= 300 else "OK",
            headers={"Content-Type": "application/json"},
            preload_content=False,
        )

    def _handle(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        parts = path.strip("/").split("/")
        # /api/v1/namespaces/ns/plural[/name[/sub]] or /apis/g/v/namespaces/ns/plural[/name[/sub]]
        collection_length = 5 if parts[0] == "api" else 6
        if len(parts) == collection_length:
            collection = path
            if method == "POST":
                return self._create(collection, body)
            if method == "GET":
                return 200, {"kind": "List", "items": self._select(collection, query.get("labelSelector"))}
        else:
            object_path = "/" + "/".join(parts[: collection_length + 1])
            subresource = parts[collection_length + 1] if len(parts) > collection_length + 1 else None
            if method == "GET":
                found = self.objects.get(object_path)
                return (200, found) if found else (404, _status(404, "NotFound", f"{object_path} not found"))
            if method == "PATCH":
                return self._patch(object_path, body, subresource)
            if method == "DELETE":
                if self.objects.pop(object_path, None) is None:
                    return 404, _status(404, "NotFound", f"{object_path} not found")
                return 200, _status(200, "Success", "deleted")
        return 405, _status(405, "MethodNotAllowed", f"{method} {path}")

    def _create(self, collection: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        meta = body.setdefault("metadata", {})
        path = f"{collection.rstrip('/')}/{meta['name']}"
        if path in self.objects:
            return 409, _status(409, "AlreadyExists", f"{path} already exists")
        meta.setdefault("uid", str(uuid.uuid4()))
        meta.setdefault("generation", 1)
        meta["namespace"] = collection.split("/namespaces/")[1].split("/")[0]
        meta["resourceVersion"] = self._next_version()
        self.objects[path] = body
        return 201, copy.deepcopy(body)

    def _patch(self, path: str, patch: dict[str, Any], subresource: str | None) -> tuple[int, dict[str, Any]]:
        stored = self.objects.get(path)
        if stored is None:
            return 404, _status(404, "NotFound", f"{path} not found")
        expected = (patch.get("metadata") or {}).get("resourceVersion")
        if expected is not None and expected != stored["metadata"]["resourceVersion"]:
            return 409, _status(409, "Conflict", "the object has been modified")
        if subresource == "status":
            patch = {"status": patch.get("status") or {}}
        else:
            patch = {k: v for k, v in patch.items() if k != "status"}
            meta = dict(patch.get("metadata") or {})
            meta.pop("resourceVersion", None)
            patch["metadata"] = meta
        merged = _merge(copy.deepcopy(stored), patch)
        merged["metadata"]["resourceVersion"] = self._next_version()
        self.objects[path] = merged
        return 200, copy.deepcopy(merged)

    def _select(self, collection: str, selector: str | None) -> list[dict[str, Any]]:
        wanted = dict(pair.split("=", 1) for pair in selector.split(",")) if selector else {}
        return [
            copy.deepcopy(obj)
            for obj in self.under(collection)
            if all((obj["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
        ]

    def _next_version(self) -> str:
        self._version += 1
        return str(self._version)


def _merge(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    if not isinstance(target, dict):
        target = {}
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = _merge(target.get(key), value)
    return target


def _status(code: int, reason: str, message: str) -> dict[str, Any]:
    return {"kind": "Status", "apiVersion": "v1", "code": code, "reason": reason, "message": message}
