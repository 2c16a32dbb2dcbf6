#!/usr/bin/env bash
# Builds the macOS disk image of the agent desktop: installers/target/installers/oss-livechat-agent-<version>.dmg
# Needs: macOS, a JDK 17+ and Xcode's command line tools. The same as
# `./mvnw -pl installers -am package -DskipTests`, where the dmg profile turns on by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -pl installers -am package -DskipTests
ls -l installers/target/installers/*.dmg
