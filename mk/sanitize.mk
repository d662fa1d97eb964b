# `make test SANITIZE=1`: the Makefile builds objects into build/sanitize but
# links every command into the same bin/ as the plain build, and relinks
# only by timestamps. So a sanitized run could test plain binaries left in
# bin/, and a later plain `make` could keep sanitized ones. bin/.flavour
# records which build linked bin/; when it is not this build, every command
# is relinked. (The lasting fix is a bin/ per build: see docs/reliability.md.)
BIN_FLAVOUR := bin/.flavour
ifneq ($(strip $(file < $(BIN_FLAVOUR))),$(BUILD))
$(BINS): yjs-relink-flavour
endif
.PHONY: yjs-relink-flavour
yjs-relink-flavour: ;

all: $(BIN_FLAVOUR)
$(BIN_FLAVOUR): $(BINS)
	@mkdir -p bin
	@echo $(BUILD) > $@

# A sanitizer error or leak exits 86, never 1: a test that expects our
# "some documents failed" status 1 must not pass on a heap overflow.
ifeq ($(SANITIZE),1)
export ASAN_OPTIONS ?= detect_leaks=1:exitcode=86
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1:exitcode=86
export LSAN_OPTIONS ?= exitcode=86
endif
