#!/usr/bin/env bash
# Installs what `npm run test:redis` and `npm run lab -- redis ...` need on Debian or Ubuntu:
# redis-server, redis-sentinel and redis-tools (redis-cli). Idempotent: packages already present
# are left alone. Needs root (for apt-get); the lab itself does not.
set -euo pipefail

packages=(redis-server redis-sentinel redis-tools)

# shellcheck source=scripts/cluster/apt-quiet.sh
source "$(dirname "$0")/apt-quiet.sh"
apt_install_quietly install-redis-deps "${packages[@]}"

# If the packaged services were started anyway (systemd on a full machine), stop them.
if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
  for service in redis-server redis-sentinel; do
    if systemctl is-active --quiet "$service"; then
      echo "install-redis-deps: stopping the packaged $service service"
      systemctl stop "$service" || true
    fi
  done
fi

redis-server --version
