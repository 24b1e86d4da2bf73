"""Progress channel: file/stdout formats, and the Kubernetes status merge patch over plain HTTP(S)."""

from __future__ import annotations

import dataclasses
import http.server
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from finetune_trainer.progress import (
    CheckpointReport,
    KubernetesStatusClient,
    ProgressSink,
    StatusReporter,
    StepReport,
    ValidationReport,
    build_progress_record,
    build_status_patch,
    estimate_completion,
    format_metrics_line,
    percent_complete,
)

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 22, 10, tzinfo=UTC).timestamp()  # a fixed clock: no wall time is read
REPORT = StepReport(
    attempt=2,
    step=120,
    total_steps=1000,
    epoch=0.12,
    loss=1.234,
    learning_rate=0.0002,
    tokens_per_second=18500.0,
    time=NOW,
    extra={"gradNorm": 0.5},
    estimated_completion=NOW + 880 * 12.0,
    tokens_seen=7864320,
)
CHECKPOINT = CheckpointReport(
    path="/fsx/finetune/team-a/llama-lora/checkpoints/step-00000100", step=100, attempt=2, time=NOW - 20
)


def test_status_patch_matches_the_contract_golden() -> None:
    expected = json.loads((GOLDEN / "status_patch.json").read_text())
    assert build_status_patch(REPORT, CHECKPOINT) == expected
    assert "checkpoint" not in build_status_patch(REPORT, None)["status"]


def test_percent_and_estimated_completion() -> None:
    assert percent_complete(0, 1000) == "0%"
    assert percent_complete(999, 1000) == "99%"  # rounded down: 100% only when finished
    assert percent_complete(1000, 1000) == "100%"
    assert percent_complete(5, 0) is None
    first = StepReport(1, 10, 110, 0.0, 1.0, 1e-4, 10.0, NOW)
    assert estimate_completion(first, first) is None  # no rate from one report
    later = StepReport(1, 30, 110, 0.0, 1.0, 1e-4, 10.0, NOW + 40)  # 2 s per step, 80 steps left
    assert estimate_completion(first, later) == NOW + 40 + 160
    patch = build_status_patch(dataclasses.replace(REPORT, estimated_completion=None), None)
    assert "estimatedCompletionTime" not in patch["status"]["progress"]


def test_metrics_line_and_progress_record() -> None:
    assert (
        format_metrics_line(REPORT)
        == "finetune-metrics step=120 loss=1.234 lr=0.0002 tokens_per_second=18500.0"
    )
    record = build_progress_record(REPORT)
    assert record["type"] == "step" and record["time"] == "2026-11-22T10:00:00Z" and record["gradNorm"] == 0.5
    assert record["estimatedCompletionTime"] == "2026-11-22T12:56:00Z"  # 880 steps at 12 s
    assert record["tokensSeen"] == 7864320  # the operator's status.usage.tokensProcessed
    unknown = build_progress_record(dataclasses.replace(REPORT, estimated_completion=None))
    assert "estimatedCompletionTime" not in unknown


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[dict[str, Any]]
    fail_next: int

    def do_PATCH(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).requests.append(
            {
                "path": self.path,
                "headers": dict(self.headers),
                "body": json.loads(body),
                "at": time.monotonic(),
            }
        )
        if type(self).fail_next > 0:
            type(self).fail_next -= 1
            self.send_response(503)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def api_server() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Recorder", (_Recorder,), {"requests": [], "fail_next": 0})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def _client(url: str, token: Path) -> KubernetesStatusClient:
    return KubernetesStatusClient(url, "team-a", "llama-lora", token_path=token, ca_path=None)


def test_client_sends_a_merge_patch_with_the_current_service_account_token(
    tmp_path: Path, api_server: tuple[str, type[_Recorder]]
) -> None:
    url, handler = api_server
    token = tmp_path / "token"
    token.write_text("first-token\n")
    client = _client(url, token)
    client.patch({"status": {"progress": {"step": 1}}})
    token.write_text("rotated-token")  # projected tokens rotate while the pod runs
    client.patch({"status": {"progress": {"step": 2}}})
    first, second = handler.requests
    assert first["path"] == "/apis/finetune.dev/v1alpha1/namespaces/team-a/finetunejobs/llama-lora/status"
    assert first["headers"]["Content-Type"] == "application/merge-patch+json"
    assert first["headers"]["Authorization"] == "Bearer first-token"
    assert second["headers"]["Authorization"] == "Bearer rotated-token"
    assert second["body"] == {"status": {"progress": {"step": 2}}}


