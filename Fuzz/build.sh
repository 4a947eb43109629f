#!/usr/bin/env bash
# Builds one libFuzzer binary per target in Fuzz/Targets. SwiftPM cannot build with -sanitize=fuzzer, so each
# binary is the target's harness compiled together with the sources of the modules it needs, as ONE Swift
# module: the imports of our own modules are dropped and `package` declarations share one package name.
# Usage: Fuzz/build.sh [target...]   (default: all). Output: .build/fuzz/<target>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/fuzz"
mkdir -p "$out"
SWIFTC="${SWIFTC:-swiftc}"
# -Onone keeps builds quick on a busy machine; FUZZ_OPT=-O fuzzes faster.
OPT="${FUZZ_OPT:--Onone}"

modules_for() {
    case "$1" in
        collection|csv) echo "JSONValue CollectionModel" ;;
        variables|url)  echo "JSONValue CollectionModel CarrierCrypto RunContracts AuthSigning RunnerCore" ;;
        httphead)       echo "HTTPServer" ;;
        scimfilter)     echo "JSONValue AtomicFile HTTPServer CarrierCrypto SCIMServer" ;;
        *) echo "unknown fuzz target: $1" >&2; return 1 ;;
    esac
}

build_one() {
    local target="$1" stage="$out/src-$1"
    # Up to date: the binary is newer than the harness and every source of its modules.
    if [ -x "$out/$target" ] && [ -z "$(find "$root/Fuzz/Targets/$target.swift" $(for m in $(modules_for "$target"); do echo "$root/Sources/$m"; done) \
            -name '*.swift' -newer "$out/$target" | head -1)" ]; then
        echo "up to date: $target"
        return 0
    fi
    rm -rf "$stage"; mkdir -p "$stage"
    local module
    for module in $(modules_for "$target"); do
        # Flatten, naming each copy after its module so same-named files cannot clash.
        find "$root/Sources/$module" -name '*.swift' | while read -r file; do
            local rel="${file#"$root/Sources/$module/"}"
            sed -E '/^import (JSONValue|AtomicFile|CollectionModel|CarrierCrypto|RunContracts|AuthSigning|RunnerCore|HTTPServer|SCIMServer|InstallLayout)$/d' "$file" \
                > "$stage/${module}__${rel//\//__}"
        done
    done
    cp "$root/Fuzz/Targets/$target.swift" "$stage/zz_harness.swift"
    # CarrierCrypto, RunContracts and HTTPServer import C shims (OpenSSL, libidn2): give each a module map and link its object.
    local extra=() modules
    modules=" $(modules_for "$target") "
    mkdir -p "$stage/cmodules"
    : > "$stage/cmodules/module.modulemap"
    add_shim() {
        local shim="$1"; shift
        local links="" lib
        for lib in "$@"; do links+="  link \"$lib\"\n"; done
        printf "module $shim {\n  header \"%s\"\n${links}  export *\n}\n" \
            "$root/Sources/$shim/include/$shim.h" >> "$stage/cmodules/module.modulemap"
        "${CC:-clang}" -c -O1 -fsanitize=address -I "$root/Sources/$shim/include" \
            "$root/Sources/$shim/shim.c" -o "$stage/cmodules/$shim.o" || return 1
        extra+=("$stage/cmodules/$shim.o")
        for lib in "$@"; do extra+=("-l$lib"); done
    }
    if [[ "$modules" == *" CarrierCrypto "* ]]; then add_shim CCryptoShim crypto || return 1; fi
    if [[ "$modules" == *" RunContracts "* ]]; then add_shim CIDNShim idn2 || return 1; fi
    if [[ "$modules" == *" HTTPServer "* ]]; then add_shim CTLSShim ssl crypto || return 1; fi
    [ ${#extra[@]} -gt 0 ] && extra=(-I "$stage/cmodules" "${extra[@]}")
    echo "building $target ($(ls "$stage" | wc -l) files)"
    "$SWIFTC" -sanitize=fuzzer,address -parse-as-library $OPT -g -package-name carrier -module-name "Fuzz_$target" \
        -swift-version 6 "$stage"/*.swift "${extra[@]}" -o "$out/$target" 2> "$out/$target.log" \
        || { grep -v 'Cannot export local symbol' "$out/$target.log" | tail -40 >&2; return 1; }
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=()
    for file in "$root"/Fuzz/Targets/*.swift; do targets+=("$(basename "$file" .swift)"); done
fi
for target in "${targets[@]}"; do build_one "$target"; done
