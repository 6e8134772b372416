#!/usr/bin/env bash
# Startup and memory benchmark of the desktop console on the demo company.
#
#   packaging/bench-startup.sh [RUNS] [JAR]      (defaults: 5 runs, target/palisade.jar)
#
# It starts the console as the README does: with the class-data-sharing archive that `mvn package`
# builds beside the jar (target/palisade.jsa), when there is one. CDS=0 measures plain `java -jar`.
#
# Each run starts `java -jar palisade.jar` in a data directory of its own and waits for the log line
# the console writes once the Overview of the latest snapshot has been painted ("Console painted N ms
# after the JVM started (JavaFX up at …, workspace open at …; … ms of CPU …)"). The figure reported
# first is measured by this script: from just before it runs `java` to that log line's timestamp, so
# it includes starting the JVM. The console's own figures are measured from the start the JVM
# recorded (RuntimeMXBean). Then the window idles for 5 s and the script reads its resident memory
# (RSS, from ps). Run 1 is a first launch (empty data directory: the demo's six weeks of history
# are seeded); the later runs reopen that directory, as every later launch does.
# Needs a display: on a headless box run `Xvfb :99 &` and `export DISPLAY=:99` first.
set -euo pipefail

runs=${1:-5}
jar=${2:-target/palisade.jar}
source "$(dirname "$0")/console-launch.sh"
use_fresh_home "$jar" "${PALISADE_PASSPHRASE:-bench-only-passphrase}"
archive="${jar%.jar}.jsa"
java_opts=()
if [[ "${CDS:-1}" != 0 && -f "$archive" ]]; then
  java_opts=(-XX:SharedArchiveFile="$archive")
  echo "with the class-data-sharing archive $archive (CDS=0 measures without it)"
else
  echo "plain java -jar, no class-data-sharing archive"
fi
paint=() rss=()
for i in $(seq 1 "$runs"); do
  launch_until_painted "$log" "$jar" "${java_opts[@]}"
  line=$(grep "Console painted" "$log" | tail -1)
  painted_at=$(date -d "$(cut -d' ' -f1 <<<"$line")" +%s%3N)   # the line's own timestamp (UTC, ms)
  ms=$(( painted_at - launched ))
  jvm=$(sed -E 's/.*painted ([0-9]+) ms.*/\1/' <<<"$line")
  fx=$(sed -E 's/.*JavaFX up at ([0-9-]+) ms.*/\1/' <<<"$line")
  ready=$(sed -E 's/.*workspace open at ([0-9-]+) ms.*/\1/' <<<"$line")
  cpu=$(sed -E 's/.*; ([0-9]+) ms of CPU.*/\1/' <<<"$line")
  sleep 5
  kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf 'run %d: launch to painted Overview %5d ms | console: JavaFX up %4d, workspace open %5d, painted %5d ms after the JVM started (%5d ms CPU) | RSS after 5 s idle %4d MB\n' \
    "$i" "$ms" "$fx" "$ready" "$jvm" "$cpu" $(( kb / 1024 ))
  paint+=("$ms") rss+=($(( kb / 1024 )))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
if (( runs > 1 )); then
  echo "launch to painted Overview: first launch ${paint[0]} ms; later launches: median $(median "${paint[@]:1}") ms" \
       "(min $(printf '%s\n' "${paint[@]:1}" | sort -n | head -1), max $(printf '%s\n' "${paint[@]:1}" | sort -n | tail -1))"
fi
echo "RSS: median $(median "${rss[@]}") MB (max $(printf '%s\n' "${rss[@]}" | sort -n | tail -1) MB)"
