"""Prints the requirements of pyproject.toml's dependencies and the given extras, one a line, for the Dockerfile.

    python docker_requirements.py abstractive,distributed

The Dockerfile installs these (with the lock as constraints) before it copies the code, so that a change of code or
README rebuilds only the small layer that installs kholase itself.
"""

import sys
import tomllib

with open("pyproject.toml", "rb") as handle:
    project = tomllib.load(handle)["project"]
extras = [extra for extra in (sys.argv[1] if len(sys.argv) > 1 else "").split(",") if extra]
print(*project["dependencies"], *(need for extra in extras for need in project["optional-dependencies"][extra]),
      sep="\n")
