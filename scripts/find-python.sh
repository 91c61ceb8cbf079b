#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6.1 needs it), or explain what to install.
set -euo pipefail
for candidate in python3.13 python3.12 python3 python; do
  if command -v "$candidate" >/dev/null 2>&1; then
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      command -v "$candidate"
      exit 0
    fi
  fi
done
# pyenv installs that the shims do not expose yet
for candidate in "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
echo "Python 3.12 or newer is needed (Django 6.1). Install it, e.g. 'pyenv install 3.12' or your system's python3.12 package." >&2
exit 1
