"""The chart's monitoring (issue 23), off by default and checked by real tools: promtool checks
and unit-tests the PrometheusRule (tests/chart/alerts-test.yaml), the Grafana dashboard's JSON
loads, and every metric the rules and the dashboard query is one the operator exports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml
from hack.testbed.layout import layout
from prometheus_client import Counter, Gauge, Histogram

from finetune_operator import metrics
from tests.chart.helm import CHART, by_kind, render

PROMTOOL = layout().binary("promtool")
DASHBOARD = CHART / "files" / "dashboards" / "finetune-jobs.json"
ALERT_TESTS = Path(__file__).with_name("alerts-test.yaml")
ALL_ON = (
    "monitoring.serviceMonitor.enabled=true",
    "monitoring.prometheusRule.enabled=true",
    "monitoring.dashboard.enabled=true",
)


def exported_series() -> set[str]:
    """The names of every series metrics.py exports (a counter's `_total`, a histogram's parts)."""
    names: set[str] = set()
    for value in vars(metrics).values():
        if isinstance(value, Histogram):
            names |= {f"{value._name}{suffix}" for suffix in ("_bucket", "_sum", "_count")}
        elif isinstance(value, Counter):
            names.add(f"{value._name}_total")
        elif isinstance(value, Gauge):
            names.add(value._name)
    return names


def queried_metrics(expression: str) -> set[str]:
    return set(re.findall(r"\bfinetune_[a-z_]+\b", expression))


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL.exists(), f"{PROMTOOL} is missing: run `make testbed-binaries` (hack/build-testbed.sh)"
    return subprocess.run([str(PROMTOOL), *args], capture_output=True, text=True)


def test_monitoring_is_off_by_default():
    documents = render()
    assert not by_kind(documents, "ServiceMonitor") and not by_kind(documents, "PrometheusRule")
    assert [c["metadata"]["name"] for c in by_kind(documents, "ConfigMap")] == ["fo-finetune-operator"]


def test_the_service_monitor_scrapes_the_metrics_service_and_keeps_each_jobs_namespace():
    documents = render(*ALL_ON, "monitoring.serviceMonitor.labels.release=prometheus")
    (monitor,) = by_kind(documents, "ServiceMonitor")
    (service,) = [s for s in by_kind(documents, "Service") if s["metadata"]["name"].endswith("-metrics")]
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    assert monitor["metadata"]["labels"]["release"] == "prometheus"
    selector = monitor["spec"]["selector"]["matchLabels"]
    assert selector.items() <= service["metadata"]["labels"].items()
    assert monitor["spec"]["namespaceSelector"] == {"matchNames": ["finetune-system"]}
    (endpoint,) = monitor["spec"]["endpoints"]
    assert endpoint["port"] in [p["name"] for p in service["spec"]["ports"]]
    assert endpoint["honorLabels"] is True


def test_promtool_checks_and_unit_tests_the_alerts(tmp_path: Path):
    (rule,) = by_kind(render(*ALL_ON), "PrometheusRule")
    assert rule["apiVersion"] == "monitoring.coreos.com/v1"
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(yaml.safe_dump({"groups": rule["spec"]["groups"]}))
    shutil.copy(ALERT_TESTS, tmp_path / ALERT_TESTS.name)

    checked = promtool("check", "rules", str(rules_file))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    tested = promtool("test", "rules", str(tmp_path / ALERT_TESTS.name))
    assert tested.returncode == 0, tested.stdout + tested.stderr

    alerts = {r["alert"] for group in rule["spec"]["groups"] for r in group["rules"]}
    assert alerts == {"FineTuneJobStalled", "FineTuneJobFailed", "FineTuneJobQueuedTooLong"}
    tested_alerts = {
        case["alertname"]
        for test in yaml.safe_load(ALERT_TESTS.read_text())["tests"]
        for case in test["alert_rule_test"]
    }
    assert tested_alerts == alerts, "every alert has a promtool test"


def test_the_alert_thresholds_are_values():
    (rule,) = by_kind(
        render(
            *ALL_ON,
            "monitoring.prometheusRule.stalledAfterSeconds=600",
            "monitoring.prometheusRule.severity=page",
        ),
        "PrometheusRule",
    )
    (stalled,) = [r for g in rule["spec"]["groups"] for r in g["rules"] if r["alert"] == "FineTuneJobStalled"]
    assert "> 600" in stalled["expr"] and stalled["labels"]["severity"] == "page"


def test_the_dashboard_loads_and_ships_as_a_grafana_config_map():
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["uid"] == "finetune-jobs" and dashboard["panels"]
    (config_map,) = [
        c for c in by_kind(render(*ALL_ON), "ConfigMap") if c["metadata"]["name"].endswith("-dashboard")
    ]
    assert config_map["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert json.loads(config_map["data"]["finetune-jobs.json"]) == dashboard


def test_every_metric_the_dashboard_and_the_alerts_query_is_exported():
    dashboard = json.loads(DASHBOARD.read_text())
    expressions = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    expressions += [v["query"]["query"] for v in dashboard["templating"]["list"] if v["type"] == "query"]
    (rule,) = by_kind(render(*ALL_ON), "PrometheusRule")
    expressions += [r["expr"] for g in rule["spec"]["groups"] for r in g["rules"]]
    queried = set().union(*(queried_metrics(e) for e in expressions))
    assert queried - exported_series() == set(), "queried but not in operator/finetune_operator/metrics.py"
    per_job = {g._name for g in metrics.PER_JOB_GAUGES} | {metrics.JOB_PHASE._name}
    assert per_job <= queried, f"per-job metrics the dashboard does not show: {per_job - queried}"
