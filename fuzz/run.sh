#!/usr/bin/env bash
# Run one fuzz target for SECONDS in total, restarting after each crash (the crash input is kept
# in fuzz/artifacts/), with a seed corpus built from fixtures/ and a persistent corpus in fuzz/corpus/.
#   fuzz/run.sh text|html [SECONDS]      (make fuzz runs both; see docs/hostile.md)
set -u
target=${1:?text or html}
total=${2:-300}
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-$here/../.venv/bin/python}
corpus=$here/corpus/$target
mkdir -p "$corpus" "$here/artifacts" "$here/logs"
# Seed the corpus once from the fixtures (first 4 KB of each input file).
if [ -z "$(ls -A "$corpus")" ]; then
  for f in "$here"/../fixtures/*/input.* "$here"/../tests/hostile/files/*; do
    [ -f "$f" ] && head -c 4096 "$f" > "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
fi
log=$here/logs/$target-$(date -u +%Y%m%dT%H%M%S).log
end=$(( $(date +%s) + total ))
runs=0
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  [ "$left" -lt 5 ] && break
  runs=$((runs + 1))
  echo "== run $runs: ${left}s left" >> "$log"
  (cd "$here" && "$py" "fuzz_$target.py" "$corpus" -max_total_time="$left" -max_len=65536 -timeout=60 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$here/artifacts/$target-") >> "$log" 2>&1
done
execs=$(grep -hoE '^stat::number_of_executed_units: *[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
crashes=$(grep -cE '^==[0-9]+== ERROR|Uncaught Python exception|ERROR: libFuzzer' "$log")
echo "fuzz_$target: ${total}s, $execs executions, $crashes crash(es); log $log"
