import gdb
