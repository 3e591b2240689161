#!/bin/sh
# Cuts from the virtualenv at $1 what a running service never uses: packages' test suites and their data. Run by the
# Dockerfile's build stages, whose venv the images copy whole.
set -eu
venv=$1
site=$(echo "$venv"/lib/python3*/site-packages)
find "$site" -depth -type d -name tests -exec rm -rf {} +
# hazm imports gensim.test.utils, which reads one corpus of gensim's 31 MB of test data on import
find "$site/gensim/test/test_data" -mindepth 1 -maxdepth 1 ! -name lee_background.cor -exec rm -rf {} +
