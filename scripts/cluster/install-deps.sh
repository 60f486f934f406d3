#!/usr/bin/env bash
# Installs what `npm run test:cluster`, `npm run test:faults` and `npm run lab` need on Debian or
# Ubuntu: etcd (server and etcdctl), Patroni, PostgreSQL and HAProxy; for the fault tests' own
# network, iproute2 (ip, tc), nftables and curl.
# Idempotent: packages already present are left alone. Needs root.
set -euo pipefail

packages=(etcd-server etcd-client patroni postgresql haproxy iproute2 nftables curl)

missing=()
for p in "${packages[@]}"; do
  # A test on the captured status, not `| grep -q`: grep -q exits at its first match, which under
  # pipefail can fail the pipeline with the writer's SIGPIPE.
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != *'install ok installed'* ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Do not let the packages start their default services (etcd on
  # 127.0.0.1:2379, a PostgreSQL cluster on port 5432, HAProxy): the lab starts
  # its own daemons on 127.0.0.11-30 and wants nothing else in the way.
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
  echo "install-deps: ${packages[*]} already installed"
fi

# If a default PostgreSQL cluster or the packaged daemons were started anyway
# (systemd on a full machine), stop them: they would hold the socket directory
# /var/run/postgresql and port 2379 that a reader might expect to be free.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _port status _rest; do
    if [[ $status == online* ]]; then
      echo "install-deps: stopping the default PostgreSQL cluster $version/$cluster"
      pg_ctlcluster "$version" "$cluster" stop || true
    fi
  done
fi
if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
  for service in etcd haproxy patroni; do
    if systemctl is-active --quiet "$service"; then
      echo "install-deps: stopping the packaged $service service"
      systemctl stop "$service" || true
    fi
  done
fi

# Print the first line of each version banner. `head -1` would close the pipe early and, under
# `set -o pipefail`, the writer's SIGPIPE (exit 141) fails the script at random; sed reads it all.
etcd --version | sed -n 1p
patroni --version
haproxy -v | sed -n 1p
ls -d /usr/lib/postgresql/*/bin
