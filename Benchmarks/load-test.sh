#!/usr/bin/env bash
# 负载测试 — the server on loopback under parallel uploads and reads.
#
#   Benchmarks/load-test.sh [path/to/yusuan]     (default: a release build of this checkout)
#
# 1. Starts `yusuan serve` on a new SQLite library and uploads 60 distinct documents
#    (the seeds or the example, each with a different number of trailing line breaks)
#    three times each, 12 uploads at once; checks that the library then holds exactly
#    60 documents (none lost, none twice).
# 2. Reads with wrk (2 threads, 32 connections, 20 s each): a document's workbench
#    page, the API's document read, the library page; prints requests/s and the
#    latency distribution (p50, p99).
# Needs wrk and curl (Debian: apt-get install wrk curl).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:-}"
if [ -z "$binary" ]; then
  (cd "$here" && swift build -c release --product yusuan >/dev/null)
  binary="$here/.build/release/yusuan"
fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
work=$(mktemp -d /tmp/yusuan-load.XXXXXX)
port=$((18000 + RANDOM % 1000))
"$binary" serve --port "$port" --no-example --database "$work/library.sqlite" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.1; done

sources=("$here"/../shared/seeds/*.txt)
[ -e "${sources[0]}" ] || sources=("$here/examples/demo-county-medical-insurance-2025.txt")
mkdir -p "$work/documents"
for n in $(seq 60); do
  source="${sources[$(( (n - 1) % ${#sources[@]} ))]}"
  { cat "$source"; printf '%*s' "$n" '' | tr ' ' '\n'; } >"$work/documents/d$n.txt"
done
start=$(date +%s.%N)
for round in 1 2 3; do ls "$work"/documents/*.txt; done | xargs -P 12 -I{} \
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: text/plain' --data-binary @{} \
  "http://127.0.0.1:$port/api/documents?name=upload.txt" >"$work/statuses"
end=$(date +%s.%N)
stored=$(curl -s "http://127.0.0.1:$port/ready" | sed -E 's/.*"documents":([0-9]+).*/\1/')
echo "uploads: 180 in $(awk "BEGIN { printf \"%.2f\", $end - $start }") s; statuses: $(sort "$work/statuses" | uniq -c | tr -s ' ' | tr '\n' ';')"
echo "library holds $stored documents (expected 60)"
[ "$stored" = 60 ] || { echo "FAILED: documents lost or stored twice"; exit 1; }

for path in /documents/1 /api/documents/1 /api/documents/1/findings /; do
  echo "== GET $path"
  wrk -t2 -c32 -d20s --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|errors"
done
