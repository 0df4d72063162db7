#!/usr/bin/env bash
# Builds Helm from the Go module proxy once per machine and prints the binary's path.
# `helm lint` and `helm template` need no cluster.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

VERSION=v3.22.0
# The Kubernetes version that `helm template` and `helm lint` assume is set as Helm's own
# release build sets it (its Makefile: client-go v0.37 -> 1.37); the default would be 1.20.
# One package at a time: the machine is shared with benchmarks and tests.
build() {
  GOBIN="$1" go install -p 1 -trimpath -ldflags "-X helm.sh/helm/v3/internal/version.version=$VERSION \
    -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=37 \
    -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=37" \
    "helm.sh/helm/v3/cmd/helm@$VERSION"
}
go_tool "helm-$VERSION" "Helm $VERSION" build
