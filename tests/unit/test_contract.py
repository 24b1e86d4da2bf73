"""The operator's and the trainer's copies of the contract constants agree.

Each side keeps one module of them (the trainer image does not ship the operator, nor the operator
the trainer), so this test is what ties the two together.
"""

from __future__ import annotations

from types import ModuleType

import finetune_operator.contract as operator_contract
import finetune_trainer.contract as trainer_contract

SHARED = {"EXIT_INVALID_CONFIG", "RESUME_AUTO"}
"""Names both sides must define: the operator reads what the trainer writes and the reverse."""


def _constants(module: ModuleType) -> dict[str, object]:
    return {name: value for name, value in vars(module).items() if name.isupper()}


def test_every_name_both_sides_define_has_the_same_value() -> None:
    operator, trainer = _constants(operator_contract), _constants(trainer_contract)
    assert set(operator) & set(trainer) >= SHARED
    disagreements = {
        name: (operator[name], trainer[name])
        for name in set(operator) & set(trainer)
        if operator[name] != trainer[name]
    }
    assert disagreements == {}


def test_the_exit_codes_are_the_documented_ones() -> None:
    """docs/trainer-contract.md: 2 = invalid config (no retry), 143 = stopped after a checkpoint."""
    assert trainer_contract.EXIT_INVALID_CONFIG == 2
    assert trainer_contract.EXIT_STOPPED == 143
    assert trainer_contract.EXIT_TRAINING_ERROR == 1
