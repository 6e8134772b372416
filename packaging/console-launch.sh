# Sourced by the start-up scripts in this folder (not run by itself).
#
#   use_fresh_home JAR PASSPHRASE
#
# Checks that JAR exists and that there is a display, then points PALISADE_HOME at a new temporary
# data directory (removed when the script exits) unlocked by PASSPHRASE, and sets `log` to its log file.
use_fresh_home() {
  local jar=$1
  [[ -f "$jar" ]] || { echo "no $jar: run 'mvn -B -q package -DskipTests' first" >&2; exit 2; }
  [[ -n "${DISPLAY:-}" ]] || { echo "DISPLAY is not set (try: Xvfb :99 & export DISPLAY=:99)" >&2; exit 2; }
  fresh_home=$(mktemp -d)
  trap 'rm -rf "$fresh_home"' EXIT
  export PALISADE_HOME="$fresh_home" PALISADE_PASSPHRASE="$2"
  log="$fresh_home/logs/palisade.log"
}

#   launch_until_painted LOG JAR [JAVA_OPTION...]
#
# Starts `java [JAVA_OPTION...] -jar JAR` in the background and returns once the console has written
# a new "Console painted" line to LOG (30 s at most). Sets `pid` (the console's process) and
# `launched` (ms since the epoch, just before java started). Exits the script when the console
# stops before painting.
launch_until_painted() {
  local log=$1 jar=$2
  shift 2
  local before
  before=$(cat "$log" 2>/dev/null | grep -c "Console painted" || true)
  launched=$(date +%s%3N)
  java "$@" -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    (( $(cat "$log" 2>/dev/null | grep -c "Console painted" || true) > before )) && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the console exited before painting (see $log)" >&2; exit 1; }
    sleep 0.05
  done
  echo "the console did not paint within 30 s (see $log)" >&2
  kill "$pid"
  exit 1
}
