"""Training methods: what each one needs, in one table, and the check of a method against a config.

A method's `MethodTraits` decide, on both sides of the contract:

- which config sections it uses (`lora`, `dpo`, `grpo`): the operator renders them and accepts
  overrides of them only for the methods that use them, the trainer requires them;
- whether it learns from preferences, or from completions it generates and scores with rewards;
- which data formats it reads, the first being the default;
- on which accelerator families it runs, and why not on the others.

The operator's admission, resolution and SageMaker pre-flight and the trainer's config and device
layers all ask this module and keep no list of their own. A new method is one `Method` member and
its `METHOD_TRAITS` entry here, plus its implementation on each side (docs/architecture.md, "The
contract package", lists the files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

METHOD_ONLY_SECTIONS = ("lora", "dpo", "grpo")
"""The resolved config's sections that only some methods use (`MethodTraits.sections`); the
operator renders them as null for the others."""


class AcceleratorFamily(StrEnum):
    """Which trainer image build an attempt needs (trainer-images/<family>); the trainer detects the
    same names as its device kind."""

    NEURON = "neuron"
    CUDA = "cuda"
    CPU = "cpu"


class DataFormat(StrEnum):
    """Record layout of the JSONL training data."""

    MESSAGES = "messages"
    PROMPT_COMPLETION = "prompt-completion"
    PREFERENCE = "preference"
    BEDROCK_CONVERSATION = "bedrock-conversation"
    PROMPT = "prompt"
    """GRPO: ``{"prompt": str | [messages], ...}``; the other fields go to the reward functions."""


class Method(StrEnum):
    """Fine-tuning method."""

    SFT = "sft"
    LORA = "lora"
    DPO = "dpo"
    DPO_LORA = "dpo-lora"
    GRPO = "grpo"
    GRPO_LORA = "grpo-lora"

    @property
    def traits(self) -> MethodTraits:
        return METHOD_TRAITS[self]

    @property
    def uses_lora(self) -> bool:
        return self.traits.lora

    @property
    def uses_preferences(self) -> bool:
        return self.traits.preferences

    @property
    def uses_rewards(self) -> bool:
        """Online RL (GRPO): the trainer generates completions and scores them with reward functions."""
        return self.traits.rewards

    def runs_on(self, family: AcceleratorFamily) -> bool:
        return family in self.traits.families


@dataclass(frozen=True)
class MethodTraits:
    kind: str
    """The objective in prose (SFT, DPO, GRPO): methods of one kind differ only in `lora`."""
    formats: tuple[DataFormat, ...]
    """The data formats it reads; the first is the default when a job names none."""
    lora: bool = False
    """Trains LoRA adapters on a frozen base (the `lora` section) instead of every weight."""
    preferences: bool = False
    """Learns from preference pairs against a frozen reference (the `dpo` section)."""
    rewards: bool = False
    """Generates completions and scores them with the job's rewards (the `grpo` section; `rewards`
    and `tools` are its alone)."""
    families: tuple[AcceleratorFamily, ...] = tuple(AcceleratorFamily)
    family_note: str = ""
    """Why it does not run on the families it lacks: every refusal says it."""

    @property
    def sections(self) -> tuple[str, ...]:
        """The config sections it uses (of `METHOD_ONLY_SECTIONS`), which the operator renders and the
        trainer requires."""
        used = {"lora": self.lora, "dpo": self.preferences, "grpo": self.rewards}
        return tuple(section for section in METHOD_ONLY_SECTIONS if used[section])

    @property
    def default_format(self) -> DataFormat:
        return self.formats[0]


_SUPERVISED_FORMATS = (DataFormat.MESSAGES, DataFormat.PROMPT_COMPLETION, DataFormat.BEDROCK_CONVERSATION)
_PREFERENCE_FORMATS = (DataFormat.PREFERENCE, DataFormat.BEDROCK_CONVERSATION)
"""The bedrock-conversation flavour carries the candidates on its last assistant turn, as Nova DPO needs."""
_GRPO = MethodTraits(
    kind="GRPO",
    formats=(DataFormat.PROMPT,),
    rewards=True,
    families=(AcceleratorFamily.CUDA, AcceleratorFamily.CPU),
    family_note="no library the trainer uses supports GRPO on Neuron",
)

METHOD_TRAITS: dict[Method, MethodTraits] = {
    Method.SFT: MethodTraits(kind="SFT", formats=_SUPERVISED_FORMATS),
    Method.LORA: MethodTraits(kind="SFT", formats=_SUPERVISED_FORMATS, lora=True),
    Method.DPO: MethodTraits(kind="DPO", formats=_PREFERENCE_FORMATS, preferences=True),
    Method.DPO_LORA: MethodTraits(kind="DPO", formats=_PREFERENCE_FORMATS, preferences=True, lora=True),
    Method.GRPO: _GRPO,
    Method.GRPO_LORA: replace(_GRPO, lora=True),
}
"""Every method's traits: the one place they are written."""


