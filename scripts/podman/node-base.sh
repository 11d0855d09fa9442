#!/bin/sh
# STAND-IN for machines that cannot reach Docker Hub (docs/deployment.md, "compose.yaml with
# podman"): builds a local `localhost/node:20-bookworm-slim` to pass to the Dockerfile as
# `--build-arg NODE_IMAGE=...`. Debian bookworm from debootstrap (minbase), this machine's Node 20
# and npm in /usr/local as in the official image, a `node` user with uid 1000, and this machine's
# CA certificates (an egress proxy that re-signs TLS needs them for `npm ci` in the build).
# Where Docker Hub is reachable, use the real node:20-bookworm-slim and ignore this file.
# Also imports the plain Debian rootfs as localhost/debian:bookworm-minbase.
# Usage (root, with debootstrap and podman): scripts/podman/node-base.sh [rootfs-dir]
set -eu
rootfs=${1:-/tmp/node-base-rootfs}
node_bin=$(command -v node)
npm_dir=$(dirname "$(readlink -f "$(command -v npm)")")/..
case "$("$node_bin" --version)" in v20.*) ;; *) echo "need Node 20 on this machine" >&2; exit 1 ;; esac

[ -x "$rootfs/bin/sh" ] || debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian
rm -rf "$rootfs/var/cache/apt/archives/"*.deb
# Plain Debian too: the base of scripts/podman/postgres-standin/Containerfile.
tar -C "$rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["bash"]' - localhost/debian:bookworm-minbase
install -D -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules"
rm -rf "$rootfs/usr/local/lib/node_modules/npm"
cp -a "$(readlink -f "$npm_dir")" "$rootfs/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chroot "$rootfs" sh -c 'getent passwd node >/dev/null || { groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node; }'
mkdir -p "$rootfs/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"

tar -C "$rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'CMD ["node"]' - localhost/node:20-bookworm-slim
