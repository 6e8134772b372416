#!/usr/bin/env bash
# Regenerates packaging/cds-classes.lst: the classes the console loads from its start to the painted
# Overview of the demo, from which `mvn package` builds target/palisade.jsa (a class-data-sharing
# archive; see the README's "Benchmarks"). Run it after changes that load many new classes at start-up;
# a stale list still works (classes missing from it are simply loaded from the jar as usual).
#
#   mvn -B -q package -DskipTests && packaging/make-cds-classlist.sh
#
# Needs a display: on a headless box run `Xvfb :99 &` and `export DISPLAY=:99` first.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/palisade.jar
source packaging/console-launch.sh
use_fresh_home "$jar" classlist-only-passphrase

# Launches the console, waits for its first paint plus a second (the deferred work after it), stops it.
run() {
  launch_until_painted "$log" "$jar" "$@"
  sleep 1
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run                      # first launch: seeds the demo's history
run -XX:DumpLoadedClassList=target/cds-classes.lst   # a later launch, as users start it every day
mv target/cds-classes.lst packaging/cds-classes.lst
echo "packaging/cds-classes.lst: $(wc -l < packaging/cds-classes.lst) classes"
