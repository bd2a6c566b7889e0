#!/usr/bin/env bash
# Build the npm package in pkg/ (four wasm-pack targets, plus the MVP .wasm and the pure-JS engine
# from scripts/build-mvp.sh, assembled into one package) and copy the browser builds into
# www/vendor/ for the demo page, whose main page gets its own smaller .wasm (below). Run
# scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # npm's binaryen wasm-opt, never Debian's

out=target/wasm-pack
rm -rf "$out"
# The page's own .wasm (www/ only; the package keeps the full engine): without the `maintainer`
# feature — no fromPacks, pack reading or validation, digests or pack JSON; the default packs as
# static Rust tables generated from packs/*.json (generated/defaults.rs); only the exports www/ calls. `--package` keeps
# the CLI (which needs the full library) out of the build, so its features are not unified in.
# Built with cargo's `release` profile (opt-level "z", wasm-opt -Oz: Cargo.toml); the package's
# nodejs build below uses the `npm` profile (opt-level 3, wasm-opt -O3: faster, larger), whose
# target/wasm32-unknown-unknown/npm/yibao_policy.wasm bench/names.mjs reads.
# With nightly's std rebuilt for it (`-Z build-std`, opt-level "z" and LTO through std too) and
# panics as a plain trap (`-Cpanic=immediate-abort`, no panic messages or locations): the page
# installs no panic hook, so a panic was already a bare trap there, now without the formatting
# code kept for its message: 1.6 KB brotli less (BENCHMARKS.md). Its own target directory, so
# the stable builds below keep theirs.
RUSTUP_TOOLCHAIN=nightly CARGO_TARGET_DIR=target/page \
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
wasm-pack build . --release --target web --out-dir "$out/page" --out-name yibao_policy --no-pack \
  -- --package yibao-policy --no-default-features -Z build-std=std,panic_abort 2>&1 |
  { grep -vE '^\[INFO\]|no README|LICENSE|wasm-pack version' || true; }
[ -f "$out/page/yibao_policy_bg.wasm" ] || { echo "wasm-pack build of the page's .wasm failed" >&2; exit 1; }
# Node (the nodejs target) leans to speed: the `npm` profile, faster for more bytes, which a server
# or CLI does not feel. What runs in browsers — bundler (Vite, webpack), web, no-modules (the simple
# page ships it), and the MVP and pure-JS builds (scripts/build-mvp.sh) — keeps `release`'s size: a
# phone downloads it. The figures: BENCHMARKS.md, "Build profiles: speed or size".
for target in bundler nodejs web no-modules; do
  profile=(--release)
  [ "$target" = nodejs ] && profile=(--profile npm)
  wasm-pack build "${profile[@]}" --target "$target" --out-dir "$out/$target" --out-name yibao_policy --no-pack 2>&1 |
    { grep -vE '^\[INFO\]|no README|LICENSE|wasm-pack version' || true; }
  [ -f "$out/$target/yibao_policy_bg.wasm" ] || { echo "wasm-pack build --target $target failed" >&2; exit 1; }
done
# Node ESM (the package's `node` + `import` entry): wasm-bindgen's ESM glue for Node, which reads
# its .wasm from `new URL(…, import.meta.url)` — a reference that server bundlers (Next.js) follow
# and copy, unlike the CommonJS glue's `${__dirname}/…`. Same input and flags as wasm-pack's nodejs
# build, so it pairs with that build's optimised .wasm (wasm-opt keeps import and export names;
# scripts/assemble-pkg.mjs checks them).
wasm-bindgen --target experimental-nodejs-module --out-dir "$out/node-esm" --out-name yibao_policy \
  target/wasm32-unknown-unknown/npm/yibao_policy.wasm
# For older engines: the MVP .wasm ($out/mvp) and the pure-JS build made from it ($out/js).
scripts/build-mvp.sh "$out"
node scripts/assemble-pkg.mjs "$out" pkg

rm -rf www/vendor
mkdir -p www/vendor/yibao-policy
# The main page loads the page's own build (js/engine-loader.js); the simple page's no-modules
# build and the pure-JS fallback below are the package's, full engine.
cp pkg/web/package.json www/vendor/yibao-policy/
cp "$out/page/yibao_policy.js" "$out/page/yibao_policy_bg.wasm" "$out/page/yibao_policy.d.ts" www/vendor/yibao-policy/
mkdir -p www/vendor/yibao-policy/no-modules
cp pkg/no-modules/* www/vendor/yibao-policy/no-modules/
# The pure-JS engine, fetched only where WebAssembly is missing or refused (www/js/engine-loader.js,
# www/js/legacy/engine-loader.js).
mkdir -p www/vendor/yibao-policy/js
cp pkg/js/yibao_policy.js pkg/js/yibao_policy.global.js www/vendor/yibao-policy/js/
# The page's modules, bundled (34 small modules fetched import by import took ~150 ms before the
# first estimate could start; the sources in www/js/ stay plain ES modules) and split by esbuild:
#   vendor/app.js                 the entry (index.html; scripts/dist.mjs puts it inline in the
#                                 built page), with what only it uses, the Chinese strings among it;
#   vendor/chunks/chunk-<hash>.js what the first screens share with the lazy parts, imported
#                                 statically by app.js (one file per set of parts that share it;
#                                 the built page carries them inline with app.js, and the lazy parts
#                                 take them from it: scripts/dist.mjs, entryWithChunks);
#   vendor/chunks/later-<hash>.js the question steps and the result's later sections, with their
#                                 words (strings/zh-steps.js) and styles (css/later.css), by import()
#                                 once the first screen is drawn, on a result once its estimate is;
#   vendor/chunks/year-<hash>.js  the year view (js/year.js) with its words, when opened;
#   vendor/chunks/en-<hash>.js    the English strings, by import() only for lang=en (js/i18n.js).
# The chunks' names carry their hash (shared chunks are all called "chunk"), so nothing names
# them by hand: esbuild's metafile (vendor/meta.json) says what it wrote and what imports what,
# and scripts/dist.mjs reads it (the preloads of app.js's chunks, every import's new name). Object
# spread is kept as written (every browser with dynamic import() has it): lowering it adds a helper
# chunk shared by all. Module scripts are always read as UTF-8, so the Chinese strings are not
# escaped (--charset=utf8). Modules that fetch files by a path relative to themselves
# (engine-loader.js) must stay in vendor/app.js: nothing lazily loaded may import them. (Inline in
# the built page they resolve against the page; scripts/dist.mjs rewrites their paths for it.)
esbuild www/js/main.js --bundle --splitting --format=esm --minify --sourcemap --target=es2017 \
  --supported:object-rest-spread=true --charset=utf8 --log-level=warning \
  --outdir=www/vendor --entry-names=app --chunk-names='chunks/[name]-[hash]' --metafile=www/vendor/meta.json
# The simple page for old webviews: the same modules as one classic script over the no-modules
# build (legacy.html); ES2015 is as far down as esbuild lowers (let/const stay).
esbuild www/js/legacy/lite.js --bundle --format=iife --minify --sourcemap --target=es2015 --log-level=warning \
  --outfile=www/vendor/legacy.js
node scripts/sizes.mjs pkg
node scripts/dist.mjs   # dist/: the site to deploy — hashed names, .br/.gz, the offline worker (www/README.md)
