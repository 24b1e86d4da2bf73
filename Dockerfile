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

COPY pyproject.toml README.md /src/
COPY operator /src/operator
# The contract package the trainer images install too (what both sides agree on; standard library only).
COPY trainer-images/contract /src/contract
# The user needs a passwd entry: kopf names its peering identity after it (getpass.getuser()).
RUN pip install /src/contract /src && rm -rf /src \
    && useradd --system --uid 65532 --user-group --no-create-home --shell /usr/sbin/nologin finetune-operator

# Numeric, so that the kubelet can check runAsNonRoot; the chart runs it with a read-only
# root filesystem (only /tmp is writable, an emptyDir).
USER 65532:65532
ENTRYPOINT ["finetune-operator"]
CMD ["run"]
