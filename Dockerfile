# Kholase: Persian news summarization service.
#   docker build --target extractive -t kholase:extractive .   # TextRank only, no torch
#   docker build --target full -t kholase:full .               # + abstractive engine on CPU torch
#   docker build --target full --build-arg EXTRAS=abstractive,distributed -t kholase:ray .
# Behind a TLS-inspecting proxy, give pip the host's CA bundle as a secret (it never enters a layer):
#   --secret id=ca,src=/etc/ssl/certs/ca-certificates.crt
# torch: --build-arg TORCH_INDEX_URL=<a PEP 503 index> or TORCH_FIND_LINKS=<a folder page of wheels>.
# Without a registry, scripts/build_image.py builds a Debian base and passes --build-arg PYTHON_IMAGE=… (docs/docker.md).
# Models are never baked in: mount them at /models and set KHOLASE_MODEL=/models/NAME.

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

# Dependencies go into a virtualenv that the runtime stages copy whole, once slim-venv has cut what never runs.
FROM base AS build-extractive
RUN python -m venv /opt/venv
WORKDIR /src
COPY scripts/slim_venv.sh /usr/local/bin/slim-venv
COPY pyproject.toml README.md ./
COPY requirements/lock.txt ./requirements/lock.txt
COPY service ./service
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && pip install --no-cache-dir -c requirements/lock.txt .

FROM build-extractive AS slim-extractive
RUN slim-venv /opt/venv

# CPU wheels of torch first, so that the extra does not pull CUDA libraries: from PyTorch's CPU index, another index
# (TORCH_INDEX_URL), or a find-links page with no index at all (TORCH_FIND_LINKS). The rest from the lock.
FROM build-extractive AS build-full
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG TORCH_FIND_LINKS=""
ARG EXTRAS=abstractive
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && if [ -n "$TORCH_FIND_LINKS" ]; then export PIP_NO_INDEX=1 PIP_FIND_LINKS="$TORCH_FIND_LINKS"; \
    else export PIP_INDEX_URL="$TORCH_INDEX_URL"; fi \
 && pip install --no-cache-dir "torch==${TORCH_VERSION}"
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && pip install --no-cache-dir -c requirements/lock.txt "/src[${EXTRAS}]" \
 && slim-venv /opt/venv

# What both images share: a non-root user, the mounted model folder, the port and the health check.
FROM base AS runtime
RUN useradd --create-home --uid 10001 --user-group kholase \
 && mkdir /models \
 && chown kholase:kholase /models
ENV KHOLASE_HOST=0.0.0.0 \
    KHOLASE_PORT=8000 \
    KHOLASE_MODEL="" \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1
VOLUME ["/models"]
WORKDIR /home/kholase
USER 10001:10001
EXPOSE 8000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["kholase", "serve", "--host", "0.0.0.0", "--port", "8000"]

FROM runtime AS extractive
COPY --from=slim-extractive /opt/venv /opt/venv

# Last, so that a plain `docker build .` gives the full image.
FROM runtime AS full
COPY --from=build-full /opt/venv /opt/venv
