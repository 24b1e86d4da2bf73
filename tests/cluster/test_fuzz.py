"""Property-based fuzzing of FineTuneJob specs (issue 12, section 7) on the bed, with hypothesis.

The strategies are built from the CRD's own OpenAPI schema (every property, its type, enum,
bounds and pattern). Each spec is drawn in one of three ways:
- plausible: values a user would write, made to obey the cross-field rules (valid jobs);
- schema: anything the schema admits (full numeric ranges, strings from its patterns);
- hostile: a plausible spec with one to three hostile mutations, the way a hostile tenant
  would write it: numbers at and past the bounds, strings that climb paths, other tenants'
  paths, non-names, arbitrary text, wrong JSON types, and required fields taken away.

Each one goes in by server-side apply while the operator runs. Every spec must be rejected
at admission, or end Failed with a condition within 20 s, or be a valid job that is submitted
(Submitted, Queued, Running or Suspended: a job naming a queue is queued by the bed's Kueue).
No operator crash, no job without a phase after 20 s.

hypothesis runs the admission half: an answer other than a refusal (400/422, or 500 for a
value of the wrong JSON type) or an acceptance fails the example, which it shrinks and
reports. The 20 s settle half runs once over all admitted jobs, as one wait per spec would
take 300 x 20 s. The run is seeded (FINETUNE_FUZZ_SEED, default 12) so a failure replays;
the outcome counts are printed (`-s`) for the record.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections import Counter
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from kubernetes.client.exceptions import ApiException

from tests.cluster.helpers import GROUP, PLURAL, VERSION
from tests.conftest import REPO_ROOT

SPECS = int(os.environ.get("FINETUNE_FUZZ_SPECS", "300"))
SEED = int(os.environ.get("FINETUNE_FUZZ_SEED", "12"))
SETTLE_SECONDS = 20.0
VALID_PHASES = {"Submitted", "Queued", "Running", "Suspended"}

HOSTILE_STRINGS = [
    "",
    "UPPER CASE !!",
    "ü-prio",
    "x" * 300,
    "../../etc/passwd",
    "/fsx/../etc/passwd",
    "/fsx/finetune/rb/victim/checkpoints",
    "/fsx/models/llama-3.1-8b",
    "s3://bucket with space/x",
    "s3://UPPER_bad/",
    "https://bucket/x",
    "evil.example/cryptominer:latest",
    "/",
    "relative/dir",
    "bad queue name!!",
    "Invalid_Name",
    "not-an-sg",
]
HOSTILE_NUMBERS = [0, -1, 10**6, 10**9, 10**15, 1e308, -1e308, 0.5, 1.0e-4]
OVERRIDE_PATHS = ["lora.rank", "optimizer.learningRate", "training.maxSteps", "optimizer.lr", "dpo.beta"]
OVERRIDE_VALUES = [8, 16, 1.0e-4, 10**10, 1e308, None, "sixteen", True, ["q_proj"]]
# Text as a tenant can send it: any printable character, no lone surrogates (not UTF-8).
ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=80)

Path = tuple[str | int, ...]


def spec_schema() -> dict[str, Any]:
    crd = yaml.safe_load((REPO_ROOT / "crds" / "finetune.dev_finetunejobs.yaml").read_text())
    (version,) = crd["spec"]["versions"]
    return version["schema"]["openAPIV3Schema"]["properties"]["spec"]


def plausible_strings(namespace: str) -> dict[str, list[str]]:
    """What a user of `namespace` would write in each string field, by its name."""
    own = f"/fsx/finetune/{namespace}/{{job}}"
    return {
        "path": [f"/fsx/data/{namespace}/train.jsonl", "s3://fuzz-bucket/data/train.jsonl"],
        "uri": ["/fsx/models/llama-3.2-1b", "s3://fuzz-bucket/models/m"],
        "tokenizer": ["/fsx/models/tok"],
        "name": ["llama-3.2-1b", "llama-3.1-8b", "mistral-7b", "nova-lite", "llama-9"],
        "image": ["finetune-trainer:0.1.0", "registry.example/team/trainer:1"],
        "instanceType": ["ml.trn1.32xlarge", "ml.trn1.2xlarge", "ml.trn2.48xlarge"],
        "claimName": ["fsx-claim", "other-claim"],
        "queueName": ["team-a-queue"],
        "priorityClass": ["high"],
        "roleArn": ["arn:aws:iam::123456789012:role/finetune-a"],
        "checkpointDir": [f"{own}/ckpt"],
        "outputDir": [f"{own}/out"],
        "tensorboardDir": [f"{own}/tb"],
        "compileCacheDir": [f"{own}/cache"],
        "outputS3Uri": ["s3://fuzz-bucket/out/"],
        "checkpointS3Uri": ["s3://fuzz-bucket/ckpt/"],
    }


class SchemaStrategies:
    """hypothesis strategies for a value of a CRD schema, plausible or anywhere the schema allows."""

    def __init__(self, namespace: str, *, anywhere: bool) -> None:
        self.plausible = plausible_strings(namespace)
        self.anywhere = anywhere

    def value(self, name: str, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        kind = schema.get("type")
        if kind == "object":
            return self.object(schema)
        if kind == "array":
            items = self.value(name, schema.get("items", {}))
            return st.lists(
                items, min_size=schema.get("minItems", 0), max_size=min(schema.get("maxItems", 3), 3)
            )
        if kind == "integer":
            low = schema.get("minimum", 0)
            high = (
                schema.get("maximum", low + 10**6)
                if self.anywhere
                else min(schema.get("maximum", 100), low + 4)
            )
            return st.integers(low, high)
        if kind == "number":
            low = schema.get("minimum", 0.0)
            high = (
                schema.get("maximum", low + 10.0**6)
                if self.anywhere
                else min(schema.get("maximum", 1.0), low + 1.0)
            )
            exclusive = bool(schema.get("exclusiveMaximum")) and high == schema.get("maximum")
            return st.floats(low, high, exclude_max=exclusive, allow_nan=False, allow_infinity=False)
        if kind == "boolean":
            return st.booleans()
        return self.string(name, schema)

    def string(self, name: str, schema: dict[str, Any]) -> st.SearchStrategy[str]:
        plausible = st.sampled_from(self.plausible.get(name, ["x"]))
        if not self.anywhere:
            return plausible
        longest = schema.get("maxLength", 253)
        if "pattern" in schema:
            matching = st.from_regex(schema["pattern"], fullmatch=True).filter(lambda s: len(s) <= longest)
            return st.one_of(plausible, matching)
        return st.one_of(plausible, ANY_TEXT.map(lambda s: s[:longest]))

    def object(self, schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = st.fixed_dictionaries(
            {name: self.value(name, sub) for name, sub in properties.items() if name in required},
            optional={
                name: self.value(name, sub) for name, sub in properties.items() if name not in required
            },
        )
        if "additionalProperties" not in schema:
            return fields
        overrides = st.dictionaries(
            st.sampled_from(OVERRIDE_PATHS), st.sampled_from(OVERRIDE_VALUES), max_size=3
        )
        return st.tuples(fields, overrides).map(lambda pair: pair[0] | pair[1])


def obey_cross_field_rules(spec: dict[str, Any], namespace: str) -> dict[str, Any]:
    """A plausible job also obeys the CRD's rules across fields, so that it can be valid."""
    if spec.get("backend") != "sagemaker":
        spec.pop("sagemaker", None)
        if spec["model"].get("name", "").startswith("nova"):
            spec["model"]["name"] = "llama-3.2-1b"
    else:
        spec.pop("suspend", None)
        for field in ("processesPerNode", "neuronDevices", "efaDevices"):
            spec.get("resources", {}).pop(field, None)
    data = spec["data"]
    if "train" in data and "mixture" in data:
        data.pop("mixture")
    if "train" not in data and "mixture" not in data:
        data["train"] = {"path": f"/fsx/data/{namespace}/train.jsonl"}
    if not spec["model"].get("name") and not spec["model"].get("uri"):
        spec["model"]["name"] = "llama-3.2-1b"
    if str(spec["method"]).startswith("grpo"):  # GRPO: a reward, and a GPU or CPU instance type
        spec["rewards"] = [{"name": "short", "builtin": "length-penalty"}]
        spec.pop("tools", None)
        spec["resources"] = {**spec.get("resources", {}), "instanceType": "ml.m5.large"}
        spec["data"].pop("format", None)
    else:
        spec.pop("rewards", None)
        spec.pop("tools", None)
    return spec


