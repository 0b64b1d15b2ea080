#!/bin/bash
# Prints the CPU time used so far (clock ticks, CLK_TCK per second) by the server (SERVER_PID),
# redis-server on 6390, all PostgreSQL processes and a running load tool.
TCK=$(getconf CLK_TCK)
ticks() { local t=0; for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
S=${SERVER_PID:?set SERVER_PID to the server process id}
R=$(pgrep -f 'redis-server 127.0.0.1:6390' | tr '\n' ' ')
P=$(pgrep -u postgres postgres | tr '\n' ' ')
L=$(pgrep -f 'hokm.dll load' | tr '\n' ' ')
echo "server $(ticks $S) redis $(ticks $R) postgres $(ticks $P) load $(ticks $L) tck $TCK"
