#!/usr/bin/env bash
# Installs what `npm run test:redis` and `npm run lab -- redis ...` need on Debian or Ubuntu:
# redis-server, redis-sentinel and redis-tools (redis-cli). Idempotent: packages already present
# are left alone. Needs root (for apt-get); the lab itself does not.
set -euo pipefail

packages=(redis-server redis-sentinel redis-tools)

missing=()
for p in "${packages[@]}"; do
  # A test on the captured status, not `| grep -q` (its early exit can fail the pipeline with the
  # writer's SIGPIPE under pipefail).
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != *'install ok installed'* ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-redis-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Do not let the packages start their default services (Redis on 127.0.0.1:6379, Sentinel on
  # port 26379 of every address): the lab starts its own on 127.0.0.41-66 and a Sentinel listening
  # on all addresses would take the port the lab's Sentinels need.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
  fi
  trap '((created_policy)) && rm -f "$policy"' EXIT
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-redis-deps: ${packages[*]} already installed"
fi

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
