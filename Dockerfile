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

# Dependencies go into the virtualenv /opt/venv, which the images copy whole once slim-venv has cut what never runs;
# pip lives in a venv of its own (/opt/pip), never copied. Dependencies come from pyproject.toml and the lock alone,
# before the code is copied, and kholase itself is staged apart (pip's --root) and copied as its own small layer: a
# change of code or README rebuilds only that layer.
FROM base AS deps
ENV PIP_PYTHON=/opt/venv/bin/python
RUN python -m venv /opt/pip \
 && python -m venv --without-pip /opt/venv
WORKDIR /src
COPY scripts/slim_venv.sh /usr/local/bin/slim-venv
COPY scripts/docker_requirements.py /usr/local/lib/
COPY pyproject.toml ./
COPY requirements/lock.txt ./requirements/lock.txt
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && python /usr/local/lib/docker_requirements.py > /tmp/requirements.txt \
 && /opt/pip/bin/pip install --no-cache-dir -c requirements/lock.txt -r /tmp/requirements.txt \
 && slim-venv /opt/venv

FROM deps AS build-extractive
COPY README.md ./
COPY service ./service
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && /opt/pip/bin/pip install --no-cache-dir --no-deps --root /stage .

# The CPU wheel of torch first, so that the extra does not pull CUDA libraries: from PyTorch's CPU index, another
# index (TORCH_INDEX_URL), or a find-links page with no index at all (TORCH_FIND_LINKS). Its dependencies and the rest
# come from the lock, as everywhere else.
FROM deps AS deps-full
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG TORCH_FIND_LINKS=""
ARG EXTRAS=abstractive
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && if [ -n "$TORCH_FIND_LINKS" ]; then export PIP_NO_INDEX=1 PIP_FIND_LINKS="$TORCH_FIND_LINKS"; \
    else export PIP_INDEX_URL="$TORCH_INDEX_URL"; fi \
 && /opt/pip/bin/pip install --no-cache-dir --no-deps "torch==${TORCH_VERSION}"
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && python /usr/local/lib/docker_requirements.py "$EXTRAS" > /tmp/requirements.txt \
 && /opt/pip/bin/pip install --no-cache-dir -c requirements/lock.txt -r /tmp/requirements.txt \
 && slim-venv /opt/venv

FROM deps-full AS build-full
COPY README.md ./
COPY service ./service
RUN --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi \
 && /opt/pip/bin/pip install --no-cache-dir --no-deps --root /stage .

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
COPY --from=deps /opt/venv /opt/venv
COPY --from=build-extractive /stage/ /

# Last, so that a plain `docker build .` gives the full image.
FROM runtime AS full
COPY --from=deps-full /opt/venv /opt/venv
COPY --from=build-full /stage/ /
