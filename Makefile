# yujuesuan — build, test, run, install.
# `make run` and `make test` are all a fresh Debian machine needs: both
# depend on `deps`, which installs the missing Debian packages.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKG_CONFIG ?= pkg-config

# Debian packages the build, the tests and the pipelines need.
DEB_PACKAGES := build-essential pkg-config clang libclang-rt-14-dev \
	libzip-dev libxml2-dev libjansson-dev libcsv-dev libopencc-dev opencc \
	libssl-dev libpoppler-glib-dev poppler-utils poppler-data \
	bats bats-assert bats-support parallel jq python3 sqlite3 \
	zip unzip catdoc shellcheck util-linux procps postgresql openssh-server openssh-client rsync \
	time man-db

PKGS := libzip libxml-2.0 jansson opencc libcrypto poppler-glib
COMMANDS := $(notdir $(wildcard cmd/*))

WARN := -Wall -Wextra -Werror
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
	-Ilib $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LDLIBS_ALL = -lcsv $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

ifeq ($(SANITIZE),1)
  CFLAGS += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
  LDFLAGS += -fsanitize=address,undefined
  BUILD := build/sanitize
  # A sanitizer error or leak exits 86, never 1: a test that expects our
  # "some documents failed" status 1 must not pass on a heap overflow.
  export ASAN_OPTIONS ?= detect_leaks=1:exitcode=86
  export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1:exitcode=86
  export LSAN_OPTIONS ?= exitcode=86
else
  BUILD := build/$(notdir $(CC))
endif

# Every build links into its own folder, which the tests run; bin/ holds
# the commands of the last plain (not sanitized) build, for users and
# scripts. So a sanitized test never runs plain binaries, nor a plain one
# sanitized binaries left behind.
BUILD_BIN := $(BUILD)/bin
BUILD_BINS := $(addprefix $(BUILD_BIN)/,$(COMMANDS))
BINS := $(addprefix bin/,$(COMMANDS))

LIB_SRC := $(wildcard lib/*.c)
LIB_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRC))

.PHONY: all deps test check unit bats run bench fuzz install clean
.DEFAULT_GOAL := all

# Naming every object keeps make from treating them as intermediate files,
# so switching CC or SANITIZE rebuilds and relinks everything.
ALL_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard cmd/*/*.c)) $(LIB_OBJ)
all: deps $(ALL_OBJ) $(BUILD_BINS)

# Installs only what is missing; does nothing when everything is present.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "deps: installing$$missing"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; } >build-deps.log 2>&1 \
	      || { cat build-deps.log; echo "deps: could not install:$$missing" >&2; exit 1; }; \
	    rm -f build-deps.log; \
	  else \
	    echo "deps: missing Debian packages:$$missing" >&2; \
	    echo "deps: install them with: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libyjs.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

# Every command is the .c files of its folder linked with lib/.
.SECONDEXPANSION:
cmd_objs = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cmd/$(1)/*.c))
# Linked beside and renamed into place: a test running the old binary
# meanwhile keeps it, instead of failing on a half-written file.
$(BUILD_BIN)/%: $$(call cmd_objs,$$*) $(BUILD)/libyjs.a
	@mkdir -p $(BUILD_BIN)
	@echo "LD $@"
	@$(CC) $(LDFLAGS) -o $@.tmp $(filter %.o,$^) $(BUILD)/libyjs.a $(LDLIBS_ALL) && mv -f $@.tmp $@

# Copied when different, whatever the timestamps (switching CC back and forth
# leaves older binaries in the other build's folder), through a rename so that
# a command running meanwhile is never overwritten in place.
ifneq ($(SANITIZE),1)
all: publish-bin
.PHONY: publish-bin
publish-bin: $(BUILD_BINS)
	@mkdir -p bin; for c in $(COMMANDS); do \
	  cmp -s $(BUILD_BIN)/$$c bin/$$c || { cp -p $(BUILD_BIN)/$$c bin/.$$c.tmp && mv -f bin/.$$c.tmp bin/$$c; } || exit 1; \
	done
endif

$(BUILD)/unit/%: tests/unit/%.c tests/unit/tap.h $(BUILD)/libyjs.a
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(BUILD)/libyjs.a $(LDLIBS_ALL)

# Stage-specific rules (generated data, extra objects) live beside the stage.
-include $(wildcard cmd/*/*.mk mk/*.mk)
-include $(shell find build -name '*.d' 2>/dev/null)

unit: all $(UNIT_BIN)

# One TAP stream from the C unit tests and the Bats suite; CI reads the
# closing `N passed, N failed` line.
BATS_FILES ?= $(sort $(wildcard tests/*.bats))
test: all $(UNIT_BIN)
	@mkdir -p build; tap=$$(mktemp build/test.XXXXXX.tap); err=$$(mktemp build/unit.XXXXXX.err); rc=0; \
	for t in $(UNIT_BIN); do $$t >> $$tap 2>$$err || { rc=1; cat $$err; }; done; \
	YJS_BIN_DIR="$(CURDIR)/$(BUILD_BIN)" YJS_ROOT="$(CURDIR)" bats --formatter tap $(BATS_FILES) >> $$tap || rc=1; \
	cat $$tap; \
	awk '/^ok .*# [Ss][Kk][Ii][Pp]/{s++;next} /^ok /{p++} /^not ok /{f++} END{printf "%d passed, %d failed, %d skipped\n",p,f,s; exit (f>0)}' $$tap || rc=1; \
	cp $$tap build/test.tap; rm -f $$tap $$err; \
	exit $$rc
check: test

run: all
	@pipelines/nightly --inbox data/fixtures

bench: all
	@bench/run

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 755 pipelines/run $(DESTDIR)$(PREFIX)/bin/yujuesuan-run
	install -m 755 pipelines/load $(DESTDIR)$(PREFIX)/bin/yujuesuan-load
	install -m 755 pipelines/nightly $(DESTDIR)$(PREFIX)/bin/yujuesuan-nightly
	install -d $(DESTDIR)$(PREFIX)/share/yujuesuan
	install -m 644 pipelines/schema.sql $(DESTDIR)$(PREFIX)/share/yujuesuan/

clean:
	rm -rf bin build out
