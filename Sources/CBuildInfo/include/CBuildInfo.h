#ifndef CBUILDINFO_H
#define CBUILDINFO_H

/// The git commit the binary was built from, or "unknown". `make` links a small object that defines
/// `carrier_build_commit_text` (see Makefile, BUILD_INFO); without it the weak default in build_info.c stays.
const char *carrier_build_commit(void);

#endif
