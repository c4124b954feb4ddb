#!/usr/bin/env bash
# Compares learnsls's DynamoDB HTTP door with dynalite (in memory) on the
# same aws-sdk-go-v2 workload, in the same run. Needs Go, Node and npm;
# dynalite is installed with npm into a temporary directory.
#
#   bench/dynamodb/run.sh [duration] [worker counts]    default: 10s "4 32"
#
# Every server is measured with the same client settings (keep-alive,
# an idle connection per worker, no retries, static credentials). Besides
# learnsls and dynalite it measures a null server (canned answers, no
# work) to show how many operations per second the client itself can
# drive on this machine: no server can be measured faster than that.
# With taskset available, the SDK runs are repeated with the server
# pinned to CPU 0 and the client to CPU 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10s}
workers_list=${2:-"4 32"}
tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "installing dynalite with npm into $tmp ..."
(cd "$tmp" && npm install --silent --no-audit --no-fund dynalite@4 >/dev/null)
dynalite_version=$(node -p "require('$tmp/node_modules/dynalite/package.json').version")
go build -o "$tmp/ddbbench" ./bench/dynamodb

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
declare -A port pid
start() { # name command...
	port[$1]=$(free_port)
	"${@:2}" "${port[$1]}" & pid[$1]=$!
	pids+=("${pid[$1]}")
}
start learnsls sh -c 'exec "$0" -serve "127.0.0.1:$1"' "$tmp/ddbbench"
start learnsls-nethttp sh -c 'exec "$0" -serve "127.0.0.1:$1" -stack nethttp' "$tmp/ddbbench"
start null sh -c 'exec "$0" -serve "127.0.0.1:$1" -null' "$tmp/ddbbench"
start dynalite sh -c 'exec node "$0" --port "$1" >/dev/null' "$tmp/node_modules/dynalite/cli.js"
# Copies started on CPU 0 only, for runs with the client on CPU 1 (Go
# then sizes GOMAXPROCS to the one CPU it may use).
pinning=false
if command -v taskset >/dev/null && [[ $(nproc) -ge 2 ]]; then
	pinning=true
	start learnsls@0 taskset -c 0 sh -c 'exec "$0" -serve "127.0.0.1:$1"' "$tmp/ddbbench"
	start null@0 taskset -c 0 sh -c 'exec "$0" -serve "127.0.0.1:$1" -null' "$tmp/ddbbench"
	start dynalite@0 taskset -c 0 sh -c 'exec node "$0" --port "$1" >/dev/null' "$tmp/node_modules/dynalite/cli.js"
fi

wait_port() {
	for _ in $(seq 100); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
		sleep 0.1
	done
	echo "server on port $1 did not start" >&2
	return 1
}
for s in "${!port[@]}"; do wait_port "${port[$s]}"; done

# ddbbench reads the server's CPU time from /proc over the measured
# window, so the table also shows server CPU per operation and operations
# per server CPU second, which do not depend on how much CPU the client
# leaves the server.
measure() { # client-label server workers [client flags]
	local s=$2 line client=() pin=shared
	if [[ $s == *@0 ]]; then
		client=(taskset -c 1)
		pin=pinned
	fi
	line=$("${client[@]}" "$tmp/ddbbench" -endpoint "http://127.0.0.1:${port[$s]}" -serverpid "${pid[$s]}" \
		-label "${s%@0}" -duration "$duration" -workers "$3" "${@:4}")
	awk -v c="$1" -v pin="$pin" -v line="$line" 'BEGIN {
		n = split(line, f, " "); for (i = 2; i <= n; i++) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
		srv = v["server-cpu/op"] + 0
		printf "%-6s %-6s %-16s %7s %8s %8s %8s %6s %10.1f %10.1f %11.0f\n", c, pin, f[1], v["workers"], v["ops/s"], v["p50"], v["p99"], v["errors"],
			srv, v["client-cpu/op"] + 0, (srv > 0 ? 1e6 / srv : 0) }'
}
echo "date $(date -u +%FT%TZ); $(go version); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "workload: 60% GetItem, 30% PutItem, 10% Query (10 items), $duration per row; dynalite $dynalite_version on $(node --version)"
printf "%-6s %-6s %-16s %7s %8s %8s %8s %6s %10s %10s %11s\n" client cpus server workers ops/s p50 p99 errors srv-us/op cli-us/op ops/srv-CPU-s
# sdk: aws-sdk-go-v2 as configured above, Go's default GC setting.
# sdk+: the same SDK with two client-side savings: the request head and
# body go out in one write (-onewrite) and the GC runs less often
# (-gogc 400); it raises the client's ceiling by about a third.
# raw: plain HTTP POSTs of the same requests, a much lighter client.
rows() { # client flags... ; servers in $servers
	for w in $workers_list; do
		for s in "${servers[@]}"; do measure "$1" "$s" "$w" "${@:2}"; done
	done
}
servers=(learnsls dynalite null learnsls-nethttp)
rows sdk
servers=(learnsls dynalite null)
rows sdk+ -onewrite -gogc 400
if $pinning; then
	servers=(learnsls@0 dynalite@0 null@0)
	rows sdk+ -onewrite -gogc 400
fi
servers=(learnsls dynalite null learnsls-nethttp)
rows raw -raw -gogc 400
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
