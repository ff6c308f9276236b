# User-space tests: the programs of tests/user go to /tests in the initrd,
# their helpers to /tests/helpers, tests/data to /tests/data, and the
# runner to /bin/runtests.  `make test-host` runs them all on this Linux.

TEST_ROOT := $(INITRD_ROOT)/tests

TEST_NAMES   := $(filter-out runtests,$(patsubst tests/user/%.c,%,$(sort $(wildcard tests/user/*.c))))
TEST_PROGS   := $(TEST_NAMES:%=$(TEST_ROOT)/%)
TEST_HELPERS := $(patsubst tests/user/helpers/%.c,$(TEST_ROOT)/helpers/%,$(sort $(wildcard tests/user/helpers/*.c)))
TEST_DATA    := $(patsubst tests/data/%,$(TEST_ROOT)/data/%,$(shell find tests/data -type f | sort))
# An ELF file cut after 32 bytes: the header is incomplete, so execve must say ENOEXEC.
TRUNCATED_ELF := $(TEST_ROOT)/data/truncated.elf
RUNTESTS     := $(INITRD_ROOT)/bin/runtests

$(TEST_PROGS): $(TEST_ROOT)/%: tests/user/%.c $(CRT0) $(LIBC)
	$(user_link)

$(TEST_HELPERS): $(TEST_ROOT)/helpers/%: tests/user/helpers/%.c $(CRT0) $(LIBC)
	$(user_link)

$(RUNTESTS): tests/user/runtests.c $(CRT0) $(LIBC)
	$(user_link)

# Keeps the file mode from git: tests/data/notelf is executable on purpose.
$(TEST_DATA): $(TEST_ROOT)/data/%: tests/data/%
	@mkdir -p $(dir $@)
	cp --preserve=mode $< $@

$(TRUNCATED_ELF): $(INITRD_ROOT)/bin/true
	@mkdir -p $(dir $@)
	head -c 32 $< > $@
	chmod 755 $@

$(INITRD): $(TEST_PROGS) $(TEST_HELPERS) $(TEST_DATA) $(TRUNCATED_ELF) $(RUNTESTS)

# Runs the suite on the host with cwd = the initrd root, as the kernel does.
# T="NAME..." runs only the programs those names select (see runtests.c).
TEST_HOST_LOG := $(BUILD)/test-host-runtests.log
test-host: $(INITRD)
	@(cd $(INITRD_ROOT) && ./bin/runtests $(T)) > $(TEST_HOST_LOG) 2>&1; \
	status=$$?; cat $(TEST_HOST_LOG); \
	passed=$$(grep -c '^TEST: PASS' $(TEST_HOST_LOG)); \
	failed=$$(grep -c '^TEST: FAIL' $(TEST_HOST_LOG)); \
	skipped=$$(grep -c '^TEST: SKIP' $(TEST_HOST_LOG)); \
	echo "$$passed passed, $$failed failed, $$skipped skipped"; \
	[ $$failed -eq 0 ] && [ $$status -eq 0 ]

-include $(patsubst %,$(USER_DEPS)/%.d,$(TEST_PROGS) $(TEST_HELPERS) $(RUNTESTS))
