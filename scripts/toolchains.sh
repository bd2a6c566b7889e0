#!/usr/bin/env bash
# The heavy toolchain tests (issue 23), one command, not part of scripts/test.sh: Next.js 16
# (next build + next start; a client component in Chromium, its server rendering, a route
# handler), wrangler 4 (workerd), Bun and Deno, each from the packed tarball of pkg/ in a fresh
# project, every public case (tests/toolchains/toolchains.test.mjs). The tools come from the npm
# registry at the exact versions of tests/toolchains/package.json (about 600 MB once, into
# tests/toolchains/node_modules; Next.js and React are installed into the test's own project).
# Usage: scripts/toolchains.sh   (builds pkg/ first if it is not there; after changing the engine
# or the package, run scripts/build.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

scripts/setup.sh --browser   # Chromium, the workspace's dev dependencies (idempotent)
[ -f pkg/package.json ] || scripts/build.sh
if ! (cd tests/toolchains && npm ls --depth=0 >/dev/null 2>&1); then
  echo "[toolchains] installing tests/toolchains/package.json (bun, deno, node 22, wrangler)"
  (cd tests/toolchains && npm install --no-audit --no-fund)
fi

node --test --test-reporter=spec --test-concurrency=1 tests/toolchains/
echo "[toolchains] done in $((SECONDS - start)) s"
