#!/usr/bin/env bash
# The builds for engines older than the main .wasm needs (issue 12), into <out>/mvp and <out>/js:
#   mvp/  the engine as an MVP WebAssembly module (no reference types, bulk memory, multi-value,
#         sign extension or non-trapping float-to-int) with wasm-bindgen's `web` glue
#   js/   the same module turned into plain JavaScript by binaryen's wasm2js, for where
#         WebAssembly is missing or refused (scripts/bundle-js.mjs)
# Called by scripts/build.sh; usage: scripts/build-mvp.sh <out dir>
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # npm's binaryen (wasm-opt, wasm2js), never Debian's
out=${1:?usage: scripts/build-mvp.sh <out dir>}

# Its own target dir: these flags must never mix with the main build's artefacts.
export CARGO_TARGET_DIR="$PWD/target/mvp"
# The filter may print nothing (grep exits 1: not a failure); cargo failing still stops the script
# (pipefail), so a stale .wasm from an earlier build is never shipped.
RUSTFLAGS="-C target-cpu=mvp" cargo build --release --lib --target wasm32-unknown-unknown 2>&1 |
  { grep -vE '^\s+(Compiling|Finished)' || true; }
raw="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/yibao_policy.wasm"
[ -f "$raw" ] || { echo "MVP cargo build failed" >&2; exit 1; }

work="$CARGO_TARGET_DIR/bindgen"
rm -rf "$work" "$out/mvp" "$out/js"
mkdir -p "$work"
# The prebuilt std still carries a target_features section naming reference types (and some
# memory.copy / sign-extension code, lowered below); without the section wasm-bindgen keeps
# JS values in its heap slab instead of an externref table.
wasm-opt --strip-target-features --mvp-features "$raw" -o "$work/input.wasm"
wasm-bindgen --target web --out-dir "$work/web" --out-name yibao_policy "$work/input.wasm"
wasm-bindgen --target bundler --out-dir "$work/bundler" --out-name yibao_policy "$work/input.wasm"
# One module serves both glues (both import from "./yibao_policy_bg.js"); say so if that changes.
cmp -s "$work/web/yibao_policy_bg.wasm" "$work/bundler/yibao_policy_bg.wasm" ||
  { echo "wasm-bindgen made different modules for web and bundler" >&2; exit 1; }

# Lower what std brought in, then optimise as the main build does, then drop the features section
# again (it would re-enable what it names in any tool that reads it).
mkdir -p "$out/mvp"
wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --llvm-memory-copy-fill-lowering --signext-lowering --llvm-nontrapping-fptoint-lowering \
  -Oz --strip-target-features --strip-producers "$work/web/yibao_policy_bg.wasm" -o "$out/mvp/yibao_policy_bg.wasm"
wasm-opt -q --mvp-features "$out/mvp/yibao_policy_bg.wasm" -o /dev/null ||
  { echo "the MVP .wasm uses a post-MVP feature (see the validator's message above)" >&2; exit 1; }
for f in yibao_policy.js yibao_policy.d.ts; do cp "$work/web/$f" "$out/mvp/$f"; done

# -Oz: 1.19 MB / 181 KB gzip before esbuild's minification (-O2: 1.26 MB / 192 KB).
wasm2js -Oz "$out/mvp/yibao_policy_bg.wasm" -o "$work/yibao_policy_bg.wasm.js"
node scripts/bundle-js.mjs "$work/bundler" "$work/yibao_policy_bg.wasm.js" "$out/js"
