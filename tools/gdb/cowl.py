# gdb helpers for Cowl, in the spirit of Linux's scripts/gdb (lx-ps, lx-dmesg...).
# `make gdb` loads this file (tools/gdbinit); by hand: `source tools/gdb/cowl.py`.
#
#   cowl-ps               every task: pid, tgid, state, comm, CPU, mm
#   cowl-vmas PID         the VMAs of a process, as /proc/PID/maps shows them
#   cowl-pt PID ADDR      the 4-level walk of ADDR in PID's page tables: each
#                         entry with its bits decoded, then the frame and the
#                         reference count of its struct page
#   cowl-dmesg            the kernel log (log_buf, kernel/printk.c)
#   cowl-trace            the recent trace events (trace_ring, kernel/trace.c)
#
# PID and ADDR are gdb expressions: `cowl-pt current->pid address` works at
# a breakpoint in do_wp_page.  The structures are read through the kernel's
# debug information; the constants below are the few that only exist as C
# macros (gdb sees no macros without -g3): each names where it comes from.
import gdb

PAGE_OFFSET = 0xffff888000000000  # arch/x86_64/include/asm/page.h: the direct map
PAGE_SHIFT = 12
PTE_PFN_MASK = 0x000ffffffffff000  # arch/x86_64/include/asm/pgtable.h
PTRS_PER_TABLE = 512

# The PTE bits (Intel SDM vol. 3A, 4.5 "4-Level Paging", tables 4-15 to 4-19;
# _PAGE_* in asm/pgtable.h).  Bit 8 is G in a present leaf, Cowl's (and
# Linux's) _PAGE_PROTNONE in a not-present one.
PTE_BITS = [(0, "P"), (1, "RW"), (2, "US"), (3, "PWT"), (4, "PCD"), (5, "A"),
            (6, "D"), (7, "PS"), (8, "G"), (63, "NX")]
PTE_PROTNONE = 1 << 8

# __state and exit_state (kernel/include/sched.h), as ps(1) letters.
TASK_STATES = [(0x0800, "N"), (0x0002, "D"), (0x0001, "S")]
EXIT_ZOMBIE, EXIT_DEAD = 0x0020, 0x0010

# vm_flags (kernel/include/mm.h).
VM_READ, VM_WRITE, VM_EXEC, VM_SHARED = 0x1, 0x2, 0x4, 0x8

# `current` is a C macro (kernel/include/sched.h): the task in the per-CPU
# area (asm/percpu.h) of the CPU gdb looks at.  QEMU's gdb stub shows CPU n
# as thread n + 1; without a target $_thread is 0.
gdb.execute("macro define current (percpu_areas[$_thread > 0 ? $_thread - 1 : 0].current_task)")


def offset_of(type_name, field):
    for f in gdb.lookup_type(type_name).fields():
        if f.name == field:
            return f.bitpos // 8
    raise gdb.GdbError("%s has no field %s" % (type_name, field))


def list_for_each_entry(head, type_name, member):
    """The structures on a struct list_head, as the kernel's list.h walks them."""
    off = offset_of(type_name, member)
    ptr_type = gdb.lookup_type(type_name).pointer()
    head_addr = int(head.address)
    node = head["next"]
    while int(node) != head_addr:
        yield gdb.Value(int(node) - off).cast(ptr_type).dereference()
        node = node["next"]


def all_tasks():
    """The idle task (pid 0, not on task_list) and then task_list."""
    yield gdb.parse_and_eval("init_task")
    for t in list_for_each_entry(gdb.parse_and_eval("task_list"), "struct task_struct", "tasks"):
        yield t


def find_task(pid):
    for t in all_tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError("no task with pid %d" % pid)


def task_state(t):
    exit_state = int(t["exit_state"])
    if exit_state & EXIT_ZOMBIE:
        return "Z"
    if exit_state & EXIT_DEAD:
        return "X"
    state = int(t["__state"])
    for bit, letter in TASK_STATES:
        if state & bit:
            return letter
    return "R"


def eval_int(expr):
    return int(gdb.parse_and_eval(expr)) & 0xffffffffffffffff


def read_u64(addr):
    data = gdb.selected_inferior().read_memory(addr, 8)
    return int.from_bytes(bytes(data), "little")


def decode_bits(entry):
    names = [name for bit, name in PTE_BITS if entry & (1 << bit)]
    if not entry & 1 and entry & PTE_PROTNONE:
        names[names.index("G")] = "PROTNONE"
    return " ".join(names) if names else "-"


def task_mm(pid):
    t = find_task(pid)
    if int(t["mm"]) == 0:
        raise gdb.GdbError("pid %d (%s) is a kernel thread: no mm" % (pid, t["comm"].string()))
    return t, t["mm"].dereference()


def parse_args(arg, count, usage):
    args = gdb.string_to_argv(arg)
    if len(args) != count:
        raise gdb.GdbError("usage: " + usage)
    return [eval_int(a) for a in args]


