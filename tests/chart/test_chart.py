"""The Helm chart, rendered by the real helm binary (no cluster needed).

The chart must install exactly the CRDs in crds/ and the recipes in recipes/ (one
source of truth, linked into the chart), a config the operator accepts, and RBAC that
covers everything the operator creates.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hack import chart_values_schema

from finetune_contract.constants import EXIT_INVALID_CONFIG
from finetune_operator import cli
from finetune_operator.api.job import FineTuneJobStatus
from finetune_operator.api.recipe import BackendName
from finetune_operator.backends.sagemaker.settings import SageMakerSettings
from finetune_operator.config import OperatorConfig
from tests.chart.helm import CHART, Yaml12Loader, by_kind, helm, render
from tests.conftest import REPO_ROOT


def load_dir(directory: Path) -> dict[str, dict]:
    return {
        d["metadata"]["name"]: d
        for p in sorted(directory.glob("*.yaml"))
        for d in yaml.safe_load_all(p.read_text())
        if d
    }


def test_chart_lints():
    result = helm("lint", str(CHART), "--kube-version", "1.33.0")
    assert "0 chart(s) failed" in result.stdout


def test_chart_installs_exactly_the_crds_from_crds_dir():
    rendered = {d["metadata"]["name"]: d for d in by_kind(render(), "CustomResourceDefinition")}
    source = load_dir(REPO_ROOT / "crds")
    assert rendered.keys() == source.keys()
    for name, crd in rendered.items():
        annotations = crd["metadata"].pop("annotations")
        assert annotations["helm.sh/resource-policy"] == "keep"
        source[name]["metadata"].pop("annotations", None)
        assert crd == source[name], f"chart CRD {name} drifted from crds/"


def test_crds_are_not_kept_on_uninstall_when_asked():
    for crd in by_kind(render("crds.keep=false"), "CustomResourceDefinition"):
        assert "helm.sh/resource-policy" not in crd["metadata"].get("annotations", {})
    assert not by_kind(render("crds.enabled=false"), "CustomResourceDefinition")


def test_chart_installs_every_builtin_recipe_as_a_hook_the_next_upgrade_adopts():
    """Offline (`helm template` cannot look up the CRD) the recipes render as on the first install
    that brings their CRD: post-install hooks, with the release's ownership metadata, so that the
    next upgrade adopts them as ordinary resources and patches them instead of recreating them
    (tests/cluster/test_chart_install.py checks that on the bed)."""
    rendered = {d["metadata"]["name"]: d for d in by_kind(render(), "ClusterFineTuneRecipe")}
    source = load_dir(REPO_ROOT / "recipes")
    assert rendered.keys() == source.keys() and rendered
    for name, recipe in rendered.items():
        annotations = recipe["metadata"]["annotations"]
        assert annotations["helm.sh/hook"] == "post-install,post-upgrade"
        assert annotations["finetune.dev/installed-by"] == "hook"
        assert annotations["meta.helm.sh/release-name"] == "fo"
        assert annotations["meta.helm.sh/release-namespace"] == "finetune-system"
        assert recipe["metadata"]["labels"]["app.kubernetes.io/managed-by"] == "Helm"
        assert recipe["spec"] == source[name]["spec"]
    assert not by_kind(render("recipes.builtin=false"), "ClusterFineTuneRecipe")


def test_rendered_operator_config_is_a_valid_operator_config():
    documents = render(
        "config.namespaces={team-a,team-b}", "config.sagemaker.region=us-west-2", "metrics.port=9191"
    )
    config_map = by_kind(documents, "ConfigMap")[0]
    config = OperatorConfig.model_validate(yaml.safe_load(config_map["data"]["config.yaml"]))
    assert config.namespaces == ["team-a", "team-b"]
    assert config.settings_of(BackendName.SAGEMAKER, SageMakerSettings).region == "us-west-2"
    assert config.metrics_port == 9191
    deployment = by_kind(documents, "Deployment")[0]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == [
        "run",
        "--config",
        "/etc/finetune-operator/config.yaml",
        "--log-level",
        "info",
    ]
    assert {"name": "metrics", "containerPort": 9191} in container["ports"]
    assert deployment["spec"]["replicas"] == 1 and deployment["spec"]["strategy"]["type"] == "Recreate"


def test_per_namespace_resource_limits_reach_the_operator_config():
    documents = render(
        "config.resource_limits.team-a.max_nodes=8",
        "config.resource_limits.team-a.instance_types={ml.trn1.*}",
        "config.resource_limits.\\*.max_processes_per_node=32",
    )
    config = OperatorConfig.model_validate(
        yaml.safe_load(by_kind(documents, "ConfigMap")[0]["data"]["config.yaml"])
    )
    limits = config.resource_limits
    assert (limits["team-a"].max_nodes, limits["team-a"].instance_types) == (8, ["ml.trn1.*"])
    assert limits["*"].max_processes_per_node == 32


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("metrics.port=0", "minimum"),
        ("image.pullPolicy=Sometimes", "pullPolicy"),
        ("unknownKey=1", "unknownKey"),
        ("config.metrics_port=1", "config"),
        ("config.resource_limits.team-a.max_nodes=513", "maximum"),
        ("config.resource_limits.team-a.gpus=1", "gpus"),
        # issue 23: keys and values the operator's model refuses, refused before anything changes
        ("config.log_level=debug", "log_level"),
        ("config.trainer_imagee=x", "trainer_imagee"),
        ("config.sagemaker.regoin=us-west-2", "regoin"),
        ("config.trainer_images.tpu=x", "tpu"),
        ("config.storage.run_as.uid=0", "minimum"),
        ("config.max_workers=0", "minimum"),
        ("logLevel=verbose", "logLevel"),
    ],
)
def test_values_schema_rejects_bad_values(value: str, complaint: str):
    args = ["template", "fo", str(CHART), "--kube-version", "1.33.0", "--set", value]
    result = helm(*args, check=False)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_the_values_schemas_config_section_is_generated_from_the_operator_model(tmp_path: Path):
    """values.schema.json's `config` is OperatorConfig's schema (hack/chart_values_schema.py):
    stale after a change to the model until `make chart-values-schema` runs."""
    assert chart_values_schema.main(["--check"]) == 0, (
        f"{chart_values_schema.SCHEMA_FILE} is stale; run `make chart-values-schema`"
    )
    stale = tmp_path / "values.schema.json"
    document = json.loads(chart_values_schema.SCHEMA_FILE.read_text())
    del document["properties"]["config"]["properties"]["model_root"]
    stale.write_text(json.dumps(document, indent=2) + "\n")
    original = chart_values_schema.SCHEMA_FILE
    try:
        chart_values_schema.SCHEMA_FILE = stale
        assert chart_values_schema.main(["--check"]) == 1
    finally:
        chart_values_schema.SCHEMA_FILE = original
    config = document["properties"]["config"]
    assert config["additionalProperties"] is False
    assert set(OperatorConfig.model_fields) - {"backend_settings", *chart_values_schema.SET_BY_THE_CHART} == (
        set(json.loads(original.read_text())["properties"]["config"]["properties"]) - {"sagemaker"}
    )


def test_every_config_the_chart_accepts_for_these_fields_the_operator_accepts():
    """The values the schema admits reach a config the operator's model admits."""
    documents = render(
        "config.trainer_images.cuda=ecr/t:1",
        "config.default_accelerator_family=cuda",
        "config.storage.run_as.uid=2000",
        "config.sagemaker.role_allowlist={arn:aws:iam::111122223333:role/x}",
        "config.max_workers=4",
    )
    (config_map,) = by_kind(documents, "ConfigMap")
    OperatorConfig.model_validate(yaml.safe_load(config_map["data"]["config.yaml"]))


