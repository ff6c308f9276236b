# Cowl: a teaching kernel for x86-64 that shows how processes are created.
# `make run` boots it to a shell, `make test` runs every test headless.

BUILD    := build
ARCH     := x86_64

CC       := gcc
LD       := ld
NASM     := nasm

# Kernel: freestanding, linked at -2 GiB (mcmodel=kernel), no SSE (the kernel
# does not save FPU state on entry), no red zone (interrupts push on the stack).
KCFLAGS  := -std=c11 -O2 -g -Wall -Wextra -Werror=implicit-function-declaration \
            -ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
            -mno-mmx -mno-sse -mno-sse2 -mno-avx -fno-stack-protector \
            -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
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

.PHONY: all iso initrd run debug gdb test test-host deps clean grade
all: $(KERNEL) $(ISO)

$(BUILD)/k/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/k/%.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) $< -o $@

$(KSRC_ASM:%.asm=$(BUILD)/k/%.o): $(ASM_OFFSETS)

$(ASM_OFFSETS_S): $(ASM_OFFSETS_C)
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -S $< -o $@

$(ASM_OFFSETS): $(ASM_OFFSETS_S)
	@mkdir -p $(dir $@)
	{ echo "; Generated from $(ASM_OFFSETS_C) by the Makefile: do not edit."; \
	  sed -n 's/^[[:space:]]*\.ascii[[:space:]]*"->\([^ ]*\) [$$]\(.*\)"$$/%define \1 \2/p' $<; } > $@.tmp
	mv $@.tmp $@

$(KERNEL): $(KOBJ) linker.ld
	$(LD) $(KLDFLAGS) -o $@ $(KOBJ)

include user/user.mk
include tests/tests.mk

$(ISO): $(KERNEL) $(INITRD) boot/grub.cfg | deps
	@rm -rf $(BUILD)/iso && mkdir -p $(BUILD)/iso/boot/grub
	cp $(KERNEL) $(BUILD)/iso/boot/kernel.elf
	cp $(INITRD) $(BUILD)/iso/boot/initrd.cpio
	cp boot/grub.cfg $(BUILD)/iso/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(BUILD)/iso 2>$(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }

iso: $(ISO)

# The user space alone, no kernel: tools/grade lays the grader's initrd over
# a student's, so that only the student's kernel is theirs.
initrd: $(INITRD)

# Installs (as root) or names (otherwise) the Debian packages the build needs.
deps:
	@tools/deps

run: $(ISO)
	tools/qemu $(if $(GUI),--gui) $(ISO)

# Two terminals: `make debug` starts QEMU halted, waiting for GDB on :1234;
# `make gdb` attaches and stops at kernel_main.
debug: $(ISO)
	tools/qemu --debug $(ISO)

gdb: $(KERNEL)
	gdb -q -x tools/gdbinit

test: deps
	@tools/test

# Cowl against Debian's Linux in the same QEMU; see docs/performance.md.
.PHONY: bench
bench: deps
	@tools/bench

# Teaching labs (docs/labs): `make lab-cow` writes the starter tree to
# labs-work/cow (or DEST=...), which `make clean` keeps; `make grade` there,
# or `make grade LAB=cow` here on the reference, builds the tree and scores
# it with the checks of labs/NAME/lab.conf.
lab-%:
	@tools/lab $* $(DEST)

grade: deps
	@tools/grade $(if $(LAB),--lab $(LAB))

clean:
	rm -rf $(BUILD)

-include $(KOBJ:.o=.d) $(ASM_OFFSETS_S:.s=.d)
