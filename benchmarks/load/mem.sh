#!/bin/bash
# Memory per connected player (docs/performance.md, "Load"): one fresh server, then dotnet-gcdump
# (which forces a full collection: live objects only) while 1,000 and then 4,000 players play.
# usage: mem.sh SERVER_BIN_DIR     (Redis on 6390 and PostgreSQL on 5440 as in docs/performance.md;
#        the load tool's build in ./clibin; dotnet-gcdump installed as a global tool)
set -u
cd "${HOKM_BENCH_DIR:-/tmp/hokm-load-bench}"
BIN=$(realpath "$1")
pkill -f "$BIN/Hokm.Server.dll"; sleep 2
redis-cli -p 6390 flushall >/dev/null
psql -q -h 127.0.0.1 -p 5440 -U postgres -c 'drop database if exists hokm' -c 'create database hokm' >/dev/null
export ConnectionStrings__Redis=127.0.0.1:6390 ConnectionStrings__Postgres='Host=127.0.0.1;Port=5440;Username=postgres;Database=hokm'
export Hokm__Auth__SigningKey=load-bench-signing-key-0123456789abcdef0123 Hokm__Auth__RateLimit__Enabled=false Hokm__Logging__RequestLogging=false Serilog__MinimumLevel__Default=Warning Urls=http://127.0.0.1:5392
setsid dotnet "$BIN/Hokm.Server.dll" > server-mem.log 2>&1 &
for i in $(seq 1 60); do curl -sf 127.0.0.1:5392/health/ready >/dev/null && break; sleep 1; done
SP=$(pgrep -f "$BIN/Hokm.Server.dll")
sleep 5; ~/.dotnet/tools/dotnet-gcdump collect -p "$SP" -o mem-0.gcdump >/dev/null 2>&1
echo "idle: $(~/.dotnet/tools/dotnet-gcdump report mem-0.gcdump 2>/dev/null | head -1) rss $(ps -o rss= -p "$SP") KB"
for games in 250 1000; do
  timeout 300 dotnet clibin/hokm.dll load --url ws://127.0.0.1:5392/ws --games $games --think-ms 1000 --duration 75 --ramp 20 --target 1 > load-mem-$games.log 2>&1 &
  LOAD=$!
  sleep 50
  socks=$(curl -s 127.0.0.1:5392/metrics | grep -E '^hokm_sockets_open')
  ~/.dotnet/tools/dotnet-gcdump collect -p "$SP" -o mem-$games.gcdump >/dev/null 2>&1
  echo "games $games: $(~/.dotnet/tools/dotnet-gcdump report mem-$games.gcdump 2>/dev/null | head -1) rss $(ps -o rss= -p "$SP") KB; $socks"
  wait "$LOAD"
done
kill "$SP"
