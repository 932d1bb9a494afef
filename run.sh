#!/usr/bin/env bash
# The whole stack on one machine with only a JDK: a Kafka broker from Apache's jars, a MongoDB-wire server keeping
# its data in ./data, the four services and the site (the portal's pages), each in its own JVM. Ctrl-C or SIGTERM stops everything.
# Options: --rebuild forces a build; --no-build starts what was built last; --instances 2 adds a second instance of
# content, lead and notify behind a second gateway (ports 8180-8183; with REDIS_URL set they share limits and dedupe);
# --in-memory keeps the MongoDB-wire stand-in's data in memory only (nothing kept; for benchmarks of the services).
set -euo pipefail
cd "$(dirname "$0")"

build=auto
stack_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) build=always ;;
    --no-build) build=never ;;
    --instances)
      case "${2:-}" in 1|2) stack_args+=(--instances "$2"); shift ;; *) echo "--instances takes 1 or 2" >&2; exit 2 ;; esac ;;
    --in-memory) stack_args+=(--in-memory) ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "run.sh: no java found; install a JDK 17 or newer (or set JAVA_HOME)" >&2
  exit 1
fi
java_major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
  echo "run.sh: Java $java_major found; Java 17 or newer is needed" >&2
  exit 1
fi

stamp=local-stack/target/.built
needs_build() {
  [ "$build" = always ] && return 0
  [ "$build" = never ] && return 1
  [ -f "$stamp" ] || return 0
  # Any source or pom newer than the last build means the jars are stale.
  [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "run.sh: building the services (the first build downloads dependencies and takes a few minutes)…"
  started=$(date +%s)
  ./mvnw -q -B -DskipTests package
  touch "$stamp"
  echo "run.sh: built in $(( $(date +%s) - started )) s"
fi

# glibc gives a process up to 8 malloc arenas per core and each keeps what its threads freed; JVMs allocate natively
# from many threads (JIT, GC, Netty, zip), so on a developer machine running nine processes the arenas add tens of
# MB each. Two arenas, inherited by every process the supervisor starts; set MALLOC_ARENA_MAX to override.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# The supervisor only starts, watches and stops processes and copies their output: a small serial-collected heap
# and the C1 compiler (at -Xmx128m and tiered C2 it kept 129 MB RSS).
exec "$JAVA" -Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlocalstack.project-dir="$PWD" \
  -cp "local-stack/target/classes:local-stack/target/lib/*" cn.zschangfang.localstack.LocalStack ${stack_args[@]+"${stack_args[@]}"}
