#!/usr/bin/env bash
# Set up, build and serve the demo page on http://127.0.0.1:8080/ (the next free port if taken).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs --root dist "$@"
