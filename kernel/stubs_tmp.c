#include <types.h>
#include <printk.h>
void scheduler_tick(void) {}
void force_sig_fault(int sig, unsigned long addr) { panic("sig %d at %lx", sig, addr); }
void exit_to_user_mode(void) {}
bool do_syscall_64(void) { return false; }
void schedule_tail(void) {}
void console_input_char(char c) { (void)c; }
int handle_user_fault(unsigned long a, unsigned f) { (void)a; (void)f; return -14; }
void user_fault_signal(unsigned long a) { (void)a; }
