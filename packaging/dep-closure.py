#!/usr/bin/env python3
"""Prints the installed packages PACKAGE depends on, recursively (PACKAGE included), one per line, read from a
dpkg status file (so it works on a chroot from outside). Alternatives count through whichever is installed;
virtual names through the installed packages that provide them. Used by packaging/test-dist.sh."""
import re
import sys


def stanzas(path):
    with open(path, encoding="utf-8") as status:
        for block in status.read().split("\n\n"):
            fields, key = {}, None
            for line in block.splitlines():
                if line.startswith((" ", "\t")) and key:
                    fields[key] += "\n" + line
                elif ":" in line:
                    key, value = line.split(":", 1)
                    fields[key] = value.strip()
            if fields.get("Package"):
                yield fields


def names(field):
    """`a (>= 1) | b:any, c` -> [[a, b], [c]]"""
    groups = []
    for group in filter(None, (part.strip() for part in field.split(","))):
        groups.append([re.sub(r"[\s(\[].*$", "", alt.strip()).split(":")[0] for alt in group.split("|")])
    return groups


def main(status_path, root):
    installed, provides = {}, {}
    for fields in stanzas(status_path):
        if "installed" not in fields.get("Status", "").split():
            continue
        installed[fields["Package"]] = fields
        for virtual in names(fields.get("Provides", "")):
            provides.setdefault(virtual[0], []).append(fields["Package"])
    if root not in installed:
        sys.exit(f"dep-closure: {root} is not installed")
    seen, todo = set(), [root]
    while todo:
        package = todo.pop()
        if package in seen:
            continue
        seen.add(package)
        fields = installed[package]
        for group in names(fields.get("Depends", "") + "," + fields.get("Pre-Depends", "")):
            for name in group:
                todo.extend(p for p in [name] + provides.get(name, []) if p in installed)
    print("\n".join(sorted(seen)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
