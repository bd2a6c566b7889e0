#!/usr/bin/env bash
# Set up and run every test: formatting and lints, the Rust tests (public cases through the API and
# the CLI, properties, pack validation), the npm package (from a packed tarball), the page in
# Chromium, and the page in each engine (Chromium, Firefox ESR, WebKitGTK). CI (.ci/run) runs
# exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh --browser

step "division data is what the package gives"
node scripts/divisions.mjs --check
step "the page's sources of published figures are the packs' (scripts/sources.mjs)"
node scripts/sources.mjs --check

step "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
# The page's build, without the `maintainer` feature (`--package`: the CLI would turn it back on).
cargo clippy --package yibao-policy --lib --no-default-features -- -D warnings
cargo clippy --package yibao-policy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings

step "import graph of src/: no cycle outside policy/ (scripts/import-graph.mjs)"
node scripts/import-graph.mjs

step "Rust dependencies: licences, sources, duplicates (cargo deny, deny.toml)"
# Advisories are not checked: the RustSec database needs a network this machine lacks.
# `--offline` reads the crates of every platform in Cargo.lock (winapi-util for Windows, …), and a
# build only ever downloads this platform's: fetch them all first (a no-op once they are there).
cargo fetch --locked --quiet
cargo deny --offline check licenses sources bans

step "Rust tests"
cargo test
# Every shared case through the page's build (the default packs compiled in as data).
cargo test --package yibao-policy --no-default-features --test cases

step "build the npm package and the page"
scripts/build.sh

step "npm dependency audit"
node scripts/audit.mjs

step "npm package tests (node --test)"
node --test --test-reporter=spec tests/js/

step "page tests in Chromium (node --test)"
if ls tests/browser/*.test.mjs >/dev/null 2>&1; then
  node --test --test-reporter=spec --test-concurrency=1 tests/browser/
else
  echo "no page tests yet (tests/browser/ is empty)"
fi

# The page in every engine (tests/engines/): the cases' deep links, a typed journey, offline, the
# pure-JS fallbacks, one .wasm download per first visit on a slow network, and the tab order at
# 360 px. Budget: 4 minutes an engine on CI's 2 cores (≈1.5 min each measured; timeout stops a
# hung browser at 8), so the whole suite stays well under 30 minutes.
for engine in chromium firefox webkit; do
  step "page tests in $engine (tests/engines/, node --test)"
  start=$SECONDS
  YIBAO_ENGINES=$engine timeout 480 node --test --test-reporter=spec --test-concurrency=1 tests/engines/
  echo "$engine: $((SECONDS - start)) s (budget 240 s)"
done
