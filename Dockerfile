# syntax=docker/dockerfile:1
# Kholase: Persian news summarization service.
#   docker build --target extractive -t kholase:extractive .   # TextRank only, no torch (~200 MB)
#   docker build --target full -t kholase:full .               # + abstractive engine on CPU torch
#   docker build --target full --build-arg EXTRAS=abstractive,distributed -t kholase:ray .
# Models are never baked in: mount them at /models and set KHOLASE_MODEL=/models/NAME.

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

# Dependencies go into a virtualenv that the runtime stages copy whole.
FROM base AS build-extractive
RUN python -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY requirements/lock.txt ./requirements/lock.txt
COPY service ./service
RUN pip install --no-cache-dir -c requirements/lock.txt .

# CPU wheels of torch first, from PyTorch's own index, so that the extra does not pull CUDA libraries; the rest from
# the lock, as everywhere else.
FROM build-extractive AS build-full
ARG TORCH_VERSION=2.13.0
ARG EXTRAS=abstractive
RUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu "torch==${TORCH_VERSION}" \
 && pip install --no-cache-dir -c requirements/lock.txt "/src[${EXTRAS}]"

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
COPY --from=build-extractive /opt/venv /opt/venv

# Last, so that a plain `docker build .` gives the full image.
FROM runtime AS full
COPY --from=build-full /opt/venv /opt/venv
