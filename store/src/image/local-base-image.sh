#!/usr/bin/env bash
# Writes a container base image for the store's image from this machine's own parts, as a tarball in
# `docker save` form that Jib reads as `tar://...`: for machines that reach no container registry (CI
# here). It stands in for eclipse-temurin:25-jre: the same JAVA_HOME and PATH, a JDK 25 runtime less
# what only developers use, the shared libraries the runtime links, and the few files under /etc a
# JVM reads. The image that is deployed is built on the real Temurin image (docs/image.md).
#
#   local-base-image.sh JDK_HOME OUTPUT_TAR
#
# The layer is reproducible (sorted, fixed times and owners), so Jib's cache keeps one copy per JDK.
set -euo pipefail

jdk=$1
output=$2
java_home=/opt/java/openjdk

mkdir -p "$(dirname "$output")"
work=$(mktemp -d "$output.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root

# Merged /usr, as Debian and Ubuntu lay it out: /lib and /lib64 are links into /usr.
mkdir -p "$root$java_home" "$root/usr/lib" "$root/usr/lib64" "$root/etc" "$root/tmp"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
chmod 1777 "$root/tmp"

tar -C "$jdk" -cf - --exclude=./lib/src.zip --exclude=./lib/ct.sym --exclude=./jmods \
    --exclude=./include --exclude=./man . | tar -C "$root$java_home" -xf -

# Every library the runtime's programs and libraries link, by the path the loader finds it at.
# Those that are missing here (AWT's X11 and sound libraries) a server never loads.
find "$root$java_home" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' \
  | sort -u \
  | while read -r library; do
      case "$library" in "$root"*) continue ;; esac
      cp -L --parents "$library" "$root"
    done

# As in the Temurin image, the store's user (10001) has no entry: the image sets its HOME.
cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
EOF
cat > "$root/etc/hosts" <<'EOF'
127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
EOF
cat > "$root/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF

layer=$work/layer.tar
tar -C "$root" -cf "$layer" --sort=name --mtime=@1 --owner=0 --group=0 --numeric-owner .
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)
gzip -n -1 "$layer"

cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"store/src/image/local-base-image.sh, Java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")"}]}
EOF
cat > "$work/manifest.json" <<'EOF'
[{"Config":"config.json","RepoTags":["monostore-local-base:latest"],"Layers":["layer.tar.gz"]}]
EOF

tar -C "$work" -cf "$output" --sort=name --mtime=@1 --owner=0 --group=0 --numeric-owner \
    manifest.json config.json layer.tar.gz
