# Sourced by .ci/run (and usable by developers): puts Node 22 first on PATH when
# the machine's Node is older than 22.14 (package.json engines: better-sqlite3 13
# needs Node-API 10), using the npm registry's `node` package.
# Prints 1 when the given node binary is missing or older than 22.14, else 0. Never
# fails, so callers under `set -euo pipefail` do not exit. Plain ES5 for old Nodes.
node_too_old() {
  "$1" -p 'var v = process.versions.node.split("."); +v[0] < 22 || (+v[0] === 22 && +v[1] < 14) ? 1 : 0' 2>/dev/null || echo 1
}
if [ "$(node_too_old node)" = 1 ]; then
  cache="${SWITCHBOARD_NODE_CACHE:-$HOME/.cache/switchboard-node22}"
  # Never fails, so callers under `set -euo pipefail` see an empty answer instead of exiting.
  find_bin() { ls -d "$cache"/node_modules/node/node_modules/node-*/bin 2>/dev/null | head -n 1 || true; }
  bin=$(find_bin)
  if [ -z "$bin" ] || [ "$(node_too_old "$bin/node")" = 1 ]; then
    echo "Node $(node -v 2>/dev/null || echo none) is older than 22.14; fetching Node 22 from the npm registry"
    mkdir -p "$cache"
    printf '{"name":"switchboard-node22","private":true,"allowScripts":{"node":true}}\n' > "$cache/package.json"
    (cd "$cache" && npm install --no-save --no-fund --no-audit 'node@>=22.14 <23' >/dev/null)
    bin=$(find_bin)
  fi
  export PATH="$bin:$PATH"
  export npm_config_nodedir="$(dirname "$bin")"
fi
echo "Using Node $(node -v)"
