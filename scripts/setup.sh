#!/usr/bin/env bash
# Install everything the build and the tests need, skipping what is already there.
#   scripts/setup.sh            toolchain for building: wasm32 target, wasm-pack, wasm-bindgen-cli
#                               (the version in Cargo.lock), cargo-deny, npm dev dependencies
#                               (binaryen's wasm-opt)
#   scripts/setup.sh --browser  also the browsers of the page tests, Debian's all: chromium and
#                               chromium-driver, firefox-esr, and webkit2gtk-driver (WebKitWebDriver
#                               and WebKitGTK's MiniBrowser) with xvfb and openbox to give it a
#                               display and an active window (tests/engines/)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The page's own .wasm is built with the nightly toolchain's standard library rebuilt for it
# (scripts/build.sh: `-Z build-std`, panics as a plain trap): 1.6 KB brotli less on the phone's
# path. It needs nightly with its source and the wasm32 target; the machine's nightly is used
# when there is one (cargo-fuzz uses it too), the newest otherwise.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  say "installing the nightly toolchain (minimal)"
  rustup toolchain install nightly --profile minimal
fi
if ! rustup +nightly component list --installed 2>/dev/null | grep -qx rust-src; then
  say "adding rust-src to nightly (the page's .wasm rebuilds std)"
  rustup +nightly component add rust-src
fi
if ! rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target to nightly"
  rustup +nightly target add wasm32-unknown-unknown
fi

want_pack=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$want_pack" ]; then
  say "installing wasm-pack $want_pack"
  cargo install wasm-pack --version "$want_pack" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. (--locked fails for it.)
want_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want_bindgen" ]; then
  say "installing wasm-bindgen-cli $want_bindgen"
  cargo install wasm-bindgen-cli --version "$want_bindgen"
fi

# cargo-deny: licences, sources and duplicate crates of the Rust dependency tree (deny.toml),
# checked by scripts/test.sh.
want_deny=0.20.2
if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$want_deny" ]; then
  say "installing cargo-deny $want_deny"
  cargo install cargo-deny --version "$want_deny" --locked
fi

# npm dev dependencies: binaryen (wasm-opt; Debian's is too old and emits broken wasm),
# TypeScript, Vite, playwright-core and the benchmark peers.
if [ ! -x node_modules/.bin/wasm-opt ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing npm dev dependencies"
  # `npm install` honours package-lock.json, which is complete (a fresh clone stays clean).
  # `npm ci` is not used: it wants every optional platform package of @gorules/zen-engine in the
  # lockfile, and the registry reachable here answers 404 for the darwin/win32/arm64/wasi ones,
  # so npm cannot write them (`npm ci` then fails with "Missing: … from lock file").
  npm install --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  # fonts-wqy-microhei: so that screenshots of the Chinese page are legible, not boxes.
  # The three engines come from Debian, never from a test tool's own browser download (not
  # reachable here): Chromium for playwright-core, Firefox ESR for puppeteer-core (WebDriver
  # BiDi), WebKitGTK's WebKitWebDriver and MiniBrowser (a GTK window: xvfb-run, and openbox so
  # that the window is the active one).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi wqy ||
     ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null ||
     ! command -v xvfb-run >/dev/null || ! command -v openbox >/dev/null; then
    say "installing Debian's chromium, chromium-driver, firefox-esr, webkit2gtk-driver, xvfb, openbox and a CJK font"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    export DEBIAN_FRONTEND=noninteractive
    packages=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth openbox fonts-wqy-microhei)
    $sudo_cmd apt-get install -y -q "${packages[@]}" >/dev/null 2>&1 ||
      { $sudo_cmd apt-get update -q >/dev/null &&
        $sudo_cmd apt-get install -y -q "${packages[@]}" >/dev/null; }
  fi
fi
say "ready"
