#!/usr/bin/env bash
# Installs what `npm run test:cluster`, `npm run test:faults` and `npm run lab` need on Debian or
# Ubuntu: etcd (server and etcdctl), Patroni, PostgreSQL and HAProxy; for the fault tests' own
# network, iproute2 (ip, tc), nftables and curl.
# Idempotent: packages already present are left alone. Needs root.
set -euo pipefail

packages=(etcd-server etcd-client patroni postgresql haproxy iproute2 nftables curl)

# shellcheck source=scripts/cluster/apt-quiet.sh
source "$(dirname "$0")/apt-quiet.sh"
apt_install_quietly install-deps "${packages[@]}"

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
