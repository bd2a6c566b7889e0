#!/usr/bin/env bash
# The one command that reproduces every figure in BENCHMARKS.md (issue 5):
#
#   bench/run.sh            # criterion --quick, then the Node, browser and size tables
#   bench/run.sh --quick    # everything in quick mode (≈1 min after a build)
#   bench/run.sh --full     # criterion's full sampling too (≈3 min more)
#   bench/run.sh --profile  # also the callgrind / V8 profiles (bench/profile.mjs, ≈3 min)
#   bench/run.sh --build    # force scripts/build.sh first
#   bench/run.sh --phone    # only the phone profile of issue 13 (bench/phone.mjs, ≈4 min)
#
# It builds first when pkg/, www/vendor/ or dist/ is missing, half-built, or older than src/,
# packs/ or www/.
# Output goes to the terminal and to bench/out/latest.txt; machine-readable figures to
# bench/out/*.json. Benchmarks are not tests: nothing here fails on a slow time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

quick="" full="" profile="" build="" phone=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    --full) full=1 ;;
    --profile) profile=1 ;;
    --build) build=1 ;;
    --phone) phone=1 ;;
    *) echo "usage: bench/run.sh [--quick] [--full] [--profile] [--build] [--phone]" >&2; exit 2 ;;
  esac
done

mkdir -p bench/out
exec > >(tee bench/out/latest.txt) 2>&1

needs_build() {
  local f
  for f in pkg/node/yibao_policy.js pkg/node/yibao_policy_bg.wasm pkg/web/yibao_policy.js pkg/web/yibao_policy_bg.wasm \
           www/vendor/yibao-policy/yibao_policy.js www/vendor/yibao-policy/yibao_policy_bg.wasm \
           target/wasm32-unknown-unknown/release/yibao_policy.wasm dist/index.html dist/sw.js; do
    [ -s "$f" ] || return 0
  done
  [ -n "$(find src packs Cargo.toml -newer pkg/web/yibao_policy_bg.wasm -print -quit)" ] ||
    [ -n "$(find www -newer dist/sw.js -print -quit)" ]   # the page's sources after the last dist/
}
if [ -n "$build" ] || needs_build; then
  echo "== scripts/build.sh"
  scripts/build.sh
fi

if [ -n "$phone" ]; then
  echo "== 3. browser, phone profile: node bench/browser.mjs --only phone $quick"
  node bench/browser.mjs --only phone $quick --json bench/out/phone.json
  exit 0
fi

echo "== bench inputs (bench/fixtures.mjs, from ../shared/cases)"
node bench/fixtures.mjs >/dev/null
git diff --quiet -- bench/fixtures 2>/dev/null || echo "note: bench/fixtures/ changed (the shared cases changed?)"

echo
if [ -n "$full" ]; then echo "== 1. native: cargo bench --bench estimate"; else echo "== 1. native: cargo bench --bench estimate -- --quick"; fi
# Criterion's chatter (progress, change against the last run, outliers) filtered out; errors kept.
crit_args=(--quick)
[ -n "$full" ] && crit_args=()
# Own target dir, and panic=unwind for the release profile too: with the package's cdylib+rlib lib,
# `cargo bench` otherwise builds the lib twice (unwind for the bench, abort for the CLI bin) into
# the same unhashed libyibao_policy.rlib, and whichever lands last breaks the other's link.
export CARGO_TARGET_DIR="$PWD/target/bench" CARGO_PROFILE_RELEASE_PANIC=unwind
if cargo bench --bench estimate -- "${crit_args[@]}" > bench/out/criterion.txt 2>&1; then crit_ok=1; else crit_ok=""; fi
unset CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_PANIC
grep -vE '^(Benchmarking|Testing|Success|Gnuplot|Found [0-9]+ outliers|  [0-9]+ \(|\s*$)|change:|No change|Change within|Performance has|^\s+(time|thrpt):\s+\[[+-]|output filename collision|^\s+(\||=)' bench/out/criterion.txt || true
[ -n "$crit_ok" ] || echo "cargo bench failed (see above); the tables below still run"

echo
echo "== 2. package: node bench/node.mjs $quick"
node bench/node.mjs $quick --json bench/out/node.json

echo
echo "== 3. browser (loopback, then the phone profile): node bench/browser.mjs $quick"
node bench/browser.mjs $quick --json bench/out/browser.json
echo
echo "== 3c. critical path, modern and old browsers: node bench/critical-path.mjs"
node bench/critical-path.mjs --json bench/out/critical-path.json

echo
echo "== 4. sizes: node bench/sizes.mjs"
# twiggy (the by-crate and by-module table) is a benchmark tool, not a set-up one: installed here,
# once, from crates.io (≈1.5 min), so the figures reproduce on a fresh machine.
if ! command -v twiggy >/dev/null 2>&1; then
  echo "installing twiggy 0.8.0 (cargo install, once)"
  cargo install twiggy --version 0.8.0 --locked --quiet
fi
node bench/sizes.mjs --json bench/out/sizes.json

if [ -n "$profile" ]; then
  echo
  echo "== 5. profiles: node bench/profile.mjs"
  node bench/profile.mjs
fi

echo
echo "== done: $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src packs 2>/dev/null || echo ' + uncommitted src/packs changes'); output in bench/out/latest.txt"
