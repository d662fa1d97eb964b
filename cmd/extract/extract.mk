# extract: the PDF layout and legacy converter modules (pdf_layout.c,
# legacy.c) are written alongside; until a file is there, its reader is
# built as a stub that reports "unsupported" instead of failing to link.
ifeq ($(wildcard cmd/extract/pdf_layout.c),)
$(BUILD)/cmd/extract/read_pdf.o: ALL_CFLAGS += -DEXTRACT_NO_PDF
endif
ifeq ($(wildcard cmd/extract/legacy.c),)
$(BUILD)/cmd/extract/read_legacy.o: ALL_CFLAGS += -DEXTRACT_NO_LEGACY
endif
# rebuild the reader when its module appears or changes
$(BUILD)/cmd/extract/read_pdf.o: $(wildcard cmd/extract/pdf_layout.c)
$(BUILD)/cmd/extract/read_legacy.o: $(wildcard cmd/extract/legacy.c)

# the number-format unit test links the formatter it tests
$(BUILD)/unit/test_numfmt: tests/unit/test_numfmt.c tests/unit/tap.h \
		$(BUILD)/cmd/extract/numfmt.o $(BUILD)/cmd/extract/text.o $(BUILD)/libyjs.a
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -Icmd/extract -o $@ $< \
		$(BUILD)/cmd/extract/numfmt.o $(BUILD)/cmd/extract/text.o $(BUILD)/libyjs.a $(LDLIBS_ALL)