def test_in_cluster_client_uses_the_service_host_and_the_mounted_service_account() -> None:
    client = KubernetesStatusClient.in_cluster(
        {
            "KUBERNETES_SERVICE_HOST": "10.0.0.1",
            "KUBERNETES_SERVICE_PORT": "443",
            "FINETUNE_JOB_NAMESPACE": "team-a",
            "FINETUNE_JOB_NAME": "llama-lora",
        }
    )
    assert (
        client.status_url
        == "https://10.0.0.1:443/apis/finetune.dev/v1alpha1/namespaces/team-a/finetunejobs/llama-lora/status"
    )
    assert client.token_path == Path("/var/run/secrets/kubernetes.io/serviceaccount/token")
    with pytest.raises(ValueError, match="FINETUNE_JOB_NAME not set"):
        KubernetesStatusClient.in_cluster(
            {"KUBERNETES_SERVICE_HOST": "h", "KUBERNETES_SERVICE_PORT": "1", "FINETUNE_JOB_NAMESPACE": "a"}
        )


def _wait_for(predicate: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_reporter_throttles_progress_and_sends_checkpoints_at_once(
    tmp_path: Path, api_server: tuple[str, type[_Recorder]]
) -> None:
    url, handler = api_server
    token = tmp_path / "token"
    token.write_text("t")
    reporter = StatusReporter(_client(url, token).patch, interval_s=0.5)
    for step in range(1, 30):
        reporter.step(StepReport(1, step, 100, 0.0, 1.0, 1e-4, 10.0, NOW))
        time.sleep(0.01)
    _wait_for(lambda: len(handler.requests) >= 1)
    reporter.checkpoint(CheckpointReport("/ckpt/step-00000030", 30, 1, NOW), None)
    _wait_for(lambda: any("checkpoint" in r["body"]["status"] for r in handler.requests))
    reporter.close()
    progress_patches = [r for r in handler.requests if "checkpoint" not in r["body"]["status"]]
    # ~0.3 s of steps at one patch per 0.5 s: far fewer patches than steps.
    assert 1 <= len(progress_patches) <= 2
    checkpoint_patch = next(r for r in handler.requests if "checkpoint" in r["body"]["status"])
    assert checkpoint_patch["at"] - handler.requests[0]["at"] < 0.5  # not held back by the throttle
    assert checkpoint_patch["body"]["status"]["checkpoint"]["latest"]["step"] == 30


def test_a_failed_checkpoint_patch_is_retried_with_the_next_report(
    tmp_path: Path, api_server: tuple[str, type[_Recorder]]
) -> None:
    url, handler = api_server
    handler.fail_next = 1
    token = tmp_path / "token"
    token.write_text("t")
    reporter = StatusReporter(_client(url, token).patch, interval_s=0.05)
    reporter.checkpoint(CheckpointReport("/ckpt/step-00000010", 10, 1, NOW), None)
    _wait_for(lambda: len(handler.requests) == 1)
    reporter.step(StepReport(1, 11, 100, 0.0, 1.0, 1e-4, 10.0, NOW))
    _wait_for(lambda: len(handler.requests) == 2)
    reporter.close()
    retried = handler.requests[1]["body"]["status"]
    assert retried["checkpoint"]["latest"]["step"] == 10 and retried["progress"]["step"] == 11


def test_an_unreachable_api_server_never_raises_into_training(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("t")
    reporter = StatusReporter(_client("http://127.0.0.1:9", token).patch, interval_s=0.01)
    reporter.step(StepReport(1, 1, 100, 0.0, 1.0, 1e-4, 10.0, NOW))
    reporter.close()


def test_a_grpo_step_reports_its_mean_reward_in_status_and_every_metric_in_the_record() -> None:
    extra = {
        "reward": 0.4567891,
        "rewardStd": 0.1,
        "rewards": {"correct": 0.5, "short": -0.04},
        "kl": 0.01,
        "completionLength": 42.0,
        "clipRatio": 0.0,
        "toolCallsPerRollout": 1.5,
        "toolErrors": 2.0,
    }
    report = dataclasses.replace(REPORT, extra=extra)
    assert build_status_patch(report, None)["status"]["progress"]["reward"] == 0.456789
    assert "reward" not in build_status_patch(REPORT, None)["status"]["progress"]
    record = build_progress_record(report)
    assert record["rewards"] == {"correct": 0.5, "short": -0.04} and record["toolCallsPerRollout"] == 1.5


VALIDATION = ValidationReport(110, {"validationLoss": 0.8234567, "validationRewardAccuracy": 0.75})


def test_the_validation_pass_reaches_status_progress_with_its_step() -> None:
    """Issue 23, friction point 6: metrics.json had a validation loss, status never showed it.
    Issue 27: a periodic pass names the step it followed (validationStep), which is not the step
    of the report it rides with once training has gone on."""
    progress = build_status_patch(REPORT, None, VALIDATION)["status"]["progress"]
    assert (progress["validationLoss"], progress["validationRewardAccuracy"]) == (0.823457, 0.75)
    assert progress["validationStep"] == 110
    assert progress["attempt"] == 2 and progress["step"] == 120  # the admission policy needs the attempt
    without = build_status_patch(REPORT, None)["status"]["progress"]
    assert "validationLoss" not in without and "validationStep" not in without


def test_the_sink_sends_the_validation_pass_at_once_and_records_its_attempt(
    tmp_path: Path, api_server: tuple[str, type[_Recorder]]
) -> None:
    url, handler = api_server
    token = tmp_path / "token"
    token.write_text("t")
    reporter = StatusReporter(_client(url, token).patch, interval_s=60.0)
    sink = ProgressSink(tmp_path / "progress.jsonl", None, reporter)
    sink.step(dataclasses.replace(REPORT, extra={}))
    _wait_for(lambda: len(handler.requests) == 1)
    handler.fail_next = 1  # its first patch fails: it is kept and sent again (here: at close)
    sink.validation(120, {"validationLoss": 0.82})
    _wait_for(lambda: len(handler.requests) == 2)
    sink.close()
    assert len(handler.requests) == 3
    sent = [r["body"]["status"]["progress"] for r in handler.requests]
    assert sent[-1]["validationLoss"] == 0.82 and sent[-1]["step"] == 120
    assert sent[-1]["validationStep"] == 120
    records = [json.loads(line) for line in (tmp_path / "progress.jsonl").read_text().splitlines()]
    assert records[-1] == {"type": "validation", "attempt": 2, "step": 120, "validationLoss": 0.82}


def test_periodic_passes_each_go_out_at_once_with_their_steps(
    tmp_path: Path, api_server: tuple[str, type[_Recorder]]
) -> None:
    """data.validationEverySteps: every pass is sent at once (not held back by the throttle) with
    the step it followed, and each is a record in progress.jsonl."""
    url, handler = api_server
    token = tmp_path / "token"
    token.write_text("t")
    reporter = StatusReporter(_client(url, token).patch, interval_s=60.0)
    sink = ProgressSink(tmp_path / "progress.jsonl", None, reporter)

    def sent_passes() -> list[tuple[int, float]]:
        progress = [r["body"]["status"]["progress"] for r in handler.requests]
        return [(p["validationStep"], p["validationLoss"]) for p in progress if "validationStep" in p]

    for step in range(1, 7):
        sink.step(dataclasses.replace(REPORT, step=step, extra={}))
        if step % 2 == 0:
            sink.validation(step, {"validationLoss": 1.0 / step})
            _wait_for(lambda passes=step // 2: len(sent_passes()) == passes)
    sink.close()
    assert sent_passes()[:3] == [(2, 0.5), (4, 0.25), (6, 0.166667)]
    records = [json.loads(line) for line in (tmp_path / "progress.jsonl").read_text().splitlines()]
    passes = [(r["step"], r["validationLoss"]) for r in records if r["type"] == "validation"]
    assert passes == [(2, 0.5), (4, 0.25), (6, 1.0 / 6)]