class CowlPs(gdb.Command):
    """Every task: pid, tgid, state, comm, CPU, mm.  `*` marks the running one (current)."""

    def __init__(self):
        super().__init__("cowl-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        current = int(gdb.parse_and_eval("current"))
        gdb.write("  %5s %5s %-5s %3s %-18s %s\n" % ("PID", "TGID", "STATE", "CPU", "MM", "COMM"))
        for t in all_tasks():
            mark = "*" if int(t.address) == current else " "
            gdb.write("%s %5d %5d %-5s %3d 0x%016x %s\n" % (
                mark, int(t["pid"]), int(t["tgid"]), task_state(t), int(t["cpu"]),
                int(t["mm"]), t["comm"].string()))


def dentry_path(dentry):
    """A file's path by its dentry's names up to a root (its own parent), as the root file system has them."""
    parts = []
    while int(dentry["parent"]) != int(dentry.address):
        parts.append(dentry["name"].string())
        dentry = dentry["parent"].dereference()
    return "/" + "/".join(reversed(parts))


def vma_name(vma, mm):
    """What /proc/PID/maps names a VMA (proc_vma_name in kernel/fs/proc_mm.c)."""
    start, end = int(vma["vm_start"]), int(vma["vm_end"])
    if int(vma["vm_file"]):
        return dentry_path(vma["vm_file"]["dentry"].dereference())
    brk, start_brk, stack = int(mm["brk"]), int(mm["start_brk"]), int(mm["start_stack"])
    if start <= brk and end >= start_brk and brk > start_brk:
        return "[heap]"
    if start <= stack <= end:
        return "[stack]"
    return "/dev/zero (deleted)" if int(vma["vm_flags"]) & VM_SHARED else ""


class CowlVmas(gdb.Command):
    """cowl-vmas PID: the process's VMAs (start-end perms pgoff name), as /proc/PID/maps."""

    def __init__(self):
        super().__init__("cowl-vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        (pid,) = parse_args(arg, 1, "cowl-vmas PID")
        t, mm = task_mm(pid)
        gdb.write("pid %d (%s): %d VMAs\n" % (pid, t["comm"].string(), int(mm["map_count"])))
        for vma in list_for_each_entry(mm["mmap"], "struct vm_area_struct", "vm_list"):
            flags = int(vma["vm_flags"])
            perms = "".join(c if flags & bit else "-" for bit, c in
                            ((VM_READ, "r"), (VM_WRITE, "w"), (VM_EXEC, "x")))
            perms += "s" if flags & VM_SHARED else "p"
            gdb.write("%012x-%012x %s %08x %s\n" % (
                int(vma["vm_start"]), int(vma["vm_end"]), perms,
                int(vma["vm_pgoff"]) << PAGE_SHIFT, vma_name(vma, mm)))


LEVELS = [("PML4", 39), ("PDPT", 30), ("PD", 21), ("PT", 12)]


def show_frame(pfn):
    page = gdb.parse_and_eval("mem_map")[pfn]
    gdb.write("frame %x (phys %x): struct page at 0x%x, refcount %d, flags %#x\n" % (
        pfn, pfn << PAGE_SHIFT, int(page.address), int(page["refcount"]["counter"]), int(page["flags"])))


class CowlPt(gdb.Command):
    """cowl-pt PID ADDR: walk ADDR through PID's 4 levels of page tables.

Each level prints the table's entry for ADDR with its bits decoded; a
present leaf (a PT entry, or a PD/PDPT entry with PS) ends with the frame
and the reference count of its struct page (mem_map[pfn].refcount)."""

    def __init__(self):
        super().__init__("cowl-pt", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        pid, addr = parse_args(arg, 2, "cowl-pt PID ADDR")
        t, mm = task_mm(pid)
        table = int(mm["pgd"])
        gdb.write("pid %d (%s) address %x, PML4 at 0x%x\n" % (pid, t["comm"].string(), addr, table))
        for level, (name, shift) in enumerate(LEVELS):
            index = (addr >> shift) & (PTRS_PER_TABLE - 1)
            entry = read_u64(table + index * 8)
            gdb.write("  %-4s[%3d] = %016x  %s\n" % (name, index, entry, decode_bits(entry)))
            if not entry & 1:
                gdb.write("  not present%s\n" % (
                    " (PROT_NONE: the frame stays mapped)" if level == 3 and entry & PTE_PROTNONE else ""))
                if level == 3 and entry & PTE_PROTNONE:
                    show_frame((entry & PTE_PFN_MASK) >> PAGE_SHIFT)
                return
            if level == 3 or entry & (1 << 7):
                pfn = ((entry & PTE_PFN_MASK) >> PAGE_SHIFT) + ((addr >> PAGE_SHIFT) & ((1 << (shift - PAGE_SHIFT)) - 1))
                show_frame(pfn)
                return
            table = PAGE_OFFSET + (entry & PTE_PFN_MASK)


def ring_text(name):
    """The text of a struct log_ring (kernel/include/log_ring.h), oldest first."""
    ring = gdb.parse_and_eval(name)
    size, head = int(ring["size"]), int(ring["head"])
    data = bytes(gdb.selected_inferior().read_memory(int(ring["buf"]), size))
    if head <= size:
        return data[:head].decode("utf-8", "replace")
    start = head % size
    text = (data[start:] + data[:start]).decode("utf-8", "replace")
    return text[text.find("\n") + 1:]  # the oldest line was cut by the wrap


class CowlDmesg(gdb.Command):
    """The kernel log: every printk message, whatever its level (log_buf)."""

    def __init__(self):
        super().__init__("cowl-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write(ring_text("log_buf"))


class CowlTrace(gdb.Command):
    """The recent trace events (trace_ring); only the kinds that were on are there."""

    def __init__(self):
        super().__init__("cowl-trace", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        text = ring_text("trace_ring")
        if not text:
            gdb.write("(no trace events yet; trace_mask is %#x: `trace cow` at Cowl's shell, or trace=... on the command line)\n"
                      % int(gdb.parse_and_eval("trace_mask")))
        gdb.write(text)


CowlPs()
CowlVmas()
CowlPt()
CowlDmesg()
CowlTrace()
