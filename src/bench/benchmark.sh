#!/usr/bin/env bash
# prod-bridge benchmark: each figure next to its anchor, measured in this same run, as a ratio, and whether the
# target is met. Not part of CI (it takes a few minutes and measures, it does not test).
#
#   src/bench/benchmark.sh                        # builds target/prod-bridge if needed
#   PROD_BRIDGE=/path/to/prod-bridge src/bench/benchmark.sh   # measure another build
#   BENCH_LOG_GIB=0.25 src/bench/benchmark.sh      # a smaller flood (default 1 GiB)
#   BENCH_SKIP_BATCH=1 src/bench/benchmark.sh       # without the two batch figures
#
# Needs GNU parallel, GNU time, bc and python3 (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null
  else
    echo "benchmark: $1 is missing (install the $2 package)" >&2
    exit 2
  fi
}
need parallel parallel
need /usr/bin/time time
need python3 python3
need bc bc

bridge=${PROD_BRIDGE:-$repo/target/prod-bridge}
if [ -z "${PROD_BRIDGE:-}" ] && { [ ! -x "$bridge" ] || [ -n "$(find src/main pom.xml -newer target/prod-bridge.jar -print -quit 2>/dev/null)" ]; }; then
  echo "building target/prod-bridge ..." >&2
  mvn -B -q -DskipTests package >&2