def methods_where(trait: Callable[[MethodTraits], bool]) -> tuple[Method, ...]:
    """The methods whose traits have `trait`, in declaration order."""
    return tuple(method for method in Method if trait(method.traits))


def spoken(names: Iterable[StrEnum], conjunction: str = "and") -> str:
    """`grpo and grpo-lora`, `preference or bedrock-conversation`: names in a sentence."""
    words = [name.value for name in names]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


@dataclass(frozen=True)
class MethodProblem:
    """Why a method cannot train with a config: the field to fix (a dot-path of the resolved config,
    `data.format`) and the reason, which names the methods or formats that would fit."""

    field: str
    message: str


def format_problem(method: Method, data_format: DataFormat) -> MethodProblem | None:
    """Whether `method` reads `data_format` records."""
    traits = method.traits
    if data_format in traits.formats:
        return None
    readers = methods_where(lambda other: data_format in other.formats)
    if traits.rewards or data_format == DataFormat.PROMPT:
        rl = methods_where(lambda other: other.rewards)
        message = (
            f"method {method.value!r} cannot train on {data_format.value!r} records; "
            f"{METHOD_TRAITS[rl[0]].kind} methods ({', '.join(m.value for m in rl)}) read prompt records "
            '({"prompt": ..., other fields for the rewards}) and only they do'
        )
    elif traits.preferences:
        message = (
            f"method {method.value!r} trains on preference data (prompt/chosen/rejected, "
            "or bedrock-conversation records whose last turn has preferred/non-preferred candidates); "
            f"set format: {spoken(traits.formats, 'or')}, not {data_format.value!r}"
        )
    elif data_format == DataFormat.PREFERENCE:
        message = f"preference data needs method {spoken(readers, 'or')}, not {method.value!r}"
    else:
        message = (
            f"method {method.value!r} reads {spoken(traits.formats, 'or')} records, not "
            f"{data_format.value!r} (which {spoken(readers, 'and')} read)"
        )
    return MethodProblem("data.format", message)


def rewards_problem(method: Method, rewards: int, tools: bool, prefix: str = "") -> MethodProblem | None:
    """Reward methods need at least one reward; no other method takes rewards or tools. `prefix` is
    where the config's sections sit in the caller's document (`spec.` in a FineTuneJob)."""
    rl = spoken(methods_where(lambda traits: traits.rewards))
    if method.uses_rewards and not rewards:
        return MethodProblem("rewards", f"methods {rl} need at least one reward function in {prefix}rewards")
    if not method.uses_rewards and (rewards or tools):
        field = "rewards" if rewards else "tools"
        return MethodProblem(field, f"{prefix}rewards and {prefix}tools apply only to methods {rl}")
    return None


def sections_problem(method: Method, present: Iterable[str]) -> MethodProblem | None:
    """Every section `method` uses is in the document (the operator renders them)."""
    missing = [section for section in method.traits.sections if section not in set(present)]
    if missing:
        return MethodProblem(missing[0], f"method {method.value} needs {missing[0]} settings")
    return None


def family_problem(method: Method, family: AcceleratorFamily) -> str | None:
    """Why `method` does not run on `family` (its `family_note`), or None where it runs."""
    return None if method.runs_on(family) else method.traits.family_note


def check_method(
    method: Method,
    *,
    data_format: DataFormat,
    rewards: int,
    tools: bool,
    sections: Iterable[str],
) -> MethodProblem | None:
    """The first problem of `method` with a whole resolved config (the trainer checks this; the operator
    checks each part where its field is set), or None."""
    return (
        format_problem(method, data_format)
        or sections_problem(method, sections)
        or rewards_problem(method, rewards, tools)
    )
