# Cowl: a teaching kernel for x86-64 that shows how processes are created.
# `make run` boots it to a shell, `make test` runs every test headless.

# DEBUG=1: a build for gdb, -O0 so that locals and arguments are not
# <optimized out>, in its own directory beside the normal one.
ifeq ($(DEBUG),1)
BUILD    := build-debug
OPT      := -O0
else
BUILD    := build
OPT      := -O2
endif
ARCH     := x86_64

CC       := gcc
LD       := ld
NASM     := nasm

# Kernel: freestanding, linked at -2 GiB (mcmodel=kernel), no SSE (the kernel
# does not save FPU state on entry), no red zone (interrupts push on the stack),
# frame pointers for the oops call trace (arch/x86_64/dumpstack.c), and, as
# Linux, no deleting of accesses through NULL: in the kernel they are real
# accesses (address 0 is a user address) and must fault.
KCFLAGS  := -std=c11 $(OPT) -g -Wall -Wextra -Werror=implicit-function-declaration \
            -ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
            -mno-mmx -mno-sse -mno-sse2 -mno-avx -fno-stack-protector \
            -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
            -fno-delete-null-pointer-checks \
            -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
            -Ikernel/include -Iarch/$(ARCH)/include -MMD -MP
KLDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack -T linker.ld
NASMFLAGS:= -f elf64 -g -F dwarf -Iarch/$(ARCH)/ -Iboot/ -I$(BUILD)/include/

# asm-offsets (as in Linux): the constants the .asm files share with C are
# generated from the C definitions.  ASM_OFFSETS_C is compiled to assembly
# only; each `->NAME value` line in it becomes `%define NAME value`.
ASM_OFFSETS_C := arch/$(ARCH)/asm-offsets.c
ASM_OFFSETS_S := $(ASM_OFFSETS_C:%.c=$(BUILD)/k/%.s)
ASM_OFFSETS   := $(BUILD)/include/asm-offsets.inc

KSRC_C   := $(filter-out $(ASM_OFFSETS_C),$(shell find kernel arch tests/kernel -name '*.c' | sort))
KSRC_ASM := $(shell find boot arch -name '*.asm' | sort)
KOBJ     := $(KSRC_C:%.c=$(BUILD)/k/%.o) $(KSRC_ASM:%.asm=$(BUILD)/k/%.o)

KERNEL   := $(BUILD)/kernel.elf
ISO      := $(BUILD)/cowl.iso
INITRD   := $(BUILD)/initrd.cpio

# USERLAND=busybox (with make iso, make run): Debian's busybox-static in
# /bin, its applets linked to it (user/user.mk); the ISO then carries that
# archive too, with a GRUB entry booting it.  The default, cowl, is Cowl's
# own tiny programs.  The ISO is remade when USERLAND changes: the last
# value is kept in $(USERLAND_STAMP).
USERLAND ?= cowl
ifeq ($(filter cowl busybox,$(USERLAND)),)
$(error USERLAND=$(USERLAND): cowl (the default) or busybox)
endif
USERLAND_STAMP := $(BUILD)/userland
ifneq ($(shell cat $(USERLAND_STAMP) 2>/dev/null),$(USERLAND))
$(shell mkdir -p $(BUILD) && echo $(USERLAND) > $(USERLAND_STAMP))
endif

.PHONY: all iso initrd busybox-initrd run debug gdb test test-host deps clean grade
all: $(KERNEL) $(ISO)

$(BUILD)/k/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/k/%.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) $< -o $@

$(KSRC_ASM:%.asm=$(BUILD)/k/%.o): $(ASM_OFFSETS)

# -O2 whatever DEBUG says: the "i" constraints need the inline helpers folded.
$(ASM_OFFSETS_S): $(ASM_OFFSETS_C)
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -O2 -S $< -o $@

$(ASM_OFFSETS): $(ASM_OFFSETS_S)
	@mkdir -p $(dir $@)
	{ echo "; Generated from $(ASM_OFFSETS_C) by the Makefile: do not edit."; \
	  sed -n 's/^[[:space:]]*\.ascii[[:space:]]*"->\([^ ]*\) [$$]\(.*\)"$$/%define \1 \2/p' $<; } > $@.tmp
	mv $@.tmp $@

# kallsyms (as Linux links vmlinux): link once with an empty symbol table,
# list that kernel's text symbols into kallsyms.c with tools/kallsyms, link
# again with the table.  The table lives in .rodata, after .text, so no
# function moves; the last step checks that, as Linux's kallsyms does.
KALLSYMS0 := $(BUILD)/k/kallsyms0
KALLSYMS1 := $(BUILD)/k/kallsyms1
KERNEL_TMP := $(BUILD)/k/kernel.tmp.elf

