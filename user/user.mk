# User space: the C library (build/user/libc.a), the programs in user/bin,
# and the staged initrd root ($(BUILD)/initrd) packed into $(INITRD).
#
# Programs are static, non-PIE ELF executables at the default base address
# (0x400000).  They use only our own headers and library, so they run the
# same on Cowl and on Linux.

USER_BUILD := $(BUILD)/user
INITRD_ROOT := $(BUILD)/initrd

UCFLAGS := -std=c11 -O2 -Wall -Wextra -Werror=implicit-function-declaration \
           -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
           -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
           -Iuser/include -Ikernel/include
# Stops GCC from turning the loops in memset/memcpy into calls to themselves.
ULIBCFLAGS := $(UCFLAGS) -fno-tree-loop-distribute-patterns -MMD -MP
# Stripped (-s): the initrd is read by the boot loader at every boot.
ULDFLAGS := -nostdlib -static -no-pie -s -z max-page-size=0x1000 -z noexecstack
UNASMFLAGS := -f elf64 -g -F dwarf -I$(USER_BUILD)/include/

# The system call numbers and errno values for the .asm files, as NASM
# %defines taken from the uapi headers themselves, so they cannot drift.
UAPI_INC := $(USER_BUILD)/include/uapi.inc
UAPI_INC_SRC := kernel/include/uapi/unistd.h kernel/include/uapi/errno.h

LIBC_C   := $(sort $(wildcard user/lib/*.c))
LIBC_ASM := $(filter-out user/lib/crt0.asm,$(sort $(wildcard user/lib/*.asm)))
# The kernel's string functions and printf engine serve user space too.
LIBC_SHARED := $(patsubst kernel/lib/%.c,$(USER_BUILD)/lib/kernel_%.o,$(wildcard kernel/lib/*.c))
LIBC_OBJ := $(LIBC_C:user/lib/%.c=$(USER_BUILD)/lib/%.o) $(LIBC_ASM:user/lib/%.asm=$(USER_BUILD)/lib/%.o) \
            $(LIBC_SHARED)
LIBC     := $(USER_BUILD)/libc.a
CRT0     := $(USER_BUILD)/lib/crt0.o

$(USER_BUILD)/lib/%.o: user/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ULIBCFLAGS) -c $< -o $@

$(USER_BUILD)/lib/kernel_%.o: kernel/lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ULIBCFLAGS) -c $< -o $@

$(USER_BUILD)/lib/%.o: user/lib/%.asm $(UAPI_INC)
	@mkdir -p $(dir $@)
	$(NASM) $(UNASMFLAGS) $< -o $@

$(UAPI_INC): $(UAPI_INC_SRC)
	@mkdir -p $(dir $@)
	{ echo "; Generated from $(UAPI_INC_SRC) by user/user.mk: do not edit."; \
	  $(CC) -nostdinc -Ikernel/include $(UAPI_INC_SRC:kernel/include/%=-include %) -dM -E -x c /dev/null | \
	  sed -n 's/^#define \(__NR_[a-z0-9_]*\|E[A-Z0-9]*\) \([0-9][0-9]*\)$$/%define \1 \2/p' | LC_ALL=C sort; } > $@.tmp
	mv $@.tmp $@

$(LIBC): $(LIBC_OBJ)
	rm -f $@
	ar rcs $@ $^

# Compiles and links the single-file program $< into $@.  Its dependency
# file goes to $(USER_DEPS), not next to $@, which is inside the initrd.
USER_DEPS := $(USER_BUILD)/deps
define user_link
	@mkdir -p $(dir $@) $(dir $(USER_DEPS)/$@)
	$(CC) $(UCFLAGS) $(ULDFLAGS) -MMD -MP -MF $(USER_DEPS)/$@.d -o $@ $(CRT0) $< $(LIBC) -lgcc
endef

# The programs of user/bin, installed into the initrd root (init into sbin).
USER_BIN := $(patsubst user/bin/%.c,%,$(sort $(wildcard user/bin/*.c)))
USER_PROGS := $(patsubst %,$(INITRD_ROOT)/bin/%,$(filter-out init,$(USER_BIN))) \
              $(INITRD_ROOT)/sbin/init

$(INITRD_ROOT)/bin/%: user/bin/%.c $(CRT0) $(LIBC)
	$(user_link)

$(INITRD_ROOT)/sbin/init: user/bin/init.c $(CRT0) $(LIBC)
	$(user_link)

# tests/tests.mk adds the test programs and data as further prerequisites.
$(INITRD): $(USER_PROGS)
	cd $(INITRD_ROOT) && find . -mindepth 1 | LC_ALL=C sort | \
		cpio -o -H newc -R 0:0 --quiet > $(abspath $@)

# USERLAND=busybox: an archive laid over the initrd (a later boot module
# replaces what an earlier one put there) with Debian's busybox-static as
# /bin/busybox and each of its applets (`busybox --list`) as a symlink to
# it, /bin/sh among them: init's shell is then busybox's ash, and ps, top,
# vi, find, awk are busybox's.  Everything else of Cowl's stays: its demos,
# tools and tests, and /sbin/init.  Built only when asked for; tools/deps
# --debian installs the package.
BUSYBOX_ROOT := $(BUILD)/busybox
BUSYBOX_CPIO := $(BUILD)/busybox.cpio

$(BUSYBOX_CPIO): $(wildcard /bin/busybox)
	@tools/deps --debian
	rm -rf $(BUSYBOX_ROOT) && mkdir -p $(BUSYBOX_ROOT)/bin
	cp /bin/busybox $(BUSYBOX_ROOT)/bin/busybox
	for applet in $$(/bin/busybox --list); do \
		[ "$$applet" = busybox ] || ln -s busybox $(BUSYBOX_ROOT)/bin/$$applet || exit 1; \
	done
	cd $(BUSYBOX_ROOT) && find . -mindepth 1 | LC_ALL=C sort | \
		cpio -o -H newc -R 0:0 --quiet > $(abspath $@)

-include $(LIBC_OBJ:.o=.d) $(USER_PROGS:%=$(USER_DEPS)/%.d)
