# The finetune-operator image (the chart's image.repository). Build from the repository root:
#   docker build -t ghcr.io/finetune-operator/finetune-operator:0.1.0 .
# BASE_IMAGE: the public Python image; the local bed (hack/build-images.sh), which reaches no
# registry, passes its own Debian-built one.
ARG BASE_IMAGE=python:3.11.14-slim-bookworm
FROM ${BASE_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The user needs a passwd entry: kopf names its peering identity after it (getpass.getuser()).
RUN useradd --system --uid 65532 --user-group --no-create-home --shell /usr/sbin/nologin finetune-operator

# The dependencies, from pyproject.toml alone, in a layer of their own: a change to the operator's
# code then rebuilds only the last layer.
COPY pyproject.toml /src/pyproject.toml
RUN python -c 'import sys, tomllib; print(*tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"], sep="\n")' \
      /src/pyproject.toml > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt && rm -rf /tmp/requirements.txt /src

COPY pyproject.toml README.md /src/
COPY operator /src/operator
# The contract package the trainer images install too (what both sides agree on; standard library only).
COPY trainer-images/contract /src/contract
RUN pip install --no-deps /src/contract /src && rm -rf /src

# Numeric, so that the kubelet can check runAsNonRoot; the chart runs it with a read-only
# root filesystem (only /tmp is writable, an emptyDir).
USER 65532:65532
ENTRYPOINT ["finetune-operator"]
CMD ["run"]