$(KALLSYMS0).c: tools/kallsyms
	@mkdir -p $(dir $@)
	tools/kallsyms > $@

$(KERNEL_TMP): $(KOBJ) $(KALLSYMS0).o linker.ld
	$(LD) $(KLDFLAGS) -o $@ $(KOBJ) $(KALLSYMS0).o

$(KALLSYMS1).c: $(KERNEL_TMP) tools/kallsyms
	tools/kallsyms $< > $@

$(KALLSYMS0).o $(KALLSYMS1).o: %.o: %.c
	$(CC) $(KCFLAGS) -c $< -o $@

$(KERNEL): $(KOBJ) $(KALLSYMS1).o linker.ld
	$(LD) $(KLDFLAGS) -o $@ $(KOBJ) $(KALLSYMS1).o
	tools/kallsyms $@ | cmp -s - $(KALLSYMS1).c || \
		{ echo "kallsyms: text symbols moved between the links" >&2; rm -f $@; exit 1; }

include user/user.mk
include tests/tests.mk

ISO_BUSYBOX := $(if $(filter busybox,$(USERLAND)),$(BUSYBOX_CPIO))

$(ISO): $(KERNEL) $(INITRD) $(ISO_BUSYBOX) $(USERLAND_STAMP) boot/grub.cfg | deps
	@rm -rf $(BUILD)/iso && mkdir -p $(BUILD)/iso/boot/grub
	cp $(KERNEL) $(BUILD)/iso/boot/kernel.elf
	cp $(INITRD) $(BUILD)/iso/boot/initrd.cpio
	$(if $(ISO_BUSYBOX),cp $(ISO_BUSYBOX) $(BUILD)/iso/boot/busybox.cpio)
	cp boot/grub.cfg $(BUILD)/iso/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(BUILD)/iso 2>$(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }

iso: $(ISO)

# The user space alone, no kernel: tools/grade lays the grader's initrd over
# a student's, so that only the student's kernel is theirs.
initrd: $(INITRD)

# The USERLAND=busybox archive alone (tools/run-elf --userland busybox).
busybox-initrd: $(BUSYBOX_CPIO)

# Installs (as root) or names (otherwise) the Debian packages the build needs.
deps:
	@tools/deps

# SMP=N: the CPUs `make run` boots with (docs/smp.md); SMP=1 for one.
# USERLAND=busybox boots straight into it (the archive as an extra module).
SMP ?= 2
run: $(ISO)
	tools/qemu $(if $(GUI),--gui) --smp $(SMP) $(if $(ISO_BUSYBOX),--extra $(ISO_BUSYBOX)) $(ISO)

# Two terminals: `make debug` starts QEMU halted, waiting for GDB on :1234;
# `make gdb` attaches, loads the cowl-* commands (tools/gdb/cowl.py) and
# stops at kernel_main.  DEBUG=1 on both for the -O0 build (docs/debugging.md).
debug: $(ISO)
	tools/qemu --debug $(ISO)

gdb: $(KERNEL)
	gdb -q $(KERNEL) -x tools/gdbinit

# T="NAME..." runs only what the names select (see tools/test).
test: deps
	@tools/test $(T)

# Cowl against Debian's Linux in the same QEMU; see docs/performance.md.
# `make bench` writes only into $(BUILD)/bench; `make bench-docs` copies
# its table and plot into docs/.
.PHONY: bench bench-docs
bench: deps
	@tools/bench

bench-docs:
	@[ -f $(BUILD)/bench/results.txt ] && [ -f $(BUILD)/bench/fork.png ] || \
		{ echo "bench-docs: no results in $(BUILD)/bench: run make bench first" >&2; exit 1; }
	cp $(BUILD)/bench/results.txt docs/bench-results.txt
	cp $(BUILD)/bench/fork.png docs/bench-fork.png

# Teaching labs (docs/labs): `make lab-cow` writes the starter tree to
# labs-work/cow (or DEST=...), which `make clean` keeps; `make grade` there,
# or `make grade LAB=cow` here on the reference, builds the tree and scores
# it with the checks of labs/NAME/lab.conf.
lab-%:
	@tools/lab $* $(DEST)

grade: deps
	@tools/grade $(if $(LAB),--lab $(LAB))

clean:
	rm -rf build build-debug

-include $(KOBJ:.o=.d) $(ASM_OFFSETS_S:.s=.d) $(KALLSYMS0).d $(KALLSYMS1).d
