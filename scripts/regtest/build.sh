#!/usr/bin/env bash
# Builds btcd, btcctl, lnd and lncli from the Go module proxy, once per version, into a cache
# outside the clone (REGTEST_CACHE, default ~/.cache/boltboard/regtest). Prints the bin folder
# on stdout, progress on stderr. Several callers at once wait for one build (a lock file).
# lnd's go.mod has replace directives, so `go install lnd@version` refuses it: we build inside a
# writable copy of the downloaded module instead (binaries move into the bin folder only once built).
set -euo pipefail

LND_VERSION="${LND_VERSION:-v0.20.1-beta}"
BTCD_VERSION="${BTCD_VERSION:-v0.24.2}"
cache="${REGTEST_CACHE:-$HOME/.cache/boltboard/regtest}"
bin="$cache/bin-lnd-$LND_VERSION-btcd-$BTCD_VERSION"

# btcd deletes its regtest database at every start (btcd.go, removeRegressionDB): we build it
# from a copy without that call, so the chain (and the channel on it) survives a restart.
btcd_ready() { [ -x "$bin/btcd" ] && [ -x "$bin/btcctl" ] && [ -f "$bin/btcd-keeps-regtest-db" ]; }
lnd_ready() { [ -x "$bin/lnd" ] && [ -x "$bin/lncli" ]; }
built() { btcd_ready && lnd_ready; }

if built; then
  echo "$bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "regtest: the Go toolchain (1.24 or newer) is needed to build LND and btcd; install Go and run again" >&2
  exit 1
fi
go_minor=$(go env GOVERSION | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
if [ -n "$go_minor" ] && [ "$go_minor" -lt 24 ]; then
  echo "regtest: LND $LND_VERSION needs Go 1.24 or newer (found $(go env GOVERSION)); install a newer Go and run again" >&2
  exit 1
fi

mkdir -p "$cache"
# One build at a time: a second caller waits here, then finds the binaries built.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache/build.lock"
  flock 9
  if built; then
    echo "$bin"
    exit 0
  fi
fi

# A writable copy of a module's source from the module cache; prints its path.
module_copy() {
  local dir
  dir=$(go mod download -json "$1@$2" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  local copy="$cache/src-$3-$2"
  rm -rf "$copy" && cp -r "$dir" "$copy" && chmod -R u+w "$copy"
  echo "$copy"
}

started=$(date +%s)
mkdir -p "$bin"

if ! btcd_ready; then
  echo "regtest: building btcd $BTCD_VERSION" >&2
  src=$(module_copy github.com/btcsuite/btcd "$BTCD_VERSION" btcd)
  if ! grep -q '^[[:space:]]*removeRegressionDB(dbPath)$' "$src/btcd.go"; then
    echo "regtest: btcd $BTCD_VERSION no longer has the removeRegressionDB call this script removes; update build.sh" >&2
    exit 1
  fi
  sed -i 's|^\([[:space:]]*\)removeRegressionDB(dbPath)$|\1// Boltboard: the regtest chain is kept across restarts.|' "$src/btcd.go"
  rm -rf "$bin.partial" && mkdir -p "$bin.partial"
  (cd "$src" && go build -trimpath -o "$bin.partial/" . ./cmd/btcctl) >&2
  mv "$bin.partial/btcd" "$bin.partial/btcctl" "$bin/"
  rm -rf "$src" "$bin.partial"
  touch "$bin/btcd-keeps-regtest-db"
fi

if ! lnd_ready; then
  echo "regtest: building lnd $LND_VERSION (10-20 minutes the first time on 2 cores)" >&2
  src=$(module_copy github.com/lightningnetwork/lnd "$LND_VERSION" lnd)
  rm -rf "$bin.partial" && mkdir -p "$bin.partial"
  (cd "$src" && go build -trimpath -tags="signrpc walletrpc chainrpc invoicesrpc routerrpc peersrpc" \
    -o "$bin.partial/" ./cmd/lnd ./cmd/lncli) >&2
  mv "$bin.partial/lnd" "$bin.partial/lncli" "$bin/"
  rm -rf "$src" "$bin.partial"
fi

echo "regtest: built in $(($(date +%s) - started)) s" >&2
echo "$bin"
