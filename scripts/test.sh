#!/usr/bin/env bash
# The test command: installs the system packages the tests drive, then runs every test.
#
#   scripts/test.sh                        every test (./mvnw -B verify)
#   scripts/test.sh -pl server -am         arguments go on to Maven
#   DRY_RUN=1 scripts/test.sh              says what it would install and run, changes nothing
#
# The packages come from apt-get (Debian, Ubuntu), with sudo when not run as root. Elsewhere,
# install the same programs yourself; the tests that need one name it when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# What needs them:
#   chromium, chromium-driver   the widget's browser tests: a real headless Chromium (server module)
#   fakeroot, binutils          jpackage building the agent desktop's .deb (installers module)
#   xvfb, xdotool, imagemagick, libgtk-3-0
#                               DesktopDebIT: the unpacked .deb starts on a real X server (Xvfb),
#                               xdotool finds its login window, ImageMagick's `import` takes its
#                               picture, and JavaFX draws it with GTK 3
# TEST_PACKAGES replaces the list (to try the script with a package that is not installed).
read -r -a packages <<<"${TEST_PACKAGES:-chromium chromium-driver fakeroot binutils xvfb xdotool imagemagick libgtk-3-0}"

dry_run="${DRY_RUN:-}"

run() {
  if [ -n "$dry_run" ]; then
    printf 'would run:'
    printf ' %q' "$@"
    echo
  else
    "$@"
  fi
}

# Installed under its own name, or by a package that provides that name (Ubuntu 24.04's
# libgtk-3-0t64 provides libgtk-3-0). A removed package whose configuration stays behind
# (status "rc") is not installed.
installed() {
  if dpkg-query -W -f='${db:Status-Abbrev}\n' "$1" 2>/dev/null | grep -q '^ii'; then
    return 0
  fi
  dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null | awk -F'|' -v wanted="$1" '
    $1 ~ /^ii/ {
      count = split($2, provided, /, */)
      for (i = 1; i <= count; i++) { split(provided[i], name, " "); if (name[1] == wanted) found = 1 }
    }
    END { exit !found }'
}

install_missing() {
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    echo "scripts/test.sh: no apt-get here, so nothing is installed. The tests also need:" \
      "${packages[*]} (Debian's names); a test whose program is missing says which." >&2
    return
  fi
  local missing=()
  for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "scripts/test.sh: the system packages the tests need are installed"
    return
  fi
  echo "scripts/test.sh: installing what the tests need: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "scripts/test.sh: installing needs root, and there is no sudo: run it as root," \
        "or install ${missing[*]} and run ./mvnw -B verify" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  run ${sudo[@]+"${sudo[@]}"} apt-get update -q
  run ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_missing
run ./mvnw -B verify "$@"