fi
gib=${BENCH_LOG_GIB:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/prod-bridge-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PROD_BRIDGE_RUNS=$work/runs
cd "$work"

# timed OUT CMD...: runs CMD with GNU time; sets wall, cpu (user+sys, children included) and rss_mb
timed() {
  local out=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$out" 2>>"$work/stderr" || true
  read -r wall user sys rss_kb < <(tail -n 1 "$work/time")  # a failing command adds a line before
  cpu=$(echo "$user + $sys" | bc -l | sed "s/^\./0./")
  rss_mb=$(echo "$rss_kb / 1024" | bc)
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { echo "scale=2; $1 / $2" | bc -l | sed 's/^\./0./'; }
le() { [ "$(echo "$1 <= $2" | bc -l)" = 1 ] && echo met || echo "NOT met"; }
row() { printf '%-44s %-22s %-26s %-8s %-22s %s\n' "$@"; }
now() { date +%s.%N; }

echo "prod-bridge benchmark · $(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) cores · $(java -version 2>&1 | head -1)"
echo "bridge: $bridge · load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
row "what" "prod-bridge" "anchor (same run)" "ratio" "target" "met"

# --- run -- sleep 1, run -- true -------------------------------------------------------------------------------
for i in 1 2 3 4 5; do
  timed /dev/null sleep 1; echo "$wall" >>sleep.txt
  timed /dev/null "$bridge" run -- sleep 1; echo "$wall" >>run-sleep.txt
  timed /dev/null "$bridge" run -- true; echo "$wall" >>run-true.txt; echo "$cpu" >>run-true-cpu.txt
  JAVA_OPTS=-Xshare:off timed /dev/null "$bridge" run -- true; echo "$wall" >>off.txt; echo "$cpu" >>off-cpu.txt
done
s=$(median <sleep.txt); r=$(median <run-sleep.txt); t=$(median <run-true.txt); tc=$(median <run-true-cpu.txt)
o=$(median <off.txt); oc=$(median <off-cpu.txt)
row "run -- sleep 1, wall (median of 5)" "$r s" "sleep 1: $s s" "$(ratio "$r" "$s")x" "<= 1.3x" "$(le "$(ratio "$r" "$s")" 1.3)"
row "run -- true, wall (median of 5)" "$t s (CPU $tc s)" "-" "-" "<= 0.3 s" "$(le "$t" 0.3)"
row "  the same without class-data sharing" "$o s (CPU $oc s)" "-" "$(ratio "$tc" "$oc")x CPU" "-" "-"
# what a run loads, by the JVM's class-loading log
JAVA_OPTS="-Xlog:class+load=info:file=$work/classes.log" "$bridge" run -- true >/dev/null 2>&1 || true
loaded() { grep -c "$1" "$work/classes.log" || true; }
row "  classes loaded by run -- true" "$(loaded ' source: ')" "-" "-" "-" \
  "$(loaded 'source: shared objects file') from the archive"
echo "  of which Jackson $(loaded ' com\.fasterxml\.jackson\.'), logback $(loaded ' ch\.qos\.logback\.')," \
  "picocli $(loaded ' picocli\.'), OSHI $(loaded ' oshi\.')"

# --- a flood of log lines ----------------------------------------------------------------------------------------
line='2026-12-03T14:00:00Z INFO worker-3 processed item 123456 of 999999 in 12 ms (batch ok)'
bytes=$(echo "$gib * 1073741824 / 1" | bc)
timed /dev/null sh -c "yes '$line' | head -c $bytes > $work/direct.log"; fw=$wall; fc=$cpu
rm -f "$work/direct.log"
timed result.json "$bridge" run -- sh -c "yes '$line' | head -c $bytes"; bw=$wall; bcpu=$cpu; brss=$rss_mb
logged=$(find "$work/runs" -name stdout.log -size +1M -exec stat -c %s {} + | head -1)
rm -rf "$work"/runs/*/stdout.log
row "$gib GiB of log lines through run, wall" "$bw s" "> file: $fw s" "$(ratio "$bw" "$fw")x" "<= 1.5x" "$(le "$(ratio "$bw" "$fw")" 1.5)"
row "  CPU, children included" "$bcpu s" "> file: $fc s" "$(ratio "$bcpu" "$fc")x" "-" "-"
row "  bridge peak RSS during the flood" "$brss MB" "-" "-" "<= 128 MB" "$(le "$brss" 128)"
[ "${logged:-0}" = "$bytes" ] || echo "  (stdout.log held ${logged:-0} bytes, not $bytes)"

# --- idle supervision --------------------------------------------------------------------------------------------
# the bridge's own CPU time over 20 s, from 3 s after its child started (start-up excluded)
"$bridge" run -- sleep 40 >/dev/null 2>&1 &
pid=$!
until pgrep -P "$pid" -x sleep >/dev/null; do sleep 0.1; done
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep 20; t1=$(ticks)
kill "$pid"; wait "$pid" || true
hz=$(getconf CLK_TCK)
idle=$(echo "scale=3; ($t1 - $t0) * 100 / $hz / 20" | bc -l | sed 's/^\./0./')
row "idle supervision, 1 s interval, 20 s" "$idle % of a core" "sleep: 0 %" "-" "<= 0.3 %" "$(le "$idle" 0.3)"

# --- reaction ----------------------------------------------------------------------------------------------------
# gone_after FILE: waits for FILE (a session id and a moment, written by the child), then until no process of that
# session is left (zombies aside); prints the seconds from the moment to then
gone_after() {
  until [ -s "$1" ]; do sleep 0.005; done
  local sid at
  read -r sid at <"$1"
  while ps -o stat= -s "$sid" 2>/dev/null | grep -qv '^Z'; do sleep 0.005; done  # zombies have ended
  echo "$(now) - $at" | bc -l
}
# deadline: a child ignoring SIGTERM (and its sleep), timeout 2 s, grace 1 s; from the deadline to the tree gone
"$bridge" run --timeout 2s --grace 1s -- bash -c \
  'echo $$ $(echo "$(date +%s.%N) + 2" | bc) > deadline; trap "" TERM; sleep 60' >/dev/null 2>&1 &
react=$(gone_after deadline); wait $! || true
row "deadline to tree gone (grace 1 s)" "$(printf %.3f "$react") s" "grace + 0.1: 1.10 s" "-" "<= 1.10 s" "$(le "$react" 1.1)"
# memory: a child that notes when its resident memory passes 200 MB, sampled every 1 s; to the tree gone
grow='import os, time
chunks = []
noted = False
while True:
    chunks.append(b"x" * (5 * 1024 * 1024))
    rss = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    if rss > 200 * 1024 * 1024 and not noted:
        open("crossed.tmp", "w").write("%d %f\n" % (os.getsid(0), time.time()))
        os.rename("crossed.tmp", "crossed")
        noted = True
    time.sleep(0.05 if rss < 260 * 1024 * 1024 else 60)'
"$bridge" run --memory-limit 200MB --monitor-interval 1s --grace 1s -- python3 -c "$grow" >/dev/null 2>&1 &
react=$(gone_after crossed); wait $! || true
row "memory crossing to tree gone (interval 1 s)" "$(printf %.3f "$react") s" "interval + 0.15: 1.15 s" "-" "<= 1.15 s" "$(le "$react" 1.15)"

# --- scenarios: the README's "Measured" table ------------------------------------------------------------------
# field FILE NAME...: prints the named fields of the JSON result in FILE, space-separated ("-" for a missing one)
field() { python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
print(" ".join("-" if r.get(k) is None else str(r[k]) for k in sys.argv[2:]))' "$@" 2>/dev/null || echo "(no result)"; }
for i in 1 2 3 4 5; do timed /dev/null "$bridge" --help; echo "$wall" >>help.txt; done
row "prod-bridge --help, wall (median of 5)" "$(median <help.txt) s" "-" "-" "-" "-"
for i in 1 2 3; do
  timed "episode-$i.json" "$bridge" prod-episode "Why do we dream, take $i?"; echo "$wall" >>episode.txt
  echo "$rss_mb" >>episode-rss.txt
done
row "prod-episode, reference pipeline (median of 3)" "$(median <episode.txt) s, $(median <episode-rss.txt) MB RSS" \
  "-" "-" "-" "$(field episode-1.json status) (run $(field episode-1.json execution_time) s)"
start=$(now)
"$bridge" prod-episode "Detached, take 1" --detach >detach.json 2>>"$work/stderr"
detach=$(echo "$(now) - $start" | bc -l)
row "prod-episode --detach, wall to the run id" "$(printf %.2f "$detach") s" "-" "-" "-" "-"
"$bridge" status "$(field detach.json run_id)" --wait 120s >/dev/null 2>&1 || true

# a tree with a TERM-ignoring member, a double-forked sleeper, a setsid'd one and a pipe holder, timeout 2 s
tree='trap "" TERM; (sleep 60 &) ; setsid sleep 60 & sleep 60 | cat & while :; do sleep 1; done'
timed hostile.json "$bridge" run --timeout 2s --grace 1s -- bash -c "$tree"
row "timeout 2 s, grace 1 s, hostile tree" "$(field hostile.json error_type execution_time) s" "wall $wall s" \
  "-" "-" "$(field hostile.json processes_ended)"
# rate-limited twice, then succeeding
cat >limited.sh <<'SH'
n=$(cat tries 2>/dev/null || echo 0); echo $((n + 1)) >tries
[ "$n" -ge 2 ] && { echo done; exit 0; }
echo 'anthropic.RateLimitError: Error code: 429 - {"type": "error", "error": {"type": "rate_limit_error"}}' >&2; exit 1
SH
timed retry.json "$bridge" run --max-attempts 3 --retry-delay 200ms -- bash limited.sh
row "rate-limited twice, --max-attempts 3" "$(field retry.json status execution_time) s" "wall $wall s" "-" "-" \
  "$(python3 -c 'import json; print(len(json.load(open("retry.json"))["attempts"]), "attempts")' 2>/dev/null)"
grow50='import time
chunks = []
while True:
    chunks.append(b"x" * (50 * 1024 * 1024))
    time.sleep(0.1)'
timed memory.json "$bridge" run --memory-limit 200MB --monitor-interval 250ms --grace 1s -- python3 -c "$grow50"
row "200 MB limit, 250 ms, growing 50 MB/100 ms" "$(field memory.json error_type execution_time) s" "-" "-" "-" \
  "peak $(field memory.json peak_memory_mb) MB"
costs='for c in 0.2 0.6 1.3; do echo "{\"event\": \"progress\", \"cost\": $c}"; sleep 0.3; done; sleep 30'
timed budget.json "$bridge" run --budget 1.00 --grace 1s -- bash -c "$costs"
row "cost 0.2, 0.6, 1.3 under --budget 1.00" "$(field budget.json error_type execution_time) s" "-" "-" "-" \
  "final cost $(field budget.json final_cost)"
timed stall.json "$bridge" run --stall-timeout 2s -- bash -c 'echo hi; sleep 60'
row "--stall-timeout 2s on echo hi; sleep 60" "$(field stall.json error_type execution_time) s" "-" "-" "-" "-"

# --- batches -----------------------------------------------------------------------------------------------------
[ -n "${BENCH_SKIP_BATCH:-}" ] && exit 0
cat >bench.json <<'JSON'
{"profiles": {"prod-episode": {"argv": ["sleep", "0.1"], "retry": {"max_attempts": 1}}}}
JSON
seq 1 100 | sed 's/^/topic /' >jobs100.txt
timed /dev/null parallel -j8 -N0 sleep 0.1 ::: $(seq 100); pw=$wall; pc=$cpu
timed batch.json "$bridge" batch jobs100.txt --parallel 8 --config bench.json --batch-dir "$work/b100"; bw=$wall; bc=$cpu
done100=$(grep -o '"success":[0-9]*' batch.json | head -1 | cut -d: -f2)
row "batch 100 x sleep 0.1, --parallel 8, wall" "$bw s" "parallel -j8: $pw s" "$(ratio "$bw" "$pw")x" "<= 1.3x" "$(le "$(ratio "$bw" "$pw")" 1.3)"
row "  CPU" "$bc s" "parallel -j8: $pc s" "$(ratio "$bc" "$pc")x" "<= 3x" "$(le "$(ratio "$bc" "$pc")" 3)"
[ "${done100:-0}" = 100 ] || echo "  (the batch reported ${done100:-0} of 100 jobs succeeded)"

# 4 episodes on the reference pipeline under a total budget that holds 3 of them
printf 'Tides\nVolcanoes\nBees\nComets\n' >episodes4.txt
timed batch4.json "$bridge" batch episodes4.txt --parallel 2 --total-budget 10 --batch-dir "$work/b4"
row "4 episodes, --parallel 2 --total-budget 10" "$wall s" "-" "-" "-" \
  "$(python3 -c 'import json; c = json.load(open("batch4.json"))["counts"]; print(c["success"], "produced,", c["skipped"], "skipped")' 2>/dev/null)"
timed batch4r.json "$bridge" batch episodes4.txt --total-budget 15 --resume --batch-dir "$work/b4"
row "  the same, --resume --total-budget 15" "$wall s" "-" "-" "-" \
  "$(python3 -c 'import json; print(json.load(open("batch4r.json"))["counts"]["success"], "of 4 succeeded")' 2>/dev/null)"

# 8 jobs running at once: the resident memory of what supervises them
cat >bench8.json <<'JSON'
{"profiles": {"prod-episode": {"argv": ["sleep", "30"], "retry": {"max_attempts": 1}}}}
JSON
seq 1 8 | sed 's/^/eight /' >jobs8.txt
"$bridge" batch jobs8.txt --parallel 8 --config bench8.json --batch-dir "$work/b8" >/dev/null 2>&1 &
coordinator=$!
# wait until the 8 jobs' children run (up to 120 s), then sum the resident memory of what supervises them: the
# coordinator, its keeper (PROD_BRIDGE_KEEPER=<batch dir>), the jobs' exit-recording shells and any job JVMs (both
# carry PROD_BRIDGE_BATCH=<batch dir>); the jobs' own children (sleep 30) are counted, not summed
batch_procs() { # prints "pid kind" for every process of this batch: coordinator, keeper, shell, jvm or child
  for p in $(ls /proc | grep '^[0-9]'); do
    env=$(tr '\0' '\n' 2>/dev/null <"/proc/$p/environ") || continue
    if [ "$p" = "$coordinator" ]; then echo "$p coordinator"
    elif grep -qx "PROD_BRIDGE_KEEPER=$work/b8" <<<"$env"; then echo "$p keeper"
    elif grep -qx "PROD_BRIDGE_BATCH=$work/b8" <<<"$env"; then
      if tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline" | grep -q child-exit.code; then echo "$p shell"
      elif [ "$(cat 2>/dev/null /proc/"$p"/comm)" = java ]; then echo "$p jvm"
      else echo "$p child"; fi
    fi
  done
}
for _ in $(seq 1200); do
  [ "$(batch_procs | grep -c ' child$' || true)" -ge 8 ] && break
  sleep 0.1
done
batch_procs >procs8.txt
rss_of() { awk -v kind="$1" '$2 == kind {print $1}' procs8.txt | while read -r p; do
  awk '/^VmRSS/ {print $2}' /proc/"$p"/status 2>/dev/null || true; done | awk '{s += $1} END {print int(s / 1024)}'; }
count_of() { grep -c " $1\$" procs8.txt || true; }
coord_mb=$(rss_of coordinator); keeper_mb=$(rss_of keeper); shells_mb=$(rss_of shell); jvms_mb=$(rss_of jvm)
running=$(count_of child)
kill "$coordinator" 2>/dev/null || true  # cancels the batch: its jobs end now instead of in 30 s
wait "$coordinator" || true
total=$((coord_mb + keeper_mb + shells_mb + jvms_mb))
row "8 batch jobs running: supervision RSS" "$total MB ($running running)" "-" "-" "<= 200 MB" "$(le "$total" 200)"
echo "  coordinator $coord_mb MB, keeper $keeper_mb MB, $(count_of shell) exit-recording shells $shells_mb MB," \
  "$(count_of jvm) job JVMs $jvms_mb MB"
