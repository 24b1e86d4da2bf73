"""A backend's section of the operator config (``sagemaker:``) is validated by the settings model the
backend registered (backends/registry.py), without config.py knowing any backend."""

from __future__ import annotations

import pytest

from finetune_operator.api.recipe import BackendName
from finetune_operator.backends.registry import BackendCache, check_backend_settings
from finetune_operator.backends.sagemaker.settings import SageMakerSettings
from finetune_operator.cli import render_config
from finetune_operator.config import OperatorConfig


def test_a_section_reads_back_as_the_backend_model():
    config = OperatorConfig.model_validate({"sagemaker": {"region": "us-west-2"}})
    check_backend_settings(config)
    assert config.settings_of(BackendName.SAGEMAKER, SageMakerSettings).region == "us-west-2"


def test_a_model_instance_is_kept_as_given():
    settings = SageMakerSettings(region="eu-west-1")
    assert (
        OperatorConfig(sagemaker=settings).settings_of(BackendName.SAGEMAKER, SageMakerSettings) is settings
    )


def test_no_section_means_the_model_defaults():
    assert OperatorConfig().settings_of(BackendName.SAGEMAKER, SageMakerSettings) == SageMakerSettings()


def test_a_bad_section_stops_the_operator_before_its_first_job():
    config = OperatorConfig.model_validate({"sagemaker": {"regoin": "us-west-2"}})
    with pytest.raises(ValueError, match=r"(?s)operator config section 'sagemaker':.*regoin"):
        check_backend_settings(config)
    with pytest.raises(ValueError, match="regoin"):
        BackendCache(config)


def test_a_section_for_a_backend_without_settings_is_refused():
    config = OperatorConfig.model_validate({"hyperpod": {"anything": 1}})
    with pytest.raises(ValueError, match="section 'hyperpod': backend hyperpod has no settings"):
        check_backend_settings(config)


def test_render_refuses_a_bad_section_of_its_config_file(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("sagemaker:\n  role_allowlist: not-a-list\n")
    with pytest.raises(ValueError, match="section 'sagemaker'"):
        render_config(path)
