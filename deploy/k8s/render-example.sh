#!/usr/bin/env bash
# Rewrites docs/k8s-example.md from `kubectl kustomize deploy/k8s/overlays/production`, through the same test that
# checks it (KubernetesManifestExampleTest), so that the page and its check cannot drift apart. -am: deploy's test
# class path includes local-stack, which is never installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec ./mvnw -B -ntp -o -pl deploy -am test -Dtest=KubernetesManifestExampleTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dk8s.example.write=true
