#!/bin/bash
# One measured load run on a fresh server (docs/performance.md, "Load"), after an optional warm-up
# with the same load; prints CPU per process, PostgreSQL rows, Redis commands and the tool's report.
# usage: run.sh LABEL SERVER_BIN_DIR MODE(sat|think) GAMES THINK_MS DURATION_S RAMP_S [WARMUP_S]
# Redis on 6390 and PostgreSQL on 5440 as in docs/performance.md; the load tool's build in ./clibin.
set -u
HERE=$(dirname "$(realpath "$0")")
cd "${HOKM_BENCH_DIR:-/tmp/hokm-load-bench}"
LABEL=$1 BIN=$(realpath "$2") MODE=$3 GAMES=$4 THINK=$5 DUR=$6 RAMP=$7 WARM=${8:-}
pkill -f "$BIN/Hokm.Server.dll" ; sleep 2
redis-cli -p 6390 flushall >/dev/null
psql -q -h 127.0.0.1 -p 5440 -U postgres -c 'drop database if exists hokm' -c 'create database hokm' >/dev/null
export ConnectionStrings__Redis=127.0.0.1:6390
export ConnectionStrings__Postgres='Host=127.0.0.1;Port=5440;Username=postgres;Database=hokm'
export Hokm__Auth__SigningKey=load-bench-signing-key-0123456789abcdef0123
export Hokm__Auth__RateLimit__Enabled=false Hokm__Logging__RequestLogging=false Serilog__MinimumLevel__Default=Warning
export Urls=http://127.0.0.1:5392
if [ "$MODE" = sat ]; then export Hokm__Rooms__HandPause=00:00:00 Hokm__Connections__MessagesPerSecond=1000 Hokm__Connections__Burst=1000; fi
setsid dotnet $BIN/Hokm.Server.dll > server-$LABEL.log 2>&1 &
for i in $(seq 1 60); do curl -sf 127.0.0.1:5392/health/ready >/dev/null && break; sleep 1; done
export SERVER_PID=$(pgrep -f "$BIN/Hokm.Server.dll")
if [ -n "$WARM" ]; then timeout 300 dotnet clibin/hokm.dll load --url ws://127.0.0.1:5392/ws --games $GAMES --think-ms $THINK --duration $WARM --ramp $RAMP --target 1 > warm-$LABEL.log 2>&1; sleep 5; fi
redis-cli -p 6390 config resetstat >/dev/null
PG0=$(psql -tA -h 127.0.0.1 -p 5440 -U postgres -d hokm -c "select sum(n_tup_ins) from pg_stat_user_tables")
C0=$("$HERE/cpu.sh")
echo "== $LABEL start $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "loadtool cpu user %U sys %S" timeout 600 dotnet clibin/hokm.dll load --url ws://127.0.0.1:5392/ws --games $GAMES --think-ms $THINK --duration $DUR --ramp $RAMP --target 1 --json run-$LABEL.json > load-$LABEL.log 2> time-$LABEL.log
C1=$("$HERE/cpu.sh")
sleep 3
PG1=$(psql -tA -h 127.0.0.1 -p 5440 -U postgres -d hokm -c "select sum(n_tup_ins) from pg_stat_user_tables")
echo "== $LABEL end $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu before: $C0"; echo "cpu after:  $C1"; cat time-$LABEL.log | tail -1
echo "pg tuples inserted: $((PG1-PG0))"
redis-cli -p 6390 info commandstats | grep -v "^#" | awk -F'[:,=]' '{print $1, $3, $5}' | sort -k2 -n -r | head -12
redis-cli -p 6390 info stats | grep -E "total_commands_processed|instantaneous"
grep -A30 "hokm load" load-$LABEL.log | head -24
