#!/usr/bin/env bash
# Static file throughput: JGI's StaticHandler vs Undertow's ResourceHandler vs nginx, same run.
# Usage: bench/static/run.sh [seconds=8] [warmup-seconds=4]. Needs wrk and nginx (bin/setup-system).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. bin/java-env
command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 2; }
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# -am: the benchmark's nginx launcher is in gateway-test-support; the class path is gateway-assets'
# (the last module built writes the file).
mvn -B -ntp -q -pl gateway-assets -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec java -cp "gateway-assets/target/test-classes:gateway-assets/target/classes:$(cat "$cp_file")" \
  dev.jgi.assets.bench.StaticBench "$@"
