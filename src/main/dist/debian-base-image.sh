#!/bin/sh
# Makes a container base image with Java 17 from Debian's package archive alone, for building
# Guichet's image where no container registry is reachable (docs/DEPLOYMENT.md, "The image"):
#
#   sudo src/main/dist/debian-base-image.sh target/debian-jre17.tar
#   ./mvnw package jib:buildTar -DskipTests -Djib.from.image=tar://$PWD/target/debian-jre17.tar
#
# Needs root (debootstrap installs packages into a directory) and debootstrap
# (apt-get install debootstrap). DEBIAN_MIRROR and DEBIAN_SUITE choose the archive (default: the
# machine's usual mirror, bookworm). The result is one layer in the form `docker save` writes.
set -eu
if [ "$#" -ne 1 ]; then
  echo "Usage: $0 OUTPUT.tar" >&2
  exit 2
fi
out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${DEBIAN_SUITE:-bookworm}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  "$suite" "$work/rootfs" "$mirror"
java_home=$(chroot "$work/rootfs" sh -c 'dirname "$(dirname "$(readlink -f /usr/bin/java)")"')
architecture=$(chroot "$work/rootfs" dpkg --print-architecture)
# what a running container never reads
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"* \
  "$work/rootfs/usr/share/doc" "$work/rootfs/usr/share/man" "$work/rootfs/usr/share/info"

mkdir "$work/image"
(cd "$work/rootfs" && tar --numeric-owner --sort=name -cf "$work/image/layer.tar" .)
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat > "$work/image/config.json" <<JSON
{"architecture":"$architecture","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
cat > "$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["debian-jre:17"],"Layers":["layer.tar"]}]
JSON
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "Written: $out (base image debian-jre:17, $architecture, Java in $java_home)"
