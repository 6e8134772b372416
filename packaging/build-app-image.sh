#!/usr/bin/env bash
# Builds a self-contained Palisade for this OS with jpackage (JDK 17+): an app image by default,
# or an installer with TYPE=deb|rpm|dmg|msi. The image carries its own Java runtime, so users
# need no JDK. Run from the repository root after `mvn -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE="${TYPE:-app-image}"
VERSION="$(mvn -q -B help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null || echo 0.1.0)"
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input target/dist
cp target/palisade.jar target/jpackage-input/

# jdk.httpserver is not needed at runtime (the sign-in receiver uses plain sockets) but the
# TLS collector needs jdk.crypto.ec; java.desktop and jdk.unsupported for JavaFX; jdk.management lets
# the idle console return its start-up heap to the OS (ui.IdleHeap).
MODULES=java.base,java.desktop,java.logging,java.management,jdk.management,java.naming,java.net.http,java.sql,java.xml,java.prefs,jdk.crypto.ec,jdk.unsupported,jdk.localedata,jdk.zipfs

extra=()
if [ "$TYPE" = "deb" ]; then
  # JavaFX natives live inside the jar but need GTK 3 from the system.
  extra+=(--linux-package-deps "libgtk-3-0" --linux-shortcut --linux-menu-group "Development;Security")
fi

jpackage --type "$TYPE" --name Palisade --app-version "$VERSION" \
  --vendor "Palisade" --description "Security posture console for small SaaS companies" \
  --input target/jpackage-input --main-jar palisade.jar --main-class dev.palisade.Launcher \
  --icon assets/icons/palisade-256.png \
  --add-modules "$MODULES" \
  --java-options "-Dprism.lcdtext=false" \
  "${extra[@]}" \
  --dest target/dist
echo "Built $(ls target/dist)"
