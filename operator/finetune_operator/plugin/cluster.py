"""The plugin's calls to the Kubernetes API, with API errors turned into readable messages."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from kubernetes import client, config
from kubernetes.client.exceptions import ApiException
from pydantic import ValidationError

from finetune_operator.api.recipe import Recipe, RecipeKind
from finetune_operator.naming import GROUP, LABEL_RECIPE_FOR_JOB, VERSION
from finetune_operator.plugin.data import image_pull_message, pod_state

FIELD_MANAGER = "kubectl-finetune"
PLURALS = {"FineTuneJob": "finetunejobs", "FineTuneRecipe": "finetunerecipes"}
POD_TIMEOUT_S = 600.0
"""How long the upload pod may take to start, and then to receive and check the file."""
UPLOAD_CHUNK_BYTES = 1 << 16
ERROR_CHANNEL = 3


class ClusterError(Exception):
    """The API server refused a request; the message is the server's."""


class Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt is for SIGINT, so that ``finally`` blocks clean up."""


@contextmanager
def signals_raise() -> Iterator[None]:
    """Within, SIGTERM raises Terminated and SIGINT KeyboardInterrupt (whatever handlers were
    set), so the ``finally`` of what runs inside (deleting the upload pod) runs on either."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can be set from the main thread only
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    previous = {
        sig: signal.signal(sig, handler)
        for sig, handler in ((signal.SIGTERM, terminate), (signal.SIGINT, signal.default_int_handler))
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def api_message(err: ApiException) -> str:
    try:
        return str(json.loads(err.body or "{}").get("message") or err.reason)
    except (ValueError, AttributeError):
        return str(err.reason)


class Cluster:
    def __init__(self, api: client.ApiClient, default_namespace: str) -> None:
        self.api = api
        self.default_namespace = default_namespace
        self.custom = client.CustomObjectsApi(api)
        self.core = client.CoreV1Api(api)

    @classmethod
    def connect(cls, kubeconfig: str | None) -> Cluster:
        try:
            api = config.new_client_from_config(config_file=kubeconfig)
            _, active = config.list_kube_config_contexts(config_file=kubeconfig)
        except (config.ConfigException, OSError) as err:
            raise ClusterError(f"cannot load the kubeconfig: {err}") from None
        namespace = ((active or {}).get("context") or {}).get("namespace") or "default"
        return cls(api, namespace)

    def get(self, namespace: str, name: str) -> dict[str, Any]:
        try:
            return dict(
                self.custom.get_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs", name)
            )
        except ApiException as err:
            if err.status == 404:
                raise ClusterError(f"finetunejob {name!r} not found in namespace {namespace!r}") from None
            raise ClusterError(api_message(err)) from None

    def jobs(self, namespace: str | None) -> list[dict[str, Any]]:
        """The jobs of ``namespace`` (None: of every namespace), by namespace and name."""
        try:
            if namespace is None:
                listing = self.custom.list_cluster_custom_object(GROUP, VERSION, "finetunejobs")
            else:
                listing = self.custom.list_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs")
        except ApiException as err:
            raise ClusterError(api_message(err)) from None
        return sorted(
            listing["items"], key=lambda j: (j["metadata"].get("namespace", ""), j["metadata"]["name"])
        )

    def sweep(self, namespace: str, name: str) -> dict[str, Any]:
        try:
            return dict(
                self.custom.get_namespaced_custom_object(GROUP, VERSION, namespace, "finetunesweeps", name)
            )
        except ApiException as err:
            if err.status == 404:
                raise ClusterError(f"finetunesweep {name!r} not found in namespace {namespace!r}") from None
            raise ClusterError(api_message(err)) from None

    def sweeps(self, namespace: str) -> list[dict[str, Any]]:
        try:
            listing = self.custom.list_namespaced_custom_object(GROUP, VERSION, namespace, "finetunesweeps")
        except ApiException as err:
            raise ClusterError(api_message(err)) from None
        return sorted(listing["items"], key=lambda s: s["metadata"]["name"])

    def create_sweep(self, document: dict[str, Any]) -> dict[str, Any]:
        meta = document["metadata"]
        try:
            return dict(
                self.custom.create_namespaced_custom_object(
                    GROUP, VERSION, meta["namespace"], "finetunesweeps", document, field_manager=FIELD_MANAGER
                )
            )
        except ApiException as err:
            raise ClusterError(f"FineTuneSweep {meta['name']}: {api_message(err)}") from None

    def recipes(self, namespace: str) -> list[Recipe]:
        """The recipes the operator sees for a job in ``namespace``; invalid ones skipped, as it does."""
        found: list[Recipe] = []
        try:
            cluster_wide = self.custom.list_cluster_custom_object(GROUP, VERSION, "clusterfinetunerecipes")[
                "items"
            ]
            local = self.custom.list_namespaced_custom_object(GROUP, VERSION, namespace, "finetunerecipes")[
                "items"
            ]
        except ApiException as err:
            raise ClusterError(f"cannot list recipes: {api_message(err)}") from None
        for kind, items in (
            (RecipeKind.CLUSTER_FINE_TUNE_RECIPE, cluster_wide),
            (RecipeKind.FINE_TUNE_RECIPE, local),
        ):
            for item in items:
                try:
                    found.append(Recipe.model_validate({**item, "kind": kind.value}))
                except ValidationError:
                    continue
        return found

    def config_maps(self, namespace: str, names: list[str]) -> dict[str, dict[str, str]]:
        """The data of the named ConfigMaps of ``namespace`` that exist (the operator gets the
        ones a job names and lists none)."""
        found: dict[str, dict[str, str]] = {}
        for name in names:
            try:
                found[name] = dict(self.core.read_namespaced_config_map(name, namespace).data or {})
            except ApiException as err:
                if err.status != 404:
                    raise ClusterError(f"ConfigMap {namespace}/{name}: {api_message(err)}") from None
        return found

    def write(self, document: dict[str, Any], dry_run: bool) -> dict[str, Any]:
        """Creates a FineTuneJob (one of the same name already there is an error, as the runner's
        is); applies a FineTuneRecipe (server-side apply: the same job submitted again after an
        edit of its recipe file updates it). ``dry_run`` has the API server validate without
        storing. Returns a created job as the API server stored it (with its uid), a recipe as
        sent (the client reads no body from an apply)."""
        meta = document["metadata"]
        args = (GROUP, VERSION, meta["namespace"], PLURALS[document["kind"]])
        options: dict[str, Any] = {"field_manager": FIELD_MANAGER, "dry_run": "All" if dry_run else None}
        try:
            if document["kind"] == "FineTuneJob":
                return dict(self.custom.create_namespaced_custom_object(*args, document, **options))
            self.custom.patch_namespaced_custom_object(
                *args,
                meta["name"],
                document,
                force=True,
                _content_type="application/apply-patch+yaml",
                **options,
            )
            return document
        except ApiException as err:
            raise ClusterError(f"{document['kind']} {meta['name']}: {api_message(err)}") from None

    def check_job_recipe_name(self, namespace: str, job_name: str) -> None:
        """The job's own recipe takes the job's name: refuse to overwrite a FineTuneRecipe of that
        name unless it was made for a job of this name (left by an earlier submit)."""
        try:
            found = self.custom.get_namespaced_custom_object(
                GROUP, VERSION, namespace, "finetunerecipes", job_name
            )
        except ApiException as err:
            if err.status == 404:
                return
            raise ClusterError(f"FineTuneRecipe {job_name}: {api_message(err)}") from None
        if ((found.get("metadata") or {}).get("labels") or {}).get(LABEL_RECIPE_FOR_JOB) != job_name:
            raise ClusterError(
                f"FineTuneRecipe {job_name} already exists in namespace {namespace} and is not the recipe "
                f"of a job {job_name} (label {LABEL_RECIPE_FOR_JOB}): --recipe-yaml creates the job's own "
                "recipe under the job's name; choose another --job-name"
            )

    def set_suspend(self, namespace: str, name: str, suspend: bool) -> None:
        self.get(namespace, name)
        try:
            self.custom.patch_namespaced_custom_object(
                GROUP,
                VERSION,
                namespace,
                "finetunejobs",
                name,
                {"spec": {"suspend": suspend}},
                field_manager=FIELD_MANAGER,
            )
        except ApiException as err:
            raise ClusterError(api_message(err)) from None

    def delete(self, namespace: str, name: str) -> None:
        try:
            self.custom.delete_namespaced_custom_object(GROUP, VERSION, namespace, "finetunejobs", name)
        except ApiException as err:
            if err.status == 404:
                raise ClusterError(f"finetunejob {name!r} not found in namespace {namespace!r}") from None
            raise ClusterError(api_message(err)) from None

    def copy_through_pod(
        self, pod: dict[str, Any], source: Path, report: Callable[[str], None], verbose: bool = False
    ) -> None:
        """Runs ``pod``, writes ``source`` to its stdin, waits for it to succeed, and always deletes
        it: also when the plugin is interrupted (SIGINT) or terminated (SIGTERM). ``report`` gets a
        line whenever what the pod waits for changes (with ``verbose``, the kubelet's or the
        scheduler's message too); an image the nodes cannot pull ends the upload at once."""
        namespace, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        with signals_raise():
            try:
                self.core.create_namespaced_pod(namespace, pod)
            except ApiException as err:
                raise ClusterError(f"upload pod {name}: {api_message(err)}") from None
            try:
                self._wait_pod(
                    namespace, name, ("Running", "Succeeded", "Failed"), "to start", report, verbose
                )
                failure = self._send_file(name, namespace, source)
                if failure:
                    raise ClusterError(f"upload pod {name}: cannot copy {source} into it: {failure}")
                phase = self._wait_pod(
                    namespace, name, ("Succeeded", "Failed"), "to finish the copy", report, verbose
                )
                if phase != "Succeeded":
                    raise ClusterError(
                        f"upload pod {name} failed copying {source}: {self._log(namespace, name)}"
                    )
            finally:
                try:
                    self.core.delete_namespaced_pod(name, namespace, grace_period_seconds=0)
                except ApiException as err:
                    if err.status != 404:
                        raise

    def _send_file(self, name: str, namespace: str, source: Path) -> str | None:
        """Writes ``source`` to the pod's stdin; returns why the API server refused, if it did.

        The server reports a failed attach (e.g. an unreachable kubelet) on the error channel,
        possibly after accepting the connection; a pod that already read its bytes and exited
        reports Success there.
        """
        from kubernetes.stream import stream
        from websocket import WebSocketException

        try:
            attached = stream(
                self.core.connect_get_namespaced_pod_attach,
                name,
                namespace,
                container="upload",
                stdin=True,
                stdout=True,
                stderr=True,
                tty=False,
                _preload_content=False,
            )
        except (ApiException, WebSocketException, OSError) as err:
            return str(err)
        error = ""
        try:
            with source.open("rb") as handle:
                for chunk in iter(lambda: handle.read(UPLOAD_CHUNK_BYTES), b""):
                    attached.write_stdin(chunk)
            # The stream ends when the pod's command exits, with its status on the error channel.
            deadline = time.monotonic() + POD_TIMEOUT_S
            while attached.is_open() and not error and time.monotonic() < deadline:
                attached.update(timeout=1)
                error = attached.peek_channel(ERROR_CHANNEL)
        except (WebSocketException, OSError) as err:
            error = error or str(err)
        finally:
            attached.close()
        if not error:
            return None
        try:
            status = json.loads(error)
        except ValueError:
            return error
        return None if status.get("status") == "Success" else str(status.get("message") or error)

    def _wait_pod(
        self,
        namespace: str,
        name: str,
        phases: tuple[str, ...],
        what: str,
        report: Callable[[str], None],
        verbose: bool,
    ) -> str:
        return self.wait_pod(
            namespace, name, phases, f"upload pod {name}", what, report, verbose, "--upload-image"
        )

    def wait_pod(
        self,
        namespace: str,
        name: str,
        phases: tuple[str, ...],
        label: str,
        what: str,
        report: Callable[[str], None],
        verbose: bool,
        image_flag: str,
    ) -> str:
        """Waits until pod ``name`` reaches one of ``phases`` (returned), reporting each change of
        what it waits for as ``"<label>: <phase (reason)>, waiting <what>"`` (with ``verbose``,
        the kubelet's or scheduler's message too). An image the nodes cannot pull, or a container
        the kubelet cannot create, ends the wait at once: ``image_flag`` chooses another image."""
        deadline = time.monotonic() + POD_TIMEOUT_S
        shown = ""
        while True:
            pod = self.api.sanitize_for_serialization(self.core.read_namespaced_pod(name, namespace))
            state = pod_state(pod)
            if state.phase in phases:
                return state.phase
            if state.image_pull_failed:
                raise ClusterError(image_pull_message(label, state, image_flag))
            if state.cannot_start:
                raise ClusterError(f"{label} cannot start: {state.reason}: {state.message}")
            line = f"{label}: {state.summary}, waiting {what}"
            if verbose and state.message:
                line += f": {state.message}"
            if line != shown:
                report(line)
                shown = line
            if time.monotonic() > deadline:
                why = f": {state.message}" if state.message else ""
                raise ClusterError(
                    f"{label} still {state.summary} after {POD_TIMEOUT_S:.0f}s waiting {what}{why}"
                )
            time.sleep(1.0)

    def start_pod(self, pod: dict[str, Any]) -> bool:
        """Creates ``pod``, or reuses one of its name that is Pending or Running (one left by
        another session); returns whether it created it. An ended one is replaced."""
        namespace, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        for _ in range(2):
            try:
                self.core.create_namespaced_pod(namespace, pod)
                return True
            except ApiException as err:
                if err.status != 409:
                    raise ClusterError(f"pod {name}: {api_message(err)}") from None
            phase = self.core.read_namespaced_pod(name, namespace).status.phase
            if phase in ("Pending", "Running"):
                return False
            self.delete_pod(namespace, name)
            time.sleep(1.0)
        raise ClusterError(f"pod {name} exists and could not be replaced; delete it and try again")

    def delete_pod(self, namespace: str, name: str) -> None:
        try:
            self.core.delete_namespaced_pod(name, namespace, grace_period_seconds=0)
        except ApiException as err:
            if err.status != 404:
                raise ClusterError(f"cannot delete pod {name}: {api_message(err)}") from None

    def _log(self, namespace: str, name: str) -> str:
        return self.pod_log(namespace, name, "upload")

    def pod_log(self, namespace: str, name: str, container: str) -> str:
        """The log of a plugin's own pod, for an error message."""
        try:
            return str(self.core.read_namespaced_pod_log(name, namespace, container=container))
        except ApiException as err:
            return f"(its log is unavailable: {api_message(err)})"
