#!/usr/bin/env bash
# Sourced by install-deps.sh and install-redis-deps.sh: installs the Debian packages that are not
# installed yet, without letting them start their packaged services. Needs root.
#
#   apt_install_quietly <name for messages> <package>...

apt_install_quietly() {
  local name=$1
  shift
  local missing=() p
  for p in "$@"; do
    # A test on the captured status, not `| grep -q`: grep -q exits at its first match, which under
    # pipefail can fail the pipeline with the writer's SIGPIPE.
    if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != *'install ok installed'* ]]; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    echo "$name: $* already installed"
    return 0
  fi
  echo "$name: installing ${missing[*]}"
  # The packaged services (etcd on 127.0.0.1:2379, PostgreSQL on 5432, Redis on 6379, Sentinel on
  # port 26379 of every address) would take addresses and ports the labs start their own daemons on:
  # policy-rc.d answering 101 tells Debian's maintainer scripts not to start them.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
  fi
  local status=0
  DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" || status=$?
  if ((created_policy)); then rm -f "$policy"; fi
  return "$status"
}
