# extract: the PDF layout and legacy .doc/.xls modules and their unit tests.

# Legacy .doc/.xls conversion (cmd/extract/legacy.c over ole2.c, tests/unit/test_legacy.c).
DEB_PACKAGES += libreoffice-writer-nogui libreoffice-calc-nogui

$(BUILD)/unit/test_pdf_layout: tests/unit/test_pdf_layout.c tests/unit/tap.h \
		$(BUILD)/cmd/extract/pdf_layout.o $(BUILD)/libyjs.a
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -Icmd/extract -o $@ $< \
		$(BUILD)/cmd/extract/pdf_layout.o $(BUILD)/libyjs.a $(LDLIBS_ALL)

$(BUILD)/unit/test_legacy: tests/unit/test_legacy.c tests/unit/tap.h \
		$(BUILD)/cmd/extract/legacy.o $(BUILD)/cmd/extract/ole2.o $(BUILD)/libyjs.a
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -Icmd/extract -o $@ $< \
		$(BUILD)/cmd/extract/legacy.o $(BUILD)/cmd/extract/ole2.o $(BUILD)/libyjs.a $(LDLIBS_ALL)
