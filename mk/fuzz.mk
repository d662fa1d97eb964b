# make fuzz [FUZZ_SECONDS=N] [FUZZ_ONLY="fuzz_decimal ..."]
#
# Every tests/fuzz/fuzz_*.c is a libFuzzer harness, built with clang into
# build/fuzz/ with ASan+UBSan, and run N seconds on its seeds
# (tests/fuzz/corpus/<harness>/, read-only) plus a working corpus in
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
# Dictionaries: FUZZ_DICT_<harness> := file
FUZZ_DICT_fuzz_docstream := tests/fuzz/json.dict
FUZZ_DICT_fuzz_linereader := tests/fuzz/json.dict

FUZZ_LIB_OBJ := $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(LIB_SRC))
fuzz_stage_objs = $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(filter-out %/main.c,$(wildcard cmd/$(1)/*.c)))

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)

# The library is instrumented for coverage (fuzzer-no-link) but has no main.
$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ) $$(call fuzz_stage_objs,$$(FUZZ_STAGE_fuzz_$$*))
	@mkdir -p $(dir $@)
	@echo "FUZZLD $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/fuzz $(addprefix -Icmd/,$(FUZZ_STAGE_fuzz_$*)) \
		-o $@ $< $(filter %.o,$^) $(LDLIBS_ALL)

# One harness at a time, niced: the machine is shared.
fuzz: $(FUZZ_BINS)
	@mkdir -p $(FUZZ_DIR)/crashes $(FUZZ_DIR)/logs; rc=0; \
	for h in $(FUZZ_ONLY); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$h tests/fuzz/corpus/$$h; \
	  dict=""; case " $(foreach h,$(FUZZ_HARNESSES),$(if $(FUZZ_DICT_$(h)),$(h)=$(FUZZ_DICT_$(h)))) " in \
	    *" $$h="*) dict=$$(echo " $(foreach h,$(FUZZ_HARNESSES),$(if $(FUZZ_DICT_$(h)),$(h)=$(FUZZ_DICT_$(h)))) " | sed "s/.* $$h=\([^ ]*\).*/-dict=\1/");; esac; \
	  echo "fuzz: $$h for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(FUZZ_NICE) $(FUZZ_DIR)/$$h -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 \
	    -print_final_stats=1 -close_fd_mask=1 $$dict \
	    -artifact_prefix=$(FUZZ_DIR)/crashes/$$h- \
	    $(FUZZ_DIR)/corpus/$$h tests/fuzz/corpus/$$h > $(FUZZ_DIR)/logs/$$h.log 2>&1; \
	  st=$$?; \
	  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' $(FUZZ_DIR)/logs/$$h.log | sed "s/^/fuzz: $$h /"; \
	  if [ $$st -ne 0 ]; then rc=1; echo "fuzz: $$h FAILED (exit $$st), see $(FUZZ_DIR)/logs/$$h.log"; \
	    grep -E 'ERROR|SUMMARY|invariant|Test unit written' $(FUZZ_DIR)/logs/$$h.log | head -5; fi; \
	done; exit $$rc

# Keep the objects between runs (they are prerequisites of a pattern rule).
.PRECIOUS: $(FUZZ_DIR)/obj/%.o
