#!/usr/bin/env bash
# `make dist`: from a release binary built with --static-swift-stdlib, writes into OUT_DIR
#   carrier_<version>_amd64.deb             (dpkg-deb from a staging tree under /usr)
#   carrier-<version>-linux-x86_64.tar.gz   (the same files in a relocatable <dir>/bin + <dir>/share layout)
#   SHA256SUMS                              (both)
# The binary finds its data at <its bin/>/../share/carrier (Sources/InstallLayout), so both layouts work unchanged.
# Usage: VERSION=0.1.0 COMMIT=abc JS_PACKAGES="libjs-chai ..." LAZY_LIBS="-lcurl ..." packaging/build-dist.sh BINARY OUT_DIR
set -euo pipefail
binary=$1
out=$2
: "${VERSION:?}" "${COMMIT:?}" "${JS_PACKAGES:?}" "${LAZY_LIBS:?}"
maintainer=${DEB_MAINTAINER:-Carrier maintainers <carrier-maintainers@example.org>}
repo=$(cd "$(dirname "$0")/.." && pwd)
arch=$(dpkg --print-architecture)
[ "$arch" = amd64 ] || { echo "build-dist: only amd64 is packaged (this is $arch)" >&2; exit 2; }
# Timestamps of every packaged file: the commit's time, so two builds of one commit give the same tarball.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}
work=$repo/.build/dist-stage
name=carrier-$VERSION-linux-x86_64
deb=carrier_${VERSION}_${arch}.deb
rm -rf "$work"
mkdir -p "$work" "$out"

# 1. The install tree under a prefix (bin/, share/): the tarball as is, the .deb under /usr.
tree=$work/$name
install -D -m 0755 "$binary" "$tree/bin/carrier"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$tree/bin/carrier"
share=$tree/share/carrier
mkdir -p "$share/collections" "$share/environments"
cp -R "$repo/Sources/JSCSandbox/Bootstrap" "$share/Bootstrap"
cp "$repo"/collections/*.postman_collection.json "$repo/collections/README.md" "$share/collections/"
cp "$repo"/environments/*.postman_environment.json "$share/environments/"
# Man page and completions come from the binary itself: the same option table as --help.
mkdir -p "$tree/share/man/man1" "$tree/share/bash-completion/completions" "$tree/share/zsh/site-functions"
"$tree/bin/carrier" --generate-man > "$tree/share/man/man1/carrier.1"
"$tree/bin/carrier" --generate-completion bash > "$tree/share/bash-completion/completions/carrier"
"$tree/bin/carrier" --generate-completion zsh > "$tree/share/zsh/site-functions/_carrier"
"$tree/bin/carrier" --version | grep -qx "carrier $VERSION (commit $COMMIT)" \
  || { echo "build-dist: $binary says '$("$tree/bin/carrier" --version)', expected version $VERSION, commit $COMMIT" >&2; exit 1; }

# 2. The .deb's staging tree: the same files under /usr, Debian's places for docs, zsh and lintian overrides.
stage=$work/deb
mkdir -p "$stage/DEBIAN" "$stage/usr"
cp -R "$tree/bin" "$tree/share" "$stage/usr/"
mv "$stage/usr/share/zsh/site-functions" "$stage/usr/share/zsh/vendor-completions"
gzip -9n "$stage/usr/share/man/man1/carrier.1"
doc=$stage/usr/share/doc/carrier
mkdir -p "$doc" "$stage/usr/share/lintian/overrides"
year=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)
sed "s/@YEAR@/$year/" "$repo/packaging/debian/copyright" > "$doc/copyright"
gzip -9n < "$repo/README.md" > "$doc/README.md.gz"
{
  printf 'carrier (%s) unstable; urgency=medium\n\n' "$VERSION"
  printf '  * Carrier %s, built from commit %s.\n\n' "$VERSION" "$COMMIT"
  printf ' -- %s  %s\n' "$maintainer" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$doc/changelog.gz"
cp "$repo/packaging/debian/lintian-overrides" "$stage/usr/share/lintian/overrides/carrier"

# Depends: the shared libraries' packages as dpkg-shlibdeps finds them (versioned), then the script libraries.
# The libraries carrier opens on first use (Sources/CLazyLoad: libcurl, JavaScriptCore, libcrypto, libidn2, libpsl) are not in its
# DT_NEEDED, so a stub linked against exactly them (LAZY_LIBS, from the Makefile) is read alongside the binary.
shl=$work/shlibdeps
mkdir -p "$shl/debian"
printf 'Source: carrier\n\nPackage: carrier\nArchitecture: any\n' > "$shl/debian/control"
printf 'int main(void) { return 0; }\n' | ${CC:-cc} -x c -o "$shl/lazy-libraries" - -Wl,--no-as-needed $LAZY_LIBS
shlibs=$(cd "$shl" && dpkg-shlibdeps -O -e "$stage/usr/bin/carrier" -e "$shl/lazy-libraries" 2>"$shl/warnings" \
         | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { cat "$shl/warnings" >&2; echo "build-dist: dpkg-shlibdeps found no libraries" >&2; exit 1; }
depends="$shlibs, $(echo "$JS_PACKAGES" | sed 's/ \+/, /g')"

find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f -exec chmod 0644 {} +
chmod 0755 "$stage/usr/bin/carrier"
(cd "$stage" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$stage/DEBIAN/md5sums"
installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$arch/" -e "s/@MAINTAINER@/$maintainer/" \
    -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@DEPENDS@/$depends/" \
    "$repo/packaging/debian/control" > "$stage/DEBIAN/control"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
rm -f "$out"/carrier_*_"$arch".deb "$out"/carrier-*-linux-x86_64.tar.gz "$out/SHA256SUMS"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/$deb" >/dev/null

# 3. The tarball: licence and README at its top, nothing owned by the builder.
cp "$repo/LICENSE" "$repo/README.md" "$tree/"
find "$tree" -type d -exec chmod 0755 {} +
find "$tree" -type f -exec chmod 0644 {} +
chmod 0755 "$tree/bin/carrier"
find "$tree" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$work" -cf - "$name" \
  | gzip -9n > "$out/$name.tar.gz"

(cd "$out" && sha256sum "$deb" "$name.tar.gz" > SHA256SUMS)
echo "dist: $out/$deb ($(stat -c %s "$out/$deb") bytes, Installed-Size $installed_size KiB)"
echo "dist: $out/$name.tar.gz ($(stat -c %s "$out/$name.tar.gz") bytes)"
echo "dist: Depends: $depends"
