# Carrier's entry points. Each target installs what it needs and is safe to re-run.
SWIFT        ?= swift
VENV         ?= .venv
# The script libraries the sandbox loads at run time: the .deb depends on exactly these (plus its shared libraries).
JS_PACKAGES   = libjs-chai libjs-cryptojs node-lodash libjs-moment node-uuid node-ajv node-xml2js \
                node-cheerio libjs-backbone libjs-tv4 node-events
APT_PACKAGES  = libcurl4-openssl-dev libssl-dev libjavascriptcoregtk-4.1-dev libidn2-dev libpsl-dev publicsuffix pkg-config \
                $(JS_PACKAGES) python3 python3-venv ca-certificates
# Only `make test` needs these: the HTML report's test opens the page in a real (headless) browser; the JUnit
# report's test validates every kind of file with `xmllint --schema` (libxml2-utils); host encoding and the
# sandbox's Node built-ins are compared with Node itself (nodejs; a newer `node` already installed is kept).
APT_TEST_PACKAGES = chromium libxml2-utils nodejs
PY_PACKAGES   = scim2-server==0.8.3 scim2-tester==0.5.2 scim2-cli==0.6.0 scim-sanity==0.7.4 junitparser==5.0.3 \
                oauthlib==3.2.2 mohawk==1.1.0 botocore==1.44.8 PyJWT==2.15.1 cryptography==50.0.2 \
                pyspnego==0.12.4 edgegrid-python==2.0.9
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The version has one source: CarrierVersion.swift. The commit is baked in by linking a one-symbol object
# (Sources/CBuildInfo explains why); outside a git checkout it is "unknown", and CARRIER_COMMIT=... overrides it.
VERSION      := $(shell sed -n 's/^ *package static let current = "\(.*\)"$$/\1/p' Sources/CarrierCLI/CarrierVersion.swift)
ifndef CARRIER_COMMIT
CARRIER_COMMIT := $(shell c=$$(git rev-parse --short=12 HEAD 2>/dev/null) || c=unknown; \
                  if [ "$$c" != unknown ] && ! git diff --quiet HEAD -- 2>/dev/null; then c=$$c-dirty; fi; \
                  printf '%s' "$$c" | tr -c 'A-Za-z0-9._-' '_')
endif
BUILD_INFO    = .build/buildinfo/commit-$(CARRIER_COMMIT).o
BUILD_FLAGS   = -Xlinker $(CURDIR)/$(BUILD_INFO)
# The release artefact's build (make dist, and make bench, which measures what users install): the Swift runtime
# linked in, and -z now (with the default relro) so the GOT is read-only after start-up, as Debian's hardening asks.
# Linked by the toolchain's lld with packed relative relocations (DT_RELR, glibc 2.36+, what the README requires):
# the static Swift runtime carries about 75,000 relative relocations, which as RELA entries were 1.8 MB of the
# binary that the loader read at every start; as RELR they are 15 KB (docs/performance.md, fifth round).
# The shared libraries carrier opens on first use instead of linking (Sources/CLazyLoad): the .deb depends on them.
LAZY_LIBS     = -lcurl -ljavascriptcoregtk-4.1 -lssl -lcrypto -lidn2 -lpsl
DIST_FLAGS    = --static-swift-stdlib $(BUILD_FLAGS) -Xlinker -z -Xlinker now \
                -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs

.PHONY: help deps test-deps venv build release dist test-dist test unit demo bench bench-quick fuzz clean

## deps: install the Debian packages Carrier builds and runs with (only the missing ones).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is required: https://www.swift.org/install/linux/"; exit 2; }

