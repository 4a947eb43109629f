// Why a C target: Swift has no string-valued -D defines, and a generated Swift file would either be tracked (and
// dirty the tree on every build) or missing (and break `swift build` from a plain checkout or tarball). A weak
// symbol keeps "unknown" for any build that does not link the Makefile's strong definition, and a new commit
// costs only a relink, not a recompile.
#include "CBuildInfo.h"

__attribute__((weak)) const char carrier_build_commit_text[] = "unknown";

const char *carrier_build_commit(void) {
    return carrier_build_commit_text;
}
