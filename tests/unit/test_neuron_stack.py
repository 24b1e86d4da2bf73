"""The Neuron image and the CI environment that runs its trainer path are one stack, written once.

trainer-images/neuron/requirements.txt pins what the Dockerfile installs over AWS's base image, and
base-image.txt what that image brings; hack/neuron-venv.sh builds the CI environment from both files.
These tests fail when the Dockerfile stops reading them, when they disagree with the pins in
optimum-neuron's own metadata, or when the built environment holds other versions than they pin.
"""

from __future__ import annotations

import re
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
NEURON = REPO / "trainer-images" / "neuron"
SITE_PACKAGES = REPO / ".venv-neuron" / "lib" / "python3.11" / "site-packages"


def pins(path: Path) -> dict[str, str]:
    """`name==version` lines (extras dropped), keyed by the normalised distribution name."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not pinned with =="
            found[normalise(re.sub(r"\[.*\]", "", name))] = version
    return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed(site_packages: Path) -> dict[str, str]:
    versions = {}
    for info in site_packages.glob("*.dist-info"):
        metadata = Parser().parsestr((info / "METADATA").read_text(encoding="utf-8"), headersonly=True)
        versions[normalise(metadata["Name"])] = metadata["Version"]
    return versions


def optimum_neuron_requirements(site_packages: Path) -> list[str]:
    (info,) = site_packages.glob("optimum_neuron-*.dist-info")
    metadata = Parser().parsestr((info / "METADATA").read_text(encoding="utf-8"))
    return metadata.get_all("Requires-Dist") or []


def test_the_dockerfile_installs_the_pinned_stack_on_the_base_image_it_names() -> None:
    dockerfile = (NEURON / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY neuron/requirements.txt" in dockerfile
    assert re.search(r"^RUN pip install -r \S*neuron-requirements.txt$", dockerfile, re.MULTILINE)
    # No second place that pins a package of the stack.
    assert not re.search(r"pip install[^\n]*==", dockerfile), "pins belong in neuron/requirements.txt"
    base = re.search(
        r"^ARG NEURON_TRAINING_IMAGE=\S+:(?P<torch>[\d.]+)-neuronx-py(?P<py>\d+)-", dockerfile, re.M
    )
    assert base, "the Dockerfile names no Neuron training image"
    assert pins(NEURON / "base-image.txt")["torch"] == base["torch"]
    assert base["py"] == "311"  # the CI environment's Python (hack/neuron-venv.sh runs python3.11)


def test_the_pins_agree_with_optimum_neurons_own() -> None:
    """optimum-neuron's own requirements (plain, `training` and `neuronx` extras) hold for every pin.
    neuronx-distributed's is a build number of 0.15 (0.15.22404): its release is compared."""
    stack = pins(NEURON / "requirements.txt") | pins(NEURON / "base-image.txt")
    assert stack["optimum-neuron"] == installed(SITE_PACKAGES)["optimum-neuron"]
    checked = set()
    for line in optimum_neuron_requirements(SITE_PACKAGES):
        requirement = Requirement(line)
        name = normalise(requirement.name)
        extras = [{"extra": extra} for extra in ("", "training", "neuronx")]
        if name not in stack or not any(
            requirement.marker is None or requirement.marker.evaluate(e) for e in extras
        ):
            continue  # another extra's, or hardware-only (torch-neuronx, neuronx-cc, libneuronxla): stand-ins
        pinned = Version(stack[name])
        if name == "neuronx-distributed":
            wanted = Version(next(iter(requirement.specifier)).version)
            assert pinned.release[:2] == wanted.release[:2], (line, pinned)
        else:
            assert requirement.specifier.contains(pinned, prereleases=True), (line, pinned)
        checked.add(name)
    assert {"transformers", "peft", "accelerate", "torch", "numpy", "neuronx-distributed"} <= checked, checked


@pytest.mark.parametrize("pin_file", ["requirements.txt", "base-image.txt"])
def test_the_ci_environment_holds_exactly_the_pinned_versions(pin_file: str) -> None:
    assert SITE_PACKAGES.is_dir(), (
        f"{SITE_PACKAGES} is missing: `make prepare` builds it (hack/neuron-venv.sh)"
    )
    versions = installed(SITE_PACKAGES)
    for name, version in pins(NEURON / pin_file).items():
        assert name in versions, f"{name} is pinned in {pin_file} but not installed"
        assert versions[name].split("+")[0] == version, (name, versions[name], version)