## test-deps: the Debian packages only the tests use (only the missing ones).
test-deps: deps
	@missing=""; for p in $(APT_TEST_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing (tests only):$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## venv: the Python peers the end-to-end tests run against (independent SCIM servers and checkers).
venv: $(VENV)/.installed
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check $(PY_PACKAGES)
	touch $@

## build: a debug build of everything.
build: deps
	$(SWIFT) build

## release: .build/release/carrier, the commit baked in.
release: deps $(BUILD_INFO)
	$(SWIFT) build -c release --product carrier $(BUILD_FLAGS)

$(BUILD_INFO):
	@mkdir -p $(@D)
	printf 'const char carrier_build_commit_text[] = "%s";\n' '$(CARRIER_COMMIT)' | $(CC) -x c -c -o $@ -

## dist: dist/carrier_<version>_amd64.deb, dist/carrier-<version>-linux-x86_64.tar.gz and dist/SHA256SUMS: the
## release binary with the Swift runtime linked in (--static-swift-stdlib), so it needs only Debian's libraries.
dist: deps $(BUILD_INFO)
	@command -v dpkg-shlibdeps >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq dpkg-dev; }
	$(SWIFT) build -c release --product carrier $(DIST_FLAGS)
	VERSION=$(VERSION) COMMIT=$(CARRIER_COMMIT) JS_PACKAGES="$(strip $(JS_PACKAGES))" LAZY_LIBS="$(LAZY_LIBS)" \
	  packaging/build-dist.sh .build/release/carrier dist

## test-dist: install the .deb into a clean Debian 12 (debootstrap minbase, cached under .build/) by running the
## Containerfile's steps there, then run carrier inside it; checks contents, dependencies, lintian and purge.
test-dist: dist
	VERSION=$(VERSION) COMMIT=$(CARRIER_COMMIT) packaging/test-dist.sh dist

## unit: the fast suites, in seconds: no apt, no venv, no browser, no built carrier (what `make test` adds: the
## end-to-end and robustness suites, the Python SCIM peers, xmllint, Chromium and the fuzz pass).
UNIT_SUITES = JSONValueTests|AtomicFileTests|CollectionModelTests|RunnerCoreTests|CurlTransportTests|JSCSandboxTests|\
              ReportersTests|HTTPServerTests|SCIMServerTests|CarrierCLITests|CarrierCryptoTests
unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter '$(UNIT_SUITES)' --skip 'JUnitSchemaTests|HTMLReportTests/chromium|SCIMPeer'

## test: unit and end-to-end tests (real servers on 127.0.0.1).
test: deps test-deps venv
	$(SWIFT) build
	CARRIER_VENV=$(CURDIR)/$(VENV) $(SWIFT) test --no-parallel
	@# A bounded, seeded fuzz pass over every target keeps the harnesses building and the parsers crash-free.
	FUZZ_SECONDS=10 FUZZ_ARGS=-seed=1 Fuzz/run.sh

## demo: the SendSafely SCIM smoke test against the embedded SCIM server.
demo: release
	.build/release/carrier demo

## bench: the release artefact's build (as make dist builds it), then the benchmark suite against the libcurl floor
## (table on stdout, figures in bench/results.json; see docs/performance.md). BENCH_QUICK=1 (or `make bench-quick`)
## shortens it for CI.
bench: deps $(BUILD_INFO)
	$(SWIFT) build -c release --product carrier $(DIST_FLAGS)
	$(SWIFT) build -c release --product carrier-bench $(DIST_FLAGS)
	$(CC) -O2 -Wall -o .build/release/curl-floor bench/floor.c -lcurl
	$(CC) -O2 -Wall -o .build/release/peak bench/peak.c
	.build/release/carrier-bench

bench-quick:
	$(MAKE) bench BENCH_QUICK=1

## fuzz: libFuzzer targets (collection decoder, variable resolver, URL builder, CSV reader, HTTP head parser,
## SCIM filter parser), FUZZ_SECONDS each (default 30), seeded from Fuzz/Seeds and the malformed-input corpus.
FUZZ_SECONDS ?= 30
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

## help: this list.
help:
	@awk '/^## [a-z-]+:/ { sub(/^## /, ""); print "  make " $$0; next } /^## / { sub(/^## /, "    "); print }' $(MAKEFILE_LIST)

## clean: remove builds, the venv, reports and packages.
clean:
	@# The cached Debian root may still have /proc or /dev bound into it after an interrupted test-dist.
	@if grep -q " $(CURDIR)/.build/" /proc/mounts 2>/dev/null; then echo "unmount first: packaging/test-dist.sh --unmount"; exit 2; fi
	rm -rf .build $(VENV) reports dist
