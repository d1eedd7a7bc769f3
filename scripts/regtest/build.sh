#!/usr/bin/env bash
# Builds btcd, btcctl, lnd and lncli from the Go module proxy, once per version, into a cache
# outside the clone (REGTEST_CACHE, default ~/.cache/boltboard/regtest). Prints the bin folder
# on stdout, progress on stderr. Several callers at once wait for one build (a lock file).
# lnd's go.mod has replace directives, so `go install lnd@version` refuses it: we build inside a
# writable copy of the downloaded module instead.
set -euo pipefail

LND_VERSION="${LND_VERSION:-v0.20.1-beta}"
BTCD_VERSION="${BTCD_VERSION:-v0.24.2}"
cache="${REGTEST_CACHE:-$HOME/.cache/boltboard/regtest}"
bin="$cache/bin-lnd-$LND_VERSION-btcd-$BTCD_VERSION"

built() { [ -x "$bin/lnd" ] && [ -x "$bin/lncli" ] && [ -x "$bin/btcd" ] && [ -x "$bin/btcctl" ]; }

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

partial="$bin.partial"
rm -rf "$partial" && mkdir -p "$partial"
started=$(date +%s)

echo "regtest: building btcd $BTCD_VERSION" >&2
GOBIN="$partial" go install "github.com/btcsuite/btcd@$BTCD_VERSION" "github.com/btcsuite/btcd/cmd/btcctl@$BTCD_VERSION" >&2

echo "regtest: building lnd $LND_VERSION (10-20 minutes the first time on 2 cores)" >&2
module_dir=$(go mod download -json "github.com/lightningnetwork/lnd@$LND_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
src="$cache/src-lnd-$LND_VERSION"
rm -rf "$src" && cp -r "$module_dir" "$src" && chmod -R u+w "$src"
(cd "$src" && go build -trimpath -tags="signrpc walletrpc chainrpc invoicesrpc routerrpc peersrpc" \
  -o "$partial/" ./cmd/lnd ./cmd/lncli) >&2
rm -rf "$src"

mv "$partial" "$bin"
echo "regtest: built in $(($(date +%s) - started)) s" >&2
echo "$bin"
