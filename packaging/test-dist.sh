#!/usr/bin/env bash
# `make test-dist`: proves the packages `make dist` wrote on a clean system, without a container engine.
#  1. lintian on the .deb (errors and warnings fail; each accepted tag is explained in packaging/debian/lintian-overrides);
#     `dpkg -c` and the tarball hold exactly what the README promises (packaging/manifest);
#  2. the tarball, unpacked elsewhere and called through a symlink, runs `carrier demo` (relocatable layout);
#  3. a clean Debian 12 (`debootstrap --variant=minbase bookworm`, cached in .build/dist-chroot/) gets the
#     Containerfile's steps (COPY, RUN, USER, WORKDIR, ENTRYPOINT) run inside it as a container build would, so
#     the .deb is installed by apt with its dependencies from Debian's mirror; then, as the Containerfile's user:
#     `carrier --version` names this commit, `carrier demo` passes, and a `carrier run` of a collection using chai,
#     CryptoJS and every script library passes against `carrier scim-server` on 127.0.0.1;
#  4. every shared library of the installed binary belongs to a package in carrier's dependency closure, and each
#     library the binary links directly comes from a package its Depends names;
#  5. `apt-get purge carrier` leaves none of its files behind.
# Every check exits non-zero on failure; /proc and /dev are unmounted from the root on any exit.
# Usage: VERSION=0.1.0 COMMIT=abc packaging/test-dist.sh DIST_DIR      (as root; re-runs itself with sudo)
#        packaging/test-dist.sh --unmount                               (after an interrupted run killed with -9)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=$repo/.build/dist-chroot
base=$cache/bookworm-minbase
root=$cache/root
archives=$cache/apt-archives
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

if [ "$(id -u)" != 0 ]; then exec sudo --preserve-env=VERSION,COMMIT,DEBIAN_MIRROR,DEBIAN_SECURITY_MIRROR "$0" "$@"; fi

say() { printf '== %s\n' "$*"; }
die() { printf 'test-dist: FAIL: %s\n' "$*" >&2; exit 1; }
checks=0
ok() { checks=$((checks + 1)); printf '   ok: %s\n' "$*"; }

# Unmounts everything mounted at or below a directory, deepest first.
unmount_under() {
  local dir=$1 mount
  awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r mount; do
    umount "$mount" 2>/dev/null || umount -l "$mount"
  done
}
# Removes a cached root only when nothing is mounted inside it (an rm -rf through a bound /dev would be a disaster).
remove_root() {
  unmount_under "$1"
  if awk -v d="$1" 'index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    die "$1 still has mounts inside; not removing it"
  fi
  rm -rf "$1"
}
if [ "${1:-}" = --unmount ]; then unmount_under "$cache"; exit 0; fi

dist=$(cd "${1:?usage: test-dist.sh DIST_DIR}" && pwd)
: "${VERSION:?}" "${COMMIT:?}"
deb=$dist/carrier_${VERSION}_amd64.deb
tarball=$dist/carrier-$VERSION-linux-x86_64.tar.gz
[ -f "$deb" ] && [ -f "$tarball" ] && [ -f "$dist/SHA256SUMS" ] || die "run make dist first: $deb, $tarball or SHA256SUMS is missing"
scratch=$(mktemp -d)
server_pid=
cleanup() {
  local status=$?
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  unmount_under "$root"
  unmount_under "$base"
  rm -rf "$scratch"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
started=$(date +%s)

# Host tools, only the missing ones.
missing=
for tool in debootstrap:debootstrap lintian:lintian zsh:zsh readelf:binutils python3:python3 man:man-db; do
  command -v "${tool%%:*}" >/dev/null || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then
  say "installing on the host:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

say "SHA256SUMS"
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || die "SHA256SUMS does not match the files in $dist"
ok "SHA256SUMS matches the .deb and the tarball"

say "lintian $(basename "$deb")"
lintian_out=$scratch/lintian.txt
# Overridden tags are accepted only with the reason written beside them in the overrides file.
lintian --info --display-level '>=pedantic' --show-overrides --fail-on error,warning "$deb" > "$lintian_out" 2>&1 \
  || { cat "$lintian_out"; die "lintian reports errors or warnings"; }
sed 's/^/   /' "$lintian_out"
# An override without a "# why" comment line right above it is a failure: each accepted tag is explained.
awk '/^#/ { reason = 1; next } /^[[:space:]]*$/ { reason = 0; next } !reason { print; bad = 1 } END { exit bad }' \
  "$repo/packaging/debian/lintian-overrides" || die "lintian overrides above lack a '# why' comment line"
ok "lintian: no error or warning"

say "contents"
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./||; s| ->.*||' | grep -v '/$' | sort > "$scratch/deb-files"
tar -tzf "$tarball" | grep -v '/$' | sed "s|^carrier-$VERSION-linux-x86_64/||" | sort > "$scratch/tar-files"
while read -r kind path; do
  case $kind in
    deb) grep -qx "$path" "$scratch/deb-files" || die ".deb lacks $path (packaging/manifest)" ;;
    tar) grep -qx "$path" "$scratch/tar-files" || die "tarball lacks $path (packaging/manifest)" ;;
    both) grep -qx "usr/$path" "$scratch/deb-files" || die ".deb lacks usr/$path (packaging/manifest)"
          grep -qx "$path" "$scratch/tar-files" || die "tarball lacks $path (packaging/manifest)" ;;
  esac
