# Sourced by .ci/run (and usable by developers): puts Node 22 first on PATH when
# the machine's Node is older, using the npm registry's `node` package.
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
  cache="${SWITCHBOARD_NODE_CACHE:-$HOME/.cache/switchboard-node22}"
  # Never fails, so callers under `set -euo pipefail` see an empty answer instead of exiting.
  find_bin() { ls -d "$cache"/node_modules/node/node_modules/node-*/bin 2>/dev/null | head -n 1 || true; }
  bin=$(find_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/node" ]; then
    echo "Node $(node -v 2>/dev/null || echo none) is too old; fetching Node 22 from the npm registry"
    mkdir -p "$cache"
    printf '{"name":"switchboard-node22","private":true,"allowScripts":{"node":true}}\n' > "$cache/package.json"
    (cd "$cache" && npm install --no-save --no-fund --no-audit node@22 >/dev/null)
    bin=$(find_bin)
  fi
  export PATH="$bin:$PATH"
  export npm_config_nodedir="$(dirname "$bin")"
fi
echo "Using Node $(node -v)"
