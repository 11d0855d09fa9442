#!/bin/sh
# STAND-IN for machines without systemd (docs/deployment.md, "compose.yaml with podman"): podman
# runs a container's healthcheck from a systemd timer; with no systemd it logs "unable to get
# systemd connection to start healthchecks" and the status stays "starting" for ever, so compose's
# `condition: service_healthy` never holds. This loop does the timers' job: every INTERVAL seconds
# (default 5, compose.yaml's shortest interval) it runs `podman healthcheck run` in every running
# container that has a healthcheck. Docker, and podman with systemd, need none of this.
# Usage: scripts/podman/healthchecks.sh [interval-seconds] &
set -u
interval=${1:-5}
while :; do
  for id in $(podman ps -q); do
    if [ -n "$(podman inspect --format '{{if .Config.Healthcheck}}x{{end}}' "$id" 2>/dev/null)" ]; then
      podman healthcheck run "$id" >/dev/null 2>&1 &
    fi
  done
  wait
  sleep "$interval"
done
