"""The publish step's program (`finetune_trainer.publish`) against a real OCI registry (the bed's
CNCF distribution binary, on a free port of its own) and moto's S3: what it pushes is what comes
back, byte for byte, in the layout serving pulls; a registry that is down is a retryable failure
and the retry after it is back succeeds with the same digest; the output is never written."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from hack.testbed import registry
from hack.testbed.layout import layout
from hack.testbed.processes import free_port
from moto.server import ThreadedMotoServer

from finetune_contract.oci import (
    CONFIG_MEDIA_TYPE,
    LAYER_MEDIA_TYPE,
    MANIFEST_MEDIA_TYPE,
    Reference,
    RegistryClient,
    build_image,
    docker_credentials,
    extract_layer,
)
from finetune_trainer.publish import EXIT_PUBLISHED, EXIT_REFUSED, EXIT_RETRY, S3_MANIFEST, main


@pytest.fixture
def adapter(tmp_path: Path) -> Path:
    directory = tmp_path / "output" / "adapter"
    directory.mkdir(parents=True)
    (directory / "adapter_config.json").write_text('{"peft_type": "LORA", "r": 8}\n')
    (directory / "adapter_model.safetensors").write_bytes(os.urandom(4096))
    (directory / "tokenizer" / "nested").mkdir(parents=True)
    (directory / "tokenizer" / "nested" / "vocab.json").write_text('{"a": 1}')
    return directory


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


@pytest.fixture
def registry_address(tmp_path: Path) -> Iterator[str]:
    address = f"127.0.0.1:{free_port()}"
    process = registry.start_local(layout(), tmp_path / "registry", address, tmp_path / "registry.log")
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


def _publish(source: Path, target: str, result: Path, *extra: str) -> tuple[int, dict[str, str]]:
    code = main(["--source", str(source), "--target", target, "--result", str(result), *extra])
    return code, json.loads(result.read_text())


def test_the_adapter_comes_back_byte_for_byte_in_the_modelcar_and_kaito_layout(
    tmp_path: Path, adapter: Path, registry_address: str
) -> None:
    before = _snapshot(adapter)
    target = f"oci://{registry_address}/team-a/tiny-adapter:v1"
    code, result = _publish(
        adapter,
        target,
        tmp_path / "result.json",
        "--insecure-registry",
        registry_address,
        "--annotation",
        "dev.finetune.job=team-a/tiny",
    )
    assert code == EXIT_PUBLISHED, result
    digest = result["digest"]
    assert result["reference"] == f"{registry_address}/team-a/tiny-adapter@{digest}"

    client = RegistryClient(registry_address, insecure=True)
    manifest, (layer,) = client.pull("team-a/tiny-adapter", "v1")
    assert manifest["mediaType"] == MANIFEST_MEDIA_TYPE
    assert manifest["config"]["mediaType"] == CONFIG_MEDIA_TYPE
    assert [d["mediaType"] for d in manifest["layers"]] == [LAYER_MEDIA_TYPE]
    assert manifest["annotations"] == {"dev.finetune.job": "team-a/tiny"}
    # KServe modelcars serve /models, KAITO copies /data: the same files in both.
    assert extract_layer(layer, "models") == before
    with tarfile.open(fileobj=io.BytesIO(layer)) as tar:
        links = {m.name: m.linkname for m in tar.getmembers() if m.islnk()}
    assert links == {f"data/{name}": f"models/{name}" for name in before}
    # By digest too, and the output was only read.
    assert client.pull("team-a/tiny-adapter", digest)[1] == [layer]
    assert _snapshot(adapter) == before

    # Publishing the same output again pushes nothing new: the image is reproducible.
    code, again = _publish(
        adapter,
        target.replace(":v1", ":v2"),
        tmp_path / "again.json",
        "--insecure-registry",
        registry_address,
        "--annotation",
        "dev.finetune.job=team-a/tiny",
    )
    assert code == EXIT_PUBLISHED and again["digest"] == digest


def test_a_registry_that_is_down_is_retried_and_the_retry_succeeds_once_it_is_back(
    tmp_path: Path, adapter: Path
) -> None:
    address = f"127.0.0.1:{free_port()}"
    target = f"oci://{address}/team-a/adapter:v1"
    code, result = _publish(adapter, target, tmp_path / "down.json", "--insecure-registry", address)
    assert code == EXIT_RETRY and "Connection refused" in result["error"]
    process = registry.start_local(layout(), tmp_path / "registry", address, tmp_path / "registry.log")
    try:
        code, result = _publish(adapter, target, tmp_path / "up.json", "--insecure-registry", address)
        assert code == EXIT_PUBLISHED
        _, (layer,) = RegistryClient(address, insecure=True).pull("team-a/adapter", "v1")
        assert extract_layer(layer) == _snapshot(adapter)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_missing_output_is_refused_for_good(tmp_path: Path) -> None:
    code, result = _publish(tmp_path / "nothing", "oci://127.0.0.1:9/a/b:c", tmp_path / "r.json")
    assert code == EXIT_REFUSED and "missing or empty" in result["error"]


def test_the_image_is_reproducible_and_names_its_layer_in_the_config(adapter: Path) -> None:
    first, second = build_image(adapter, {"a": "1"}), build_image(adapter, {"a": "1"})
    assert first.manifest == second.manifest and first.digest == second.digest
    config = json.loads(first.config.data)
    assert config["rootfs"]["diff_ids"] == ["sha256:" + hashlib.sha256(first.layer.data).hexdigest()]
    assert "os" not in config and "architecture" not in config  # platform-independent (KAITO)


def test_credentials_come_from_the_docker_config() -> None:
    auth = base64.b64encode(b"robot:s3cret").decode()
    config = {
        "auths": {
            "https://registry.example": {"auth": auth},
            "other.example": {"username": "u", "password": "p"},
        }
    }
    assert docker_credentials(config, "registry.example") == ("robot", "s3cret")
    assert docker_credentials(config, "other.example") == ("u", "p")
    assert docker_credentials(config, "third.example") is None
    assert Reference.parse("oci://r.example:5000/a/b:v1") == Reference("r.example:5000", "a/b", "v1")


def test_an_s3_target_gets_every_file_and_a_manifest_written_last(tmp_path: Path, adapter: Path) -> None:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    saved = {
        k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION")
    }
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
    )
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        s3 = boto3.client("s3", endpoint_url=endpoint)
        s3.create_bucket(Bucket="models")
        code, result = _publish(
            adapter, "s3://models/team-a/run-1/", tmp_path / "r.json", "--s3-endpoint-url", endpoint
        )
        assert code == EXIT_PUBLISHED, result
        assert result["reference"] == f"s3://models/team-a/run-1/{S3_MANIFEST}"
        body = s3.get_object(Bucket="models", Key=f"team-a/run-1/{S3_MANIFEST}")["Body"].read()
        assert result["digest"] == "sha256:" + hashlib.sha256(body).hexdigest()
        manifest = json.loads(body)
        expected = _snapshot(adapter)
        assert {f["path"] for f in manifest["files"]} == set(expected)
        for entry in manifest["files"]:
            data = s3.get_object(Bucket="models", Key=f"team-a/run-1/{entry['path']}")["Body"].read()
            assert data == expected[entry["path"]]
            assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["size"] == len(data)
        code, result = _publish(
            adapter, "s3://no-such-bucket/x", tmp_path / "r2.json", "--s3-endpoint-url", endpoint
        )
        assert code == EXIT_REFUSED and "NoSuchBucket" in result["error"]
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_the_publish_step_runs_as_a_module(tmp_path: Path) -> None:
    """The Job's command (`python -m finetune_trainer.publish`) parses its flags."""
    run = subprocess.run(
        ["python", "-m", "finetune_trainer.publish", "--help"], capture_output=True, text=True, env=os.environ
    )
    assert run.returncode == 0 and "--insecure-registry" in run.stdout
