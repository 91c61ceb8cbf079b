#!/usr/bin/env bash
# Install what matching reads to understand more (Debian packages): WordNet, the FreeDict
# English-Spanish dictionaries and Apertium's English-Spanish pair. Without them the hub still
# runs and matches on its own vocabulary; `manage.py check` says what is missing.
set -euo pipefail
PACKAGES=(wordnet-base dict-freedict-eng-spa dict-freedict-spa-eng apertium-en-es)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Matching would understand more with: ${missing[*]} (Debian packages). Carrying on without them." >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
    echo "Matching would understand more with: ${missing[*]}. Install them: sudo apt-get install ${missing[*]}" >&2
    exit 0
  fi
fi
echo "Installing ${missing[*]} for matching…"
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
  || echo "Could not install ${missing[*]}; matching carries on without them." >&2