done < <(grep -v '^#' "$repo/packaging/manifest" | grep .)
# Nothing beyond the promised places: Carrier's own directories and files only.
unexpected=$(grep -vE '^usr/(bin/carrier|share/carrier/.+|share/doc/carrier/.+|share/man/man1/carrier\.1\.gz|share/bash-completion/completions/carrier|share/zsh/vendor-completions/_carrier|share/lintian/overrides/carrier)$' "$scratch/deb-files" || true)
[ -z "$unexpected" ] || die ".deb has files outside Carrier's places: $unexpected"
for file in Bootstrap/pm.js collections/SendSafely-SCIM.postman_collection.json environments/sendsafely-portal.template.postman_environment.json; do
  dpkg-deb --fsys-tarfile "$deb" | tar -xOf - "./usr/share/carrier/$file" | cmp -s - "$repo/$( [ "${file%%/*}" = Bootstrap ] && echo Sources/JSCSandbox/)$file" \
    || die "the .deb's /usr/share/carrier/$file differs from the repository's"
done
ok ".deb: $(wc -l < "$scratch/deb-files") files, all in packaging/manifest's places; tarball: $(wc -l < "$scratch/tar-files") files"

say "man page and completions"
dpkg-deb -x "$deb" "$scratch/deb-tree"
man_warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$scratch/deb-tree/usr/share/man/man1/carrier.1.gz" 2>&1 >/dev/null || true)
[ -z "$man_warnings" ] || die "man page: $man_warnings"
zsh -n "$scratch/deb-tree/usr/share/zsh/vendor-completions/_carrier" || die "zsh completion does not parse"
bash -n "$scratch/deb-tree/usr/share/bash-completion/completions/carrier" || die "bash completion does not parse"
ok "carrier.1 renders without groff warnings; both completions parse"

say "tarball: unpacked elsewhere, called through a symlink"
mkdir -p "$scratch/opt" "$scratch/bin" "$scratch/work"
tar -xzf "$tarball" -C "$scratch/opt"
ln -s "$scratch/opt/carrier-$VERSION-linux-x86_64/bin/carrier" "$scratch/bin/carrier"
[ "$("$scratch/bin/carrier" --version)" = "carrier $VERSION (commit $COMMIT)" ] || die "tarball: --version says '$("$scratch/bin/carrier" --version)'"
(cd "$scratch/work" && "$scratch/bin/carrier" demo > "$scratch/tar-demo.txt" 2>&1) || { tail -30 "$scratch/tar-demo.txt"; die "tarball: carrier demo failed"; }
[ -f "$scratch/work/reports/junit.xml" ] || die "tarball: carrier demo wrote no reports/junit.xml in the current directory"
ok "tarball: --version, and carrier demo from the unpacked share/carrier"

# ---- the clean Debian 12 root ----
chroot_started=$(date +%s)
if [ ! -f "$base/.carrier-base-complete" ]; then
  say "debootstrap --variant=minbase bookworm (first run; cached in $base)"
  remove_root "$base"
  mkdir -p "$cache"
  t0=$(date +%s)
  debootstrap --variant=minbase bookworm "$base" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log"; die "debootstrap failed (log: $cache/debootstrap.log)"; }
  # The same apt sources as the debian:bookworm-slim image.
  rm -f "$base/etc/apt/sources.list"
  cat > "$base/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # No service may start inside the root (as in a container build).
  printf '#!/bin/sh\nexit 101\n' > "$base/usr/sbin/policy-rc.d"
  chmod 0755 "$base/usr/sbin/policy-rc.d"
  echo "$(( $(date +%s) - t0 ))" > "$base/.carrier-base-complete"
  ok "debootstrap took $(cat "$base/.carrier-base-complete")s"
else
  say "clean Debian 12 root from the cache ($base, debootstrapped in $(cat "$base/.carrier-base-complete")s)"
fi
remove_root "$root"
cp -a "$base" "$root"
mkdir -p "$archives"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
# Downloaded .debs survive between runs, so a cached run fetches only the package lists.
mount --bind "$archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
[ ! -e "$root/usr/bin/swift" ] && [ ! -e "$root/usr/bin/swiftc" ] || die "the clean root has a Swift toolchain"
snapshot() { (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./run -o -path ./var/cache \
  -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/log -o -path ./home -o -path ./root \) -prune -o -print | sort); }
snapshot > "$scratch/before"
chroot "$root" dpkg-query -W -f '${Package}\n' | sort > "$scratch/packages-before"
size_before=$(du -sxk --exclude="$root/var/cache/apt/archives" "$root" | cut -f1)
packages_before=$(chroot "$root" dpkg-query -W -f '${Package}\n' | wc -l)

# In the root: USER's uid:gid, HOME and a clean environment, as a container's process gets them.
user=root workdir=/ entrypoint=() cmd=() env_vars=()
in_root() {
  local ids home
  ids=$(chroot "$root" getent passwd "$user" | awk -F: '{ print $3 ":" $4 }')
  home=$(chroot "$root" getent passwd "$user" | cut -d: -f6)
  [ -n "$ids" ] || die "no user $user in the root"
  # IN_ROOT_EXEC=1 (for a background job): become the process, so $! is carrier's own pid.
  [ "${IN_ROOT_EXEC:-}" != 1 ] || set -- exec-marker "$@"
  if [ "${1:-}" = exec-marker ]; then shift; exec chroot --userspec="$ids" "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME="$home" "${env_vars[@]}" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "$@"; fi
  chroot --userspec="$ids" "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME="$home" "${env_vars[@]}" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "$@"
}

say "Containerfile, step by step, in the clean root"
while IFS= read -r line; do
  instruction=${line%% *} arguments=${line#* }
  printf '   %s\n' "$line"
  case ${instruction^^} in
    FROM) [ "$arguments" = debian:bookworm-slim ] || die "Containerfile: expected FROM debian:bookworm-slim, got $arguments" ;;
    COPY)
      read -r -a parts <<< "$arguments"
      target=${parts[-1]}
      unset 'parts[-1]'
      for pattern in "${parts[@]}"; do
        matched=0
        for file in "$dist"/$pattern; do [ -e "$file" ] && cp "$file" "$root$target" && matched=1; done
        [ "$matched" = 1 ] || die "Containerfile: COPY $pattern matches nothing in $dist"
      done ;;
    RUN) in_root /bin/sh -c "$arguments" > "$scratch/run.log" 2>&1 || { tail -30 "$scratch/run.log"; die "Containerfile: RUN failed: $arguments"; } ;;
    USER) user=$arguments ;;
    WORKDIR) workdir=$arguments; mkdir -p "$root$workdir" ;;
    ENV) env_vars+=("$arguments") ;;
    ENTRYPOINT) mapfile -t entrypoint < <(python3 -c 'import json, sys; print("\n".join(json.loads(sys.argv[1])))' "$arguments") ;;
    CMD) mapfile -t cmd < <(python3 -c 'import json, sys; print("\n".join(json.loads(sys.argv[1])))' "$arguments") ;;
    *) die "Containerfile: $instruction is not run by this test; teach packaging/test-dist.sh what it means" ;;
  esac
done < <(awk '/^[[:space:]]*#/ { next } { line = $0; if (sub(/\\[[:space:]]*$/, "", line)) { buf = buf line " "; next }
  line = buf line; buf = ""; gsub(/[[:space:]]+/, " ", line); sub(/^ /, "", line); if (line != "") print line }' "$repo/Containerfile")
[ "${#entrypoint[@]}" -gt 0 ] || die "Containerfile: no ENTRYPOINT"
[ "$user" != root ] || die "Containerfile: the image runs as root"
chroot "$root" dpkg-query -W -f '${Status}' carrier | grep -q 'install ok installed' || die "carrier is not installed after the Containerfile"
ok "Containerfile: installed carrier $(chroot "$root" dpkg-query -W -f '${Version}' carrier) with apt; runs as $user in $workdir"
dev=$(chroot "$root" dpkg-query -W -f '${Package}\n' | grep -E -- '-dev$|^swift|^swiftlang' || true)
[ -z "$dev" ] && ! chroot "$root" sh -c 'command -v swift swiftc' >/dev/null || die "the root has a toolchain or -dev package: $dev"
ok "no Swift and no -dev package in the root"
installed_size=$(chroot "$root" dpkg-query -W -f '${Installed-Size}' carrier)
chroot "$root" dpkg-query -W -f '${Package}\n' | sort > "$scratch/packages-after"
largest=$(chroot "$root" dpkg-query -W -f '${Installed-Size} ${Package}\n' | grep -wFf <(comm -13 "$scratch/packages-before" "$scratch/packages-after") \
  | sort -rn | head -5 | awk '{ printf "%s%s %d MiB", sep, $2, $1 / 1024; sep = ", " }')
size_after=$(du -sxk --exclude="$root/var/cache/apt/archives" "$root" | cut -f1)
packages_after=$(chroot "$root" dpkg-query -W -f '${Package}\n' | wc -l)

say "as the image runs: ${entrypoint[*]} ..."
[ "$(in_root "${entrypoint[@]}" --version)" = "carrier $VERSION (commit $COMMIT)" ] \
  || die "installed carrier --version says '$(in_root "${entrypoint[@]}" --version)', expected 'carrier $VERSION (commit $COMMIT)'"
ok "carrier --version: carrier $VERSION (commit $COMMIT)"
in_root "${entrypoint[@]}" "${cmd[@]}" > "$scratch/cmd.txt" || die "the image's default command (${entrypoint[*]} ${cmd[*]}) failed"
grep -q '^Usage: carrier run' "$scratch/cmd.txt" || die "the image's default command printed no usage"
ok "default command: ${entrypoint[*]} ${cmd[*]}"
in_root "${entrypoint[@]}" demo > "$scratch/demo.txt" 2>&1 || { tail -40 "$scratch/demo.txt"; die "installed carrier demo failed"; }
grep '<testsuites' "$root$workdir/reports/junit.xml" | grep -q 'failures="0" errors="0"' || die "carrier demo: reports/junit.xml shows failures"
ok "carrier demo: the SendSafely smoke test and signed request pass ($(grep -c '<testcase' "$root$workdir/reports/junit.xml") checks in reports/junit.xml)"

cp "$repo/packaging/test/installed-smoke.postman_collection.json" "$root/tmp/"
chmod 0644 "$root/tmp/installed-smoke.postman_collection.json"
password=test-dist-$RANDOM$RANDOM
env_vars+=("CARRIER_SCIM_PASSWORD=$password" "scimPassword=$password")
IN_ROOT_EXEC=1 in_root "${entrypoint[@]}" scim-server --port 0 > "$scratch/server.txt" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$scratch/server.txt" && break; sleep 0.1; done
base_url=$(sed -n 's/^SCIM server listening on //p' "$scratch/server.txt")
[ -n "$base_url" ] || { cat "$scratch/server.txt"; die "carrier scim-server did not start"; }
run_status=0
in_root "${entrypoint[@]}" run /tmp/installed-smoke.postman_collection.json --env-var "baseUrl=$base_url" \
  --env-var scimPassword -r cli,junit --reporter-junit-export smoke.xml > "$scratch/smoke.txt" 2>&1 || run_status=$?
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=
[ "$run_status" = 0 ] || { cat "$scratch/smoke.txt"; die "carrier run of the installed smoke collection exited $run_status"; }
expected=$(python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); print(sum(line.count("pm.test(") for i in c["item"] for e in i["event"] if e["listen"] == "test" for line in e["script"]["exec"]))' \
  "$repo/packaging/test/installed-smoke.postman_collection.json")
grep -q "tests=\"$expected\" failures=\"0\" errors=\"0\"" "$root$workdir/smoke.xml" \
  || { head -5 "$root$workdir/smoke.xml"; die "smoke.xml does not show $expected passing tests"; }
! grep -q "$password" "$scratch/smoke.txt" "$root$workdir/smoke.xml" || die "the SCIM password appears in carrier's output"
ok "carrier run on 127.0.0.1: $expected tests pass (chai, CryptoJS, lodash, moment, uuid, ajv, xml2js, cheerio, backbone); the password is never printed"
in_root bash -c 'source /usr/share/bash-completion/completions/carrier; COMP_WORDS=(carrier run --env); COMP_CWORD=2; _carrier
  [[ " ${COMPREPLY[*]} " == *" --environment "* ]]' || die "installed bash completion does not complete --env"
ok "installed bash completion completes carrier run --env"

say "shared libraries of /usr/bin/carrier in the root"
chroot "$root" ldd /usr/bin/carrier > "$scratch/ldd.txt"
! grep -q 'not found' "$scratch/ldd.txt" || { grep 'not found' "$scratch/ldd.txt"; die "missing shared libraries"; }
# The package owning a library path (bookworm is merged-/usr: dpkg may know it under /lib or /usr/lib).
owner() {
  local path=$1 candidate real
  real=$(chroot "$root" readlink -f "$path")
  for candidate in "$path" "/usr$path" "${path#/usr}" "$real" "/usr$real" "${real#/usr}"; do
    chroot "$root" dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 | sed -n '/ /!p' | grep . && return 0
  done
  return 1
}
closure=$(python3 "$repo/packaging/dep-closure.py" "$root/var/lib/dpkg/status" carrier)
direct=$(chroot "$root" dpkg-query -W -f '${Depends}' carrier | tr ',' '\n' | sed 's/(.*)//; s/:any//; s/ //g' | grep .)
needed=$(readelf -d "$root/usr/bin/carrier" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
# The release link packs its relative relocations (Makefile DIST_FLAGS; docs/performance.md, fifth round): as RELA
# entries they were 1.8 MB that ld.so read at every start. A toolchain or flag change that loses it shows here.
grep -q '(RELR)' <<< "$(readelf -d "$root/usr/bin/carrier")" || die "/usr/bin/carrier has no DT_RELR: link with lld and -z pack-relative-relocs"
ok "relative relocations packed (DT_RELR)"
libraries=0
while read -r soname path; do
  package=$(owner "$path") || die "$path (for $soname) belongs to no installed package"
  grep -qx "$package" <<< "$closure" || die "$path comes from $package, which carrier's dependencies do not pull in"
  if grep -qx "$soname" <<< "$needed" && [ "$soname" != ld-linux-x86-64.so.2 ]; then
    grep -qx "$package" <<< "$direct" || die "carrier links $soname from $package, which its Depends does not name"
  fi
  libraries=$((libraries + 1))
done < <(awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 } $1 ~ /^\// { n = split($1, p, "/"); print p[n], $1 }' "$scratch/ldd.txt")
for package in $direct; do
  grep -qx "$package" <<< "$closure" || die "Depends names $package, which is not installed"
done
ok "$libraries libraries, each from a package in carrier's dependency closure; directly linked ones from its Depends: $(echo $direct | sed 's/ /, /g')"

say "apt-get purge carrier"
chroot "$root" dpkg-query -L carrier | sort > "$scratch/carrier-paths"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive apt-get purge -y carrier > "$scratch/purge.log" 2>&1 \
  || { cat "$scratch/purge.log"; die "apt-get purge carrier failed"; }
! chroot "$root" dpkg-query -W carrier >/dev/null 2>&1 || die "dpkg still has a record of carrier after purge"
while read -r path; do
  [ -z "$path" ] || [ -d "$root$path" ] && continue
  [ ! -e "$root$path" ] || die "purge left $path"
done < "$scratch/carrier-paths"
for dir in /usr/share/carrier /usr/share/doc/carrier; do [ ! -e "$root$dir" ] || die "purge left $dir"; done
left=$(snapshot | comm -13 "$scratch/before" - | grep -i carrier || true)
[ -z "$left" ] || die "after purge, paths named carrier remain: $left"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y > "$scratch/autoremove.log" 2>&1 \
  || { cat "$scratch/autoremove.log"; die "apt-get autoremove --purge failed"; }
leftovers=$(snapshot | comm -13 "$scratch/before" - | grep -v -e '^\./etc/\(passwd\|group\|shadow\|gshadow\|subuid\|subgid\)-\?$' || true)
ok "purge removed every file of carrier; after autoremove --purge of its dependencies, $(grep -c . <<< "$leftovers") other new paths remain${leftovers:+ (left by dependencies, not carrier: $(head -5 <<< "$leftovers" | tr '\n' ' '))}"

finished=$(date +%s)
figures=$cache/figures.txt
{
  echo ".deb: $(stat -c %s "$deb") bytes; Installed-Size: $installed_size KiB"
  echo "tarball: $(stat -c %s "$tarball") bytes"
  echo "installing into minbase bookworm: $((packages_after - packages_before)) packages, root grew by $(( (size_after - size_before) / 1024 )) MiB; largest installed: $largest"
  echo "packages apt added: $(comm -13 "$scratch/packages-before" "$scratch/packages-after" | tr '\n' ' ')"
  echo "clean-root test: $((finished - chroot_started)) s (debootstrap cache: $( [ -n "${t0:-}" ] && echo "built this run in $(cat "$base/.carrier-base-complete") s" || echo reused))"
  echo "whole test-dist script: $((finished - started)) s"
} > "$figures"
sed 's/^/   /' "$figures"
echo "test-dist: $checks checks passed"
