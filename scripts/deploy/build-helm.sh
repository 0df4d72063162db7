#!/usr/bin/env bash
# Builds Helm from the Go module proxy once per machine and prints the binary's path.
# No prebuilt download can be fetched here; `helm lint` and `helm template` need no cluster.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

VERSION=v3.22.0
command -v go >/dev/null || die "go is missing: install Go 1.24 or newer (it builds Helm $VERSION)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/rewardgraph"
bin="$cache/helm-$VERSION"
if [ ! -x "$bin" ]; then
  say "building Helm $VERSION (first run on this machine takes several minutes)" >&2
  mkdir -p "$cache/helm-build"
  # The Kubernetes version that `helm template` and `helm lint` assume is set as Helm's own
  # release build sets it (its Makefile: client-go v0.37 -> 1.37); the default would be 1.20.
  # One package at a time: the machine is shared with benchmarks and tests.
  GOBIN="$cache/helm-build" go install -p 1 -trimpath -ldflags "-X helm.sh/helm/v3/internal/version.version=$VERSION \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=37 \
    -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=37" \
    "helm.sh/helm/v3/cmd/helm@$VERSION" >&2 || die "building Helm $VERSION failed"
  mv "$cache/helm-build/helm" "$bin"
  rmdir "$cache/helm-build"
fi
echo "$bin"
