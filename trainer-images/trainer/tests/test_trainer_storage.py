"""Inputs from local paths and from S3, downloaded once per node into the cache."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from finetune_trainer.storage import InputMissing, StorageError, cache_path_for, localize


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket="data")
        yield client


def test_a_local_path_is_used_in_place(tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text("{}\n")
    assert localize(str(data), local_rank=0, cache_dir=tmp_path / "cache") == data
    with pytest.raises(InputMissing, match="no such file or directory"):
        localize(str(tmp_path / "missing.jsonl"), local_rank=0, cache_dir=tmp_path / "cache")


def test_an_s3_object_is_downloaded_once(tmp_path: Path, s3: Any) -> None:
    s3.put_object(Bucket="data", Key="sets/train.jsonl", Body=b'{"prompt": "a", "completion": "b"}\n')
    cache = tmp_path / "cache"
    local = localize("s3://data/sets/train.jsonl", local_rank=0, cache_dir=cache, client=s3)
    assert local == cache / "s3" / "data" / "sets" / "train.jsonl"
    assert local.read_bytes() == b'{"prompt": "a", "completion": "b"}\n'
    s3.delete_object(Bucket="data", Key="sets/train.jsonl")
    assert localize("s3://data/sets/train.jsonl", local_rank=0, cache_dir=cache, client=s3) == local  # cached


def test_an_s3_prefix_is_downloaded_as_a_directory(tmp_path: Path, s3: Any) -> None:
    for name in ("config.json", "model.safetensors", "tokenizer/tokenizer.json"):
        s3.put_object(Bucket="data", Key=f"models/tiny/{name}", Body=name.encode())
    local = localize("s3://data/models/tiny/", local_rank=0, cache_dir=tmp_path, client=s3)
    assert sorted(str(p.relative_to(local)) for p in local.rglob("*") if p.is_file()) == [
        "config.json",
        "model.safetensors",
        "tokenizer/tokenizer.json",
    ]


def test_a_missing_s3_object_is_a_clear_error(tmp_path: Path, s3: Any) -> None:
    with pytest.raises(InputMissing, match=r"s3://data/nope\.jsonl: no such object or prefix"):
        localize("s3://data/nope.jsonl", local_rank=0, cache_dir=tmp_path, client=s3)


def test_other_local_ranks_wait_for_local_rank_zero(tmp_path: Path) -> None:
    uri = "s3://data/train.jsonl"
    target = cache_path_for(uri, tmp_path)

    def rank_zero_finishes_later() -> None:
        time.sleep(0.3)
        target.parent.mkdir(parents=True)
        target.write_text("{}\n")
        (target.parent / "train.jsonl.download-complete").write_text(uri)

    threading.Thread(target=rank_zero_finishes_later).start()
    started = time.monotonic()
    assert localize(uri, local_rank=1, cache_dir=tmp_path, client=object()) == target
    assert time.monotonic() - started >= 0.25
    with pytest.raises(StorageError, match="did not finish downloading"):
        localize("s3://data/other.jsonl", local_rank=1, cache_dir=tmp_path, wait_timeout_s=0.2)


def test_training_reads_model_and_data_from_s3_through_the_node_cache(
    tmp_path: Path, tiny_model: Path
) -> None:
    """Two ranks on one node: local rank 0 downloads into the cache, rank 1 waits and reuses it."""
    import trainer_testkit as kit
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        credentials = {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket="fsx-export")
        for file in tiny_model.iterdir():
            client.upload_file(str(file), "fsx-export", f"models/tiny/{file.name}")
        data = kit.write_jsonl(tmp_path / "train.jsonl", kit.messages_records(40, seed=2))
        client.upload_file(str(data), "fsx-export", "data/train.jsonl")

        run = tmp_path / "run"
        config = kit.make_config(run, Path("unused"), [], **{"training.maxSteps": 2})
        config["model"]["path"] = "s3://fsx-export/models/tiny"
        config["data"]["train"] = [{"path": "s3://fsx-export/data/train.jsonl", "weight": 1.0}]
        cache = tmp_path / "cache"
        env = kit.trainer_env(cache_dir=str(cache), AWS_ENDPOINT_URL=endpoint, **credentials)
        result = kit.run_trainer(kit.write_config(run, config), processes=2, env=env)
        assert result.returncode == 0, result.stderr[-4000:]
    finally:
        server.stop()
    assert (cache / "s3" / "fsx-export" / "data" / "train.jsonl").read_bytes() == data.read_bytes()
    assert (cache / "s3" / "fsx-export" / "models" / "tiny" / "config.json").is_file()
    assert (cache / "s3" / "fsx-export" / "models" / "tiny.download-complete").is_file()
    assert not list(cache.rglob("*.partial"))


class _FailingS3:
    """An S3 client whose every call fails with one botocore-shaped error code."""

    def __init__(self, code: str) -> None:
        self.code = code

    def get_paginator(self, name: str) -> Any:
        from botocore.exceptions import ClientError

        raise ClientError({"Error": {"Code": self.code, "Message": self.code}}, "ListObjectsV2")


def test_missing_or_forbidden_s3_inputs_are_spec_errors_and_other_failures_are_not(tmp_path: Path) -> None:
    for code in ("NoSuchBucket", "AccessDenied", "403"):
        with pytest.raises(InputMissing, match=r"s3://data/x\.jsonl: no such object or prefix, or no access"):
            localize("s3://data/x.jsonl", local_rank=0, cache_dir=tmp_path, client=_FailingS3(code))
    for code in ("SlowDown", "InternalError"):
        with pytest.raises(StorageError, match="cannot fetch") as raised:
            localize("s3://data/x.jsonl", local_rank=0, cache_dir=tmp_path, client=_FailingS3(code))
        assert not isinstance(raised.value, InputMissing)