def test_helm_template_and_lint_need_no_flags():
    """Helm's default Kubernetes version (v1.20) no longer fails the chart (issue 23): the
    supported versions are checked on what a cluster serves (templates/_helpers.tpl)."""
    result = helm("template", "fo", str(CHART), check=False)
    assert result.returncode == 0, result.stderr
    assert by_kind([d for d in yaml.load_all(result.stdout, Loader=Yaml12Loader) if d], "Deployment")
    assert "0 chart(s) failed" in helm("lint", str(CHART)).stdout
    assert "kubeVersion" not in yaml.safe_load((CHART / "Chart.yaml").read_text())


def test_a_cluster_without_validating_admission_policy_v1_is_refused():
    served_by_1_29 = ["admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration"]
    args = ["template", "fo", str(CHART)] + [a for api in served_by_1_29 for a in ("--api-versions", api)]
    result = helm(*args, check=False)
    assert result.returncode != 0
    assert "needs Kubernetes 1.30 or later" in result.stderr
    served_by_1_30 = [*served_by_1_29, "admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy"]
    args = ["template", "fo", str(CHART)] + [a for api in served_by_1_30 for a in ("--api-versions", api)]
    assert helm(*args, check=False).returncode == 0


def test_log_level_reaches_the_operator():
    (deployment,) = by_kind(render("logLevel=debug"), "Deployment")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["args"][-2:] == ["--log-level", "debug"]
    (default,) = by_kind(render(), "Deployment")
    assert default["spec"]["template"]["spec"]["containers"][0]["args"][-2:] == ["--log-level", "info"]


