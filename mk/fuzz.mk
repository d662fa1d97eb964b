# make fuzz [FUZZ_SECONDS=N] [FUZZ_ONLY="fuzz_decimal ..."]
#
# Every tests/fuzz/fuzz_*.c is a libFuzzer harness, built with clang into
# build/fuzz/ with ASan+UBSan, and run N seconds on its seeds (read-only:
# the hand-written ones of the lib harnesses in tests/fuzz/corpus/<harness>/,
# and those tests/fuzz/make-seeds derives from the fixtures and the built
# stages into build/fuzz/seeds/<harness>/) plus a working corpus in
# build/fuzz/corpus/<harness>/ where libFuzzer keeps what it finds. A crash
# leaves its input in build/fuzz/crashes/ and fails the target; copy it to
# tests/fuzz/crashes/ with a note in docs/reliability.md.
#
# A harness for a stage parser links the stage's cmd/NAME/*.c except main.c;
# say which stage with FUZZ_STAGE_<harness> := NAME below.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_NICE ?= nice -n 10
FUZZ_DIR := build/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
# ALL_CFLAGS without the optimisation and sanitizer flags of the current build
FUZZ_CFLAGS = $(filter-out -O% -fsanitize=% -fno-sanitize-recover=%,$(ALL_CFLAGS)) \
	-O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)

FUZZ_HARNESSES := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_ONLY ?= $(FUZZ_HARNESSES)
FUZZ_BINS := $(addprefix $(FUZZ_DIR)/,$(FUZZ_HARNESSES))

# Stage parsers the harnesses link (cmd/NAME/*.c minus main.c), e.g.
# FUZZ_STAGE_fuzz_zip := extract
FUZZ_STAGE_fuzz_extract := extract
FUZZ_STAGE_fuzz_extract_txt := extract
FUZZ_STAGE_fuzz_extract_html := extract
FUZZ_STAGE_fuzz_extract_docx := extract
FUZZ_STAGE_fuzz_extract_xlsx := extract
FUZZ_STAGE_fuzz_extract_pdf := extract
FUZZ_STAGE_fuzz_extract_ofd := extract
FUZZ_STAGE_fuzz_extract_doc := extract
FUZZ_STAGE_fuzz_extract_xls := extract
FUZZ_STAGE_fuzz_extract_names := extract
FUZZ_STAGE_fuzz_tabulate_sentence := tabulate
FUZZ_STAGE_fuzz_tabulate_formula := tabulate
FUZZ_STAGE_fuzz_tabulate_header := tabulate
FUZZ_STAGE_fuzz_tabulate_stream := tabulate
FUZZ_STAGE_fuzz_reconcile_stream := reconcile
FUZZ_STAGE_fuzz_reconcile_formula := reconcile
FUZZ_STAGE_fuzz_normalize := normalize-traditional-chinese
# objects a stage builds outside its folder: normalize's generated tables
# (data, not code: compiled without coverage)
FUZZ_EXTRA_fuzz_normalize := $(FUZZ_DIR)/obj/normalize-tables.o
$(FUZZ_DIR)/obj/normalize-tables.o: $(BUILD)/normalize/tables.c
	@mkdir -p $(dir $@)
	@echo "FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -Icmd/normalize-traditional-chinese -c $< -o $@
# the harnesses build zip packages with zlib's crc32
FUZZ_LDLIBS := -lz

# Extra libFuzzer options per harness. The stream harnesses write one
# diagnostic per bad record to stderr: close it (crash reports still show).
FUZZ_JSON_OPTS := -dict=tests/fuzz/json.dict
FUZZ_OPTS_fuzz_docstream := $(FUZZ_JSON_OPTS) -close_fd_mask=3
FUZZ_OPTS_fuzz_linereader := $(FUZZ_JSON_OPTS) -close_fd_mask=1
# stage harnesses: stderr closed (diagnostics per bad input), inputs up to 64 KiB,
# 60 s per input before a timeout counts (instrumented code on a loaded box is
# 50x slower: the GB18030 seed of batch-2023.zip took 21 s once)
FUZZ_STAGE_OPTS := -close_fd_mask=3 -max_len=65536 -timeout=60
$(foreach h,$(filter fuzz_extract% fuzz_tabulate% fuzz_reconcile% fuzz_normalize%,$(FUZZ_HARNESSES)),\
  $(eval FUZZ_OPTS_$(h) ?= $(FUZZ_STAGE_OPTS)))
FUZZ_OPTS_fuzz_extract_docx := $(FUZZ_STAGE_OPTS) -dict=tests/fuzz/xml.dict
FUZZ_OPTS_fuzz_extract_xlsx := $(FUZZ_STAGE_OPTS) -dict=tests/fuzz/xml.dict
FUZZ_OPTS_fuzz_extract_html := $(FUZZ_STAGE_OPTS) -dict=tests/fuzz/xml.dict
FUZZ_OPTS_fuzz_extract_ofd := $(FUZZ_STAGE_OPTS) -dict=tests/fuzz/xml.dict
FUZZ_OPTS_fuzz_extract := -close_fd_mask=3 -max_len=131072 -timeout=60

FUZZ_LIB_OBJ := $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(LIB_SRC))
fuzz_stage_objs = $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(filter-out %/main.c,$(wildcard cmd/$(1)/*.c)))

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)

# The library is instrumented for coverage (fuzzer-no-link) but has no main.
$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ) $$(call fuzz_stage_objs,$$(FUZZ_STAGE_fuzz_$$*)) \
		$$(FUZZ_EXTRA_fuzz_$$*) $(wildcard tests/fuzz/*.h)
	@mkdir -p $(dir $@)
	@echo "FUZZLD $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/fuzz $(addprefix -Icmd/,$(FUZZ_STAGE_fuzz_$*)) \
		-o $@ $< $(filter %.o,$^) $(LDLIBS_ALL) $(FUZZ_LDLIBS)

# Seeds derived from the fixtures and hostile inputs, and (stream seeds)
# from what the built stages make of them.
$(FUZZ_DIR)/seeds.stamp: tests/fuzz/make-seeds $(wildcard data/fixtures/* data/hostile/*) $(BUILD_BINS)
	@echo "SEEDS $(FUZZ_DIR)/seeds"
	@rm -rf $(FUZZ_DIR)/seeds
	@BIN=$(BUILD_BIN) python3 tests/fuzz/make-seeds $(FUZZ_DIR)/seeds
	@touch $@

# One harness at a time, niced: the machine is shared.
fuzz: $(FUZZ_BINS) $(FUZZ_DIR)/seeds.stamp
	@rc=0; $(foreach h,$(FUZZ_ONLY),tests/fuzz/run $(FUZZ_DIR) $(h) $(FUZZ_SECONDS) $(FUZZ_OPTS_$(h)) || rc=1;) exit $$rc

# Keep the objects between runs (they are prerequisites of a pattern rule).
.PRECIOUS: $(FUZZ_DIR)/obj/%.o
