#!/usr/bin/env bash
# The benchmark of issue 13 against a running ./run.sh (fixed ports): builds the bench with the reactor when its
# classes are missing or older than its sources, then runs every scenario (or --only a,b), writes
# bench/results/<date>[-label].md and its charts in bench/results/<date>[-label]/.
# Options: --only <tool-ceiling|gateway-overhead|view-ingest|speed-to-lead|lead-submission|page-rendering|footprint>[,…]
#          --quick (2 s warm-up + 5 s per step), --label <name> (results file suffix), --rebuild
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
rebuild=no
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=yes ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

# nginx is every HTTP scenario's baseline (Debian's package; wrk is optional, for the tool-ceiling cross-check).
if ! command -v nginx > /dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "bench: nginx is not installed; it is the baseline of the HTTP scenarios: sudo apt-get install -y nginx wrk" >&2
  exit 2
fi

stamp=bench/target/.built
if [ "$rebuild" = yes ] || [ ! -f "$stamp" ] || [ -n "$(find bench/pom.xml bench/src local-stack/src -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  echo "bench: building the bench (and local-stack) with the reactor…"
  ./mvnw -q -B -DskipTests -pl bench -am package
  touch "$stamp"
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx1g -XX:+UseParallelGC -Djava.awt.headless=true -Dbench.project-dir="$PWD" \
  -cp "bench/target/classes:bench/target/lib/*" cn.zschangfang.bench.Bench "${args[@]}"