def config_check_job(*set_values: str) -> dict:
    (job,) = [
        d for d in by_kind(render(*set_values), "Job") if d["metadata"]["name"].endswith("-config-check")
    ]
    return job


def test_the_new_config_is_checked_by_the_new_image_before_an_upgrade_changes_anything(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """A config that passes the values schema but not the operator's own validators (a write root
    without {name}) fails the pre-upgrade hook, so the Recreate strategy never stops the running
    operator for a replacement that will not start (issue 23)."""
    job = config_check_job()
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    assert job["spec"]["backoffLimit"] == 0
    pod = job["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    (deployment,) = by_kind(render(), "Deployment")
    assert container["image"] == deployment["spec"]["template"]["spec"]["containers"][0]["image"]
    assert pod["automountServiceAccountToken"] is False
    assert not (
        set(job["spec"]["template"]["metadata"]["labels"].items())
        >= set(deployment["spec"]["selector"]["matchLabels"].items())
    ), "the metrics Service must not select the check's pod"

    def check(job: dict) -> int:
        (container,) = job["spec"]["template"]["spec"]["containers"]
        for env in container["env"]:
            monkeypatch.setenv(env["name"], env["value"])
        return cli.main(container["args"])

    assert check(config_check_job("config.namespaces={team-a}")) == 0
    assert check(config_check_job("config.storage.write_root=/fsx/shared")) == EXIT_INVALID_CONFIG
    assert "must contain {name}" in capsys.readouterr().err
    assert not [d for d in by_kind(render("configCheck.enabled=false"), "Job")]


def render_notes(tmp_path: Path, *set_values: str) -> str:
    """NOTES.txt as `helm install` prints it, rendered offline: `helm install --dry-run` wants a
    cluster, and `helm template` skips NOTES.txt, so a copy of the chart renders its define."""
    chart = tmp_path / "chart"
    if not chart.exists():
        shutil.copytree(CHART, chart)  # the files/ links are followed
        probe = 'notes: {{ include "finetune-operator.notes" . | quote }}\n'
        (chart / "templates" / "notes-probe.yaml").write_text(probe)
    args = [
        "template",
        "fo",
        str(chart),
        "--namespace",
        "finetune-system",
        "--show-only",
        "templates/notes-probe.yaml",
    ]
    for value in set_values:
        args += ["--set", value]
    notes: str = yaml.safe_load(helm(*args).stdout)["notes"]
    return notes


def test_notes_say_where_the_operator_watches_and_how_to_check_it(tmp_path: Path):
    assert (
        CHART / "templates" / "NOTES.txt"
    ).read_text().strip() == '{{- include "finetune-operator.notes" . }}'
    notes = render_notes(tmp_path, "config.namespaces={team-a,team-b}")
    assert "It watches FineTuneJobs in: team-a, team-b." in notes
    assert "config.namespaces" in notes
    assert "kubectl -n finetune-system logs deployment/fo-finetune-operator" in notes
    assert "It watches FineTuneJobs in every namespace." in render_notes(tmp_path)


def rules_of(documents: list[dict], name: str) -> list[dict]:
    (role,) = [d for d in by_kind(documents, "ClusterRole") if d["metadata"]["name"] == name]
    return list(role["rules"])


def allows(rules: list[dict], group: str, resource: str, verb: str) -> bool:
    return any(group in r["apiGroups"] and resource in r["resources"] and verb in r["verbs"] for r in rules)


def test_the_operator_may_bind_only_the_trainers_cluster_role_and_creates_no_role():
    """The trainer identity binds the chart's ClusterRole `<release>-trainer`; the operator may
    `bind` that one role (resourceNames), so it needs no permission to create Roles and cannot
    grant anything it holds itself (issue 20: it could bind its own ClusterRole in kube-system)."""
    documents = render()
    trainer = rules_of(documents, "fo-finetune-operator-trainer")
    assert trainer == [
        {"apiGroups": ["finetune.dev"], "resources": ["finetunejobs/status"], "verbs": ["patch"]}
    ]
    operator = rules_of(documents, "fo-finetune-operator") + rules_of(
        documents, "fo-finetune-operator-namespaced"
    )
    (bind,) = [r for r in operator if "bind" in r["verbs"] or "escalate" in r["verbs"]]
    assert bind == {
        "apiGroups": ["rbac.authorization.k8s.io"],
        "resources": ["clusterroles"],
        "verbs": ["bind"],
        "resourceNames": ["fo-finetune-operator-trainer"],
    }
    assert not any(
        allows(operator, "rbac.authorization.k8s.io", resource, verb)
        for resource in ("roles", "clusterroles", "clusterrolebindings")
        for verb in ("create", "update", "patch")
    )
    for group, resource in [
        ("kubeflow.org", "pytorchjobs"),
        ("", "serviceaccounts"),
        ("rbac.authorization.k8s.io", "rolebindings"),
    ]:
        assert allows(operator, group, resource, "create"), (group, resource)
    for resource in ("serviceaccounts", "rolebindings"):
        group = "" if resource == "serviceaccounts" else "rbac.authorization.k8s.io"
        assert allows(operator, group, resource, "watch"), (
            f"the operator restores a deleted trainer {resource}"
        )
    assert not allows(operator, "finetune.dev", "finetunejobs", "update"), "the operator never writes spec"
    assert allows(operator, "", "configmaps", "get"), "GRPO jobs name ConfigMaps with their reward code"
    assert not allows(operator, "", "configmaps", "list"), (
        "the operator reads only the ConfigMaps a job names"
    )
    assert allows(operator, "", "persistentvolumeclaims", "get"), "a pending attempt's claim is checked"
    assert allows(operator, "", "pods", "delete"), "a stalled attempt's pods are deleted with a short grace"
    (config_map,) = by_kind(documents, "ConfigMap")
    assert (
        yaml.safe_load(config_map["data"]["config.yaml"])["trainer_cluster_role"]
        == "fo-finetune-operator-trainer"
    )


def test_namespaced_permissions_are_bound_only_in_the_watched_namespaces():
    """Creating pods' owners, identities and bindings, and reading pods, claims and ConfigMaps, is
    granted in each namespace of config.namespaces; cluster-wide only when it lists none."""
    namespaced = "fo-finetune-operator-namespaced"
    cluster_wide = rules_of(render(), "fo-finetune-operator")
    for group, resource in [
        ("kubeflow.org", "pytorchjobs"),
        ("", "serviceaccounts"),
        ("rbac.authorization.k8s.io", "rolebindings"),
        ("", "pods"),
        ("", "configmaps"),
    ]:
        assert not any(group in r["apiGroups"] and resource in r["resources"] for r in cluster_wide), resource

    listed = render("config.namespaces={team-a,team-b}")
    bindings = [d for d in by_kind(listed, "RoleBinding") if d["roleRef"]["name"] == namespaced]
    assert sorted(b["metadata"]["namespace"] for b in bindings) == ["team-a", "team-b"]
    assert all(b["roleRef"]["kind"] == "ClusterRole" for b in bindings)
    assert namespaced not in [b["roleRef"]["name"] for b in by_kind(listed, "ClusterRoleBinding")]

    everywhere = render()
    assert [b for b in by_kind(everywhere, "RoleBinding")] == []
    (binding,) = [b for b in by_kind(everywhere, "ClusterRoleBinding") if b["roleRef"]["name"] == namespaced]
    assert binding["subjects"] == [
        {"kind": "ServiceAccount", "name": "fo-finetune-operator", "namespace": "finetune-system"}
    ]


def test_the_operators_role_bindings_are_narrowed_to_the_trainers_by_an_admission_policy():
    """RBAC cannot stop the operator binding a ClusterRole whose permissions it holds (its own, in
    any namespace it may write RoleBindings in); this policy admits only the trainer's binding."""
    documents = render()
    (policy,) = [
        d
        for d in by_kind(documents, "ValidatingAdmissionPolicy")
        if d["metadata"]["name"].endswith("-operator-bindings")
    ]
    (binding,) = [
        d
        for d in by_kind(documents, "ValidatingAdmissionPolicyBinding")
        if d["spec"]["policyName"] == policy["metadata"]["name"]
    ]
    assert binding["spec"]["validationActions"] == ["Deny"]
    assert policy["spec"]["failurePolicy"] == "Fail"
    (rule,) = policy["spec"]["matchConstraints"]["resourceRules"]
    assert (rule["resources"], rule["operations"]) == (["rolebindings"], ["CREATE", "UPDATE"])
    (condition,) = policy["spec"]["matchConditions"]
    assert "'system:serviceaccount:finetune-system:fo-finetune-operator'" in condition["expression"]
    (validation,) = policy["spec"]["validations"]
    for part in (
        "object.metadata.name == 'finetune-trainer'",
        "object.roleRef.kind == 'ClusterRole'",
        "object.roleRef.name == 'fo-finetune-operator-trainer'",
        "size(object.subjects) == 1",
        "object.subjects[0].namespace == request.namespace",
    ):
        assert part in validation["expression"], part


def test_trainer_reports_are_narrowed_to_their_own_job_by_an_admission_policy():
    """Without the policy the namespace's trainer Role would let one job's pod patch another's status."""
    documents = render()
    (policy,) = [
        d
        for d in by_kind(documents, "ValidatingAdmissionPolicy")
        if d["metadata"]["name"].endswith("-trainer-reports")
    ]
    (binding,) = [
        d
        for d in by_kind(documents, "ValidatingAdmissionPolicyBinding")
        if d["spec"]["policyName"] == policy["metadata"]["name"]
    ]
    assert binding["spec"]["validationActions"] == ["Deny"]
    assert policy["spec"]["failurePolicy"] == "Fail"
    (rule,) = policy["spec"]["matchConstraints"]["resourceRules"]
    assert rule["resources"] == ["finetunejobs/status"]
    (condition,) = policy["spec"]["matchConditions"]
    assert ":finetune-trainer'" in condition["expression"]


def test_trainer_reports_may_change_no_status_field_of_the_operator():
    """Every status field but progress and checkpoint is in the policy's operator-owned list,
    so a field added to the model is protected from trainers the day it is added."""
    (policy,) = [
        d
        for d in by_kind(render(), "ValidatingAdmissionPolicy")
        if d["metadata"]["name"].endswith("-trainer-reports")
    ]
    owned_rule = next(v for v in policy["spec"]["validations"] if "written by the operator" in v["message"])
    fields = {f.alias or n for n, f in FineTuneJobStatus.model_fields.items()} - {"progress", "checkpoint"}
    for field in fields:
        assert f"object.status.{field} == oldObject.status.{field}" in owned_rule["expression"], field


def test_operator_deployment_is_ready_only_when_kopf_is_and_can_be_pinned_by_digest():
    digest = "sha256:" + "a" * 64
    (deployment,) = by_kind(render(f"image.digest={digest}"), "Deployment")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["image"] == f"ghcr.io/finetune-operator/finetune-operator@{digest}"
    assert container["readinessProbe"]["httpGet"] == {"path": "/healthz", "port": "healthz"}
    (tagged,) = by_kind(render(), "Deployment")
    assert "@" not in tagged["spec"]["template"]["spec"]["containers"][0]["image"]


def test_network_policy_is_optional_and_admits_only_metrics():
    assert by_kind(render(), "NetworkPolicy") == []
    (policy,) = by_kind(render("networkPolicy.enabled=true"), "NetworkPolicy")
    (ingress,) = policy["spec"]["ingress"]
    assert ingress == {"ports": [{"port": 9090, "protocol": "TCP"}]}
    egress_ports = {p["port"] for rule in policy["spec"]["egress"] for p in rule["ports"]}
    assert egress_ports == {443, 6443, 53}


def test_checkov_skips_for_the_digest_and_network_policy_go_once_they_are_set():
    """`make lint` (hack/checkov.sh) skips these two checks only where their option is off."""

    def skipped_checks(*set_values: str) -> set[str]:
        (deployment,) = by_kind(render(*set_values), "Deployment")
        annotations = deployment["metadata"].get("annotations", {})
        return {v.partition("=")[0] for k, v in annotations.items() if k.startswith("checkov.io/skip")}

    assert {"CKV_K8S_43", "CKV2_K8S_6"} <= skipped_checks()
    hardened = skipped_checks(f"image.digest=sha256:{'a' * 64}", "networkPolicy.enabled=true")
    assert hardened == {"CKV_K8S_38", "CKV_K8S_15"}
