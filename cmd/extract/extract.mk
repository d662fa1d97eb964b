# extract: its unit test. (pdf.mk, beside it, carries the PDF and legacy
# modules' packages and tests.)

# the number-format unit test links the formatter it tests
$(BUILD)/unit/test_numfmt: tests/unit/test_numfmt.c tests/unit/tap.h \
		$(BUILD)/cmd/extract/numfmt.o $(BUILD)/cmd/extract/text.o $(BUILD)/libyjs.a
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -Icmd/extract -o $@ $< \
		$(BUILD)/cmd/extract/numfmt.o $(BUILD)/cmd/extract/text.o $(BUILD)/libyjs.a $(LDLIBS_ALL)