def within_the_beds_nodes(spec: dict[str, Any]) -> dict[str, Any]:
    """At most two nodes for a job the schema admits: the bed has a few, and each is pods."""
    resources = spec.get("resources")
    if isinstance(resources, dict) and isinstance(resources.get("nodes"), int) and resources["nodes"] <= 512:
        resources["nodes"] = min(resources["nodes"], 2)
    return spec


def leaves(value: Any, schema: dict[str, Any], path: Path = ()) -> list[tuple[Path, dict[str, Any]]]:
    """Every place in a spec, with the schema that governs it (deepest last)."""
    found = [(path, schema)] if path else []
    if isinstance(value, dict):
        for name, sub in value.items():
            found += leaves(sub, schema.get("properties", {}).get(name, {}), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += leaves(item, schema.get("items", {}), (*path, index))
    return found


def hostile_value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A value a hostile tenant would put where `schema` governs: out of bounds, not a name, wrong type."""
    kinds: list[st.SearchStrategy[Any]] = [
        st.sampled_from([*HOSTILE_STRINGS, *HOSTILE_NUMBERS, None, True, [], {}]),
        ANY_TEXT,
    ]
    if schema.get("type") in ("integer", "number"):
        low, high = schema.get("minimum", 0), schema.get("maximum", 10**6)
        kinds.append(st.sampled_from([low - 1, high, high + 1, high * 2]))  # the bounds, and past them
    return st.one_of(kinds)


@st.composite
def hostile_mutations(draw: st.DrawFn, spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """One to three mutations of `spec`: a hostile value somewhere, or a field taken away."""
    for _ in range(draw(st.integers(1, 3))):
        places = leaves(spec, schema)
        if not places:
            break
        path, governing = draw(st.sampled_from(places))
        parent: Any = spec
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.integers(0, 9)) == 0:
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(hostile_value(governing))
    return spec


def specs(namespace: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    """(how it was drawn, the spec) from the CRD's schema."""
    schema = spec_schema()
    plausible = SchemaStrategies(namespace, anywhere=False).object(schema)
    anywhere = SchemaStrategies(namespace, anywhere=True).object(schema)
    sound = plausible.map(lambda spec: obey_cross_field_rules(spec, namespace))
    return st.one_of(
        sound.map(lambda spec: ("plausible", spec)),
        anywhere.map(lambda spec: ("schema", spec)),
        sound.flatmap(lambda spec: hostile_mutations(spec, schema)).map(lambda spec: ("hostile", spec)),
    )


def apply(custom_objects, namespace: str, name: str, spec: dict[str, Any]) -> ApiException | None:
    body = {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "FineTuneJob",
        "metadata": {"name": name},
        "spec": spec,
    }
    try:
        custom_objects.patch_namespaced_custom_object(
            GROUP,
            VERSION,
            namespace,
            PLURAL,
            name,
            body,
            field_manager="fuzz",
            force=True,
            _content_type="application/apply-patch+yaml",
        )
    except ApiException as err:
        return err
    return None


def test_fuzzed_specs_are_refused_failed_or_submitted(operator, custom_objects, namespace) -> None:
    outcomes: Counter[str] = Counter()
    drawn: Counter[str] = Counter()
    admitted: dict[str, float] = {}
    names = (f"fz-{index:04d}" for index in itertools.count())

    @seed(SEED)
    @settings(
        max_examples=SPECS,
        database=None,
        deadline=None,
        # Specs are large and the test body talks to the API server: neither is a problem here.
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        phases=[Phase.generate, Phase.shrink],
    )
    @given(specs(namespace))
    def admission_refuses_or_admits(drawn_spec: tuple[str, dict[str, Any]]) -> None:
        how, spec = drawn_spec
        name = next(names)
        spec = within_the_beds_nodes(json.loads(json.dumps(spec).replace("{job}", name)))
        drawn[how] += 1
        refusal = apply(custom_objects, namespace, name, spec)
        if refusal is None:
            admitted[name] = time.monotonic()
            return
        # Server-side apply answers a value of the wrong JSON type (a string where the schema
        # has an object) with 500 "failed to create typed patch object": the API server's own
        # behaviour, and nothing is stored; counted apart.
        typed = refusal.status == 500 and "failed to create typed patch object" in (refusal.body or "")
        assert refusal.status in (400, 422) or typed, (name, refusal.status, refusal.body, spec)
        outcomes["rejected at admission (wrong type, 500)" if typed else "rejected at admission"] += 1

    admission_refuses_or_admits()

    unsettled: dict[str, str] = {}
    deadline = max(admitted.values(), default=time.monotonic()) + SETTLE_SECONDS
    while True:
        items = custom_objects.list_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL)["items"]
        unsettled = {}
        for job in items:
            status = job.get("status") or {}
            phase = status.get("phase")
            failed = [
                c for c in status.get("conditions", []) if c["type"] == "Failed" and c["status"] == "True"
            ]
            if phase == "Failed" and failed:
                continue
            if phase in VALID_PHASES:
                continue
            unsettled[job["metadata"]["name"]] = str(phase)
        if not unsettled or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert operator.proc is not None and operator.proc.poll() is None, "the operator crashed"
    assert not unsettled, f"jobs without a final answer {SETTLE_SECONDS:.0f} s after submission: {unsettled}"
    for job in items:
        phase = job["status"]["phase"]
        outcomes["Failed with a condition" if phase == "Failed" else f"valid ({phase})"] += 1
    print(f"fuzz seed {SEED}: drawn {dict(sorted(drawn.items()))}; outcomes {dict(sorted(outcomes.items()))}")
    assert sum(outcomes.values()) == sum(drawn.values()) >= SPECS
