"""status.usage from observations (operator/finetune_operator/usage.py) and the HyperPod pods'
times (backends/hyperpod/observe.py): pure functions, no cluster."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from finetune_operator.api.usage import AttemptUsage, UsageStatus
from finetune_operator.backends.hyperpod.observe import observed_usage
from finetune_operator.usage import (
    UNKNOWN_INSTANCE_TYPE,
    InstancePrice,
    ObservedUsage,
    PriceTable,
    accelerators_per_instance,
    all_closed,
    attempt_observed,
    attempt_submitted,
)

T0 = datetime(2026, 12, 7, 5, 0, 0, tzinfo=UTC)
PRICES = PriceTable(
    currency="USD",
    instance_hour={
        "ml.g5.xlarge": InstancePrice(
            per_hour=1.5, source="https://example.test/prices", as_of=date(2026, 12, 7)
        ),
        "ml.trn1.32xlarge": InstancePrice(per_hour=20.0, source="contract 42", as_of=date(2026, 12, 7)),
    },
)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def iso(seconds: float) -> str:
    return at(seconds).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_accelerators_are_gpus_neuron_cores_or_vcpus_by_family() -> None:
    assert accelerators_per_instance("ml.p5.48xlarge") == ("GPU", 8)
    assert accelerators_per_instance("ml.trn1.32xlarge") == ("NeuronCore", 32)
    assert accelerators_per_instance("ml.m5.large") == ("vCPU", 2)
    assert accelerators_per_instance("ml.x9.unknown") is None


def test_a_running_attempt_shows_its_start_but_counts_only_once_over() -> None:
    usage = attempt_submitted(None, 1, "ml.g5.xlarge", 2, PRICES)
    assert usage.attempts == [AttemptUsage(attempt=1, instance_type="ml.g5.xlarge", instance_count=2)]
    running = attempt_observed(usage, 1, ObservedUsage(started_at=at(10)), False, 500, PRICES, at(100))
    assert running.attempts[0].start_time == iso(10) and running.attempts[0].wall_seconds is None
    assert (running.instance_hours, running.wall_seconds, running.estimated_cost) == (0.0, 0, None)
    assert running.tokens_processed == 500
    # A later look that changes nothing writes nothing: the same status comes back.
    assert (
        attempt_observed(running, 1, ObservedUsage(started_at=at(10)), False, 500, PRICES, at(200)) == running
    )
    done = attempt_observed(
        running, 1, ObservedUsage(started_at=at(10), ended_at=at(3610)), True, 9000, PRICES, at(3700)
    )
    (entry,) = done.attempts
    assert (entry.end_time, entry.wall_seconds) == (iso(3610), 3600)
    assert done.instance_hours == 2.0  # 1 hour x 2 instances
    assert done.accelerator_hours == {"GPU": 2.0}
    assert (done.estimated_cost, done.currency) == (3.0, "USD")
    assert done.tokens_processed == 9000


def test_an_attempt_that_ends_unseen_ends_when_the_operator_saw_it_end() -> None:
    """A PyTorchJob deleted by someone (Missing), or pods gone before the look: the end is the
    look's time, so a hang's cost is never dropped."""
    usage = attempt_submitted(None, 1, "ml.g5.xlarge", 1, PRICES)
    usage = attempt_observed(usage, 1, ObservedUsage(started_at=at(0)), False, None, PRICES, at(5))
    over = attempt_observed(usage, 1, None, True, None, PRICES, at(1800))
    assert (over.attempts[0].end_time, over.attempts[0].wall_seconds) == (iso(1800), 1800)
    assert over.estimated_cost == 0.75


def test_the_start_only_moves_earlier_and_a_restarted_pod_does_not_hide_its_predecessor() -> None:
    usage = attempt_observed(None, 1, ObservedUsage(started_at=at(100)), False, None, PRICES, at(110))
    later_pod = attempt_observed(usage, 1, ObservedUsage(started_at=at(500)), False, None, PRICES, at(510))
    assert later_pod.attempts[0].start_time == iso(100)
    earlier = attempt_observed(usage, 1, ObservedUsage(started_at=at(50)), False, None, PRICES, at(510))
    assert earlier.attempts[0].start_time == iso(50)


def test_moving_to_the_next_attempt_closes_the_last_one_and_a_stalled_attempt_counts_in_full() -> None:
    """Attempt 1 hung for an hour before it was stopped: its hour counts; attempt 2 runs on."""
    usage = attempt_submitted(None, 1, "ml.trn1.32xlarge", 4, PRICES)
    usage = attempt_observed(usage, 1, ObservedUsage(started_at=at(0)), False, 100, PRICES, at(60))
    usage = attempt_submitted(usage, 2, "ml.trn1.32xlarge", 4, PRICES)
    usage = attempt_observed(usage, 2, ObservedUsage(started_at=at(3700)), False, 100, PRICES, at(3700))
    first, second = usage.attempts
    assert first.wall_seconds == 3700 and first.end_time == iso(3700)
    assert second.wall_seconds is None
    assert usage.instance_hours == pytest.approx(3700 * 4 / 3600, abs=1e-4)
    assert usage.accelerator_hours == {"NeuronCore": pytest.approx(3700 * 4 * 32 / 3600, abs=1e-3)}
    assert usage.estimated_cost == pytest.approx(3700 * 4 / 3600 * 20.0, abs=0.01)


def test_a_job_that_ends_closes_every_open_attempt_and_one_never_started_used_nothing() -> None:
    usage = attempt_submitted(None, 1, "ml.g5.xlarge", 1, PRICES)
    closed = all_closed(usage, at(900), PRICES)
    assert closed is not None and closed.attempts[0].wall_seconds == 0 and closed.attempts[0].end_time is None
    assert all_closed(None, at(900), PRICES) is None


def test_sagemaker_cost_uses_the_billable_time_of_every_instance() -> None:
    """Managed spot: SageMaker bills 300 s of 1000 s on each of 2 instances."""
    observed = ObservedUsage(
        started_at=at(0),
        ended_at=at(1000),
        instance_type="ml.g5.xlarge",
        instance_count=2,
        billable_seconds=300,
        spot_savings_percent=70.0,
    )
    usage = attempt_observed(None, 1, observed, True, None, PRICES, at(1010))
    (entry,) = usage.attempts
    assert (entry.billable_seconds, entry.spot_savings_percent, entry.instance_count) == (300, 70.0, 2)
    assert usage.instance_hours == pytest.approx(2000 / 3600, abs=1e-4)
    assert usage.estimated_cost == pytest.approx(300 * 2 / 3600 * 1.5, abs=0.01)


def test_no_cost_while_an_instance_type_has_no_price_and_the_type_is_named() -> None:
    usage = attempt_submitted(None, 1, "ml.m5.large", 2, PRICES)
    usage = attempt_observed(
        usage, 1, ObservedUsage(started_at=at(0), ended_at=at(360)), True, None, PRICES, at(400)
    )
    assert usage.estimated_cost is None and usage.currency is None
    assert usage.unpriced_instance_types == ["ml.m5.large"]
    assert usage.instance_hours == 0.2 and usage.accelerator_hours == {"vCPU": 0.4}
    unknown = attempt_observed(
        None, 1, ObservedUsage(started_at=at(0), ended_at=at(60)), True, None, PRICES, at(60)
    )
    assert unknown.unpriced_instance_types == [UNKNOWN_INSTANCE_TYPE] and unknown.estimated_cost is None


def test_a_price_needs_its_source_and_date() -> None:
    with pytest.raises(ValueError, match="source"):
        PriceTable.model_validate(
            {"instance_hour": {"ml.g5.xlarge": {"per_hour": 1.0, "as_of": "2026-12-07"}}}
        )
    with pytest.raises(ValueError, match="per_hour"):
        PriceTable.model_validate(
            {"instance_hour": {"ml.g5.xlarge": {"per_hour": -1, "source": "x", "as_of": "2026-12-07"}}}
        )


def test_status_usage_round_trips_in_camel_case() -> None:
    usage = attempt_observed(
        None, 1, ObservedUsage(started_at=at(0), ended_at=at(60)), True, 7, PRICES, at(60)
    )
    dumped = usage.model_dump(mode="json", exclude_none=True)
    assert {
        "wallSeconds",
        "instanceHours",
        "acceleratorHours",
        "tokensProcessed",
        "attempts",
    } <= dumped.keys()
    assert UsageStatus.model_validate(dumped) == usage


def pod(name: str, start: str | None, finished: str | None, running: bool = False) -> dict[str, Any]:
    state: dict[str, Any] = {}
    if finished is not None:
        state = {"terminated": {"exitCode": 0, "startedAt": start, "finishedAt": finished}}
    elif running:
        state = {"running": {"startedAt": start}}
    return {
        "metadata": {"name": name},
        "status": {
            "startTime": start,
            "containerStatuses": [{"name": "init-sidecar", "state": {}}, {"name": "pytorch", "state": state}],
        },
    }


def test_hyperpod_usage_is_the_first_pod_start_and_the_last_trainer_finish() -> None:
    pytorchjob = {"status": {"completionTime": iso(999)}}
    pods = [pod("a-master-0", iso(10), iso(300)), pod("a-worker-0", iso(12), iso(305))]
    assert observed_usage(pytorchjob, pods, over=True) == ObservedUsage(started_at=at(10), ended_at=at(305))
    # Running: the start only (the Python client's "+00:00" form too).
    client_form = [pod("a-master-0", at(10).isoformat(), None, running=True)]
    assert observed_usage(pytorchjob, client_form, over=False) == ObservedUsage(started_at=at(10))


def test_hyperpod_usage_falls_back_to_the_pytorchjobs_completion_when_a_trainer_never_finished() -> None:
    """The training-operator deletes a failed attempt's still-running pods: the attempt ended when
    it said so."""
    pytorchjob = {"status": {"completionTime": iso(400)}}
    pods = [pod("a-master-0", iso(10), None, running=True), pod("a-worker-0", iso(12), iso(390))]
    assert observed_usage(pytorchjob, pods, over=True) == ObservedUsage(started_at=at(10), ended_at=at(400))
    assert observed_usage(pytorchjob, [], over=True) == ObservedUsage(started_at=None, ended_at=at(400))
