#ifndef SIGNAL_H
#define SIGNAL_H
#include <uapi/signal.h>
void force_sig_fault(int sig, unsigned long addr);
#endif
