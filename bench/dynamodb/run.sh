#!/usr/bin/env bash
# Compares learnsls's DynamoDB HTTP door with dynalite (in memory) on the
# same aws-sdk-go-v2 workload, in the same run. Needs Go, Node and npm;
# dynalite is installed with npm into a temporary directory.
#
#   bench/dynamodb/run.sh [duration] [workers]     e.g. run.sh 10s 16
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10s}
workers=${2:-16}
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
go build -o "$tmp/ddbbench" ./bench/dynamodb

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ours=$(free_port)
theirs=$(free_port)
"$tmp/ddbbench" -serve "127.0.0.1:$ours" & pids+=($!)
node "$tmp/node_modules/dynalite/cli.js" --port "$theirs" >/dev/null & pids+=($!)

wait_port() {
	for _ in $(seq 100); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
		sleep 0.1
	done
	echo "server on port $1 did not start" >&2
	return 1
}
wait_port "$ours"
wait_port "$theirs"

# Throughput on a shared 2-CPU machine is bounded by the client (the SDK
# signs and serialises every request), so the script also reads each
# server's own CPU time from /proc and reports server CPU per operation
# and the operations per second one server CPU could sustain.
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
measure() { # label port pid [extra flags]
	local before after line ops
	before=$(ticks "$3")
	line=$("$tmp/ddbbench" -endpoint "http://127.0.0.1:$2" -label "$1" -duration "$duration" -workers "$workers" "${@:4}")
	after=$(ticks "$3")
	ops=$(sed -E 's/.*ops=([0-9]+) .*/\1/' <<<"$line")
	awk -v line="$line" -v t=$((after - before)) -v hz="$hz" -v ops="$ops" 'BEGIN {
		cpu = t / hz; printf "%s server-cpu=%.2fs  server-cpu/op=%.1fus  ops/s-per-server-cpu=%.0f\n", line, cpu, cpu * 1e6 / ops, (cpu > 0 ? ops / cpu : 0) }'
}
echo "workload: 60% GetItem, 30% PutItem, 10% Query; $workers workers; $duration each; $(nproc) CPUs; load $(cut -d' ' -f1 /proc/loadavg)"
echo "client: aws-sdk-go-v2"
measure learnsls "$ours" "${pids[0]}"
measure dynalite "$theirs" "${pids[1]}"
echo "client: plain HTTP POSTs of the same requests (lighter client)"
measure learnsls "$ours" "${pids[0]}" -raw
measure dynalite "$theirs" "${pids[1]}" -raw
