#!/usr/bin/env bash
# Measures the app image's start-up, as the README's Install section reports it: the workbench's launch to window
# (bin/Sluice on the stocks example, under a private Xvfb; the time is the app's own "window shown N ms after the
# process started" line) and whole processes of `bin/sluice validate` on that example, each with the class-data
# archive and without it (JAVA_TOOL_OPTIONS=-Xshare:off). Prints each run and the medians.
# Usage: startup-times.sh [IMAGE] [RUNS]   (default app/target/dist/Sluice, 7 runs; needs Xvfb)
set -euo pipefail

image=$(cd "${1:-app/target/dist/Sluice}" && pwd)
runs=${2:-7}
stocks=$image/lib/app/sample-data/pipelines/stocks-replay.sluice.json
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT

Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
until [ -s "$work/display" ]; do sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Prints the ms from process start to the window, from the workbench's log line; JAVA_TOOL_OPTIONS as given.
window() {
    local log=$work/workbench.log pid
    : > "$log"
    JAVA_TOOL_OPTIONS="$1 -Djava.util.prefs.userRoot=$work/preferences" "$image/bin/Sluice" > "$log" 2>&1 &
    pid=$!
    until grep -q "window shown" "$log"; do
        kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.05
    done
    kill $pid
    wait $pid 2>/dev/null || true
    grep -o 'window shown [0-9]*' "$log" | grep -o '[0-9]*$'
}

# Prints the wall-clock ms of one whole `bin/sluice validate` process; JAVA_TOOL_OPTIONS as given.
validate() {
    local start end
    start=$(date +%s%N)
    JAVA_TOOL_OPTIONS="$1" "$image/bin/sluice" validate "$stocks" > /dev/null 2>&1
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

# With and without the archive in turn, so that a busy moment of the machine weighs on both alike.
for what in window validate; do
    with=()
    without=()
    for _ in $(seq "$runs"); do
        with+=("$($what -Xshare:auto)")
        without+=("$($what -Xshare:off)")
    done
    echo "$what, with the archive: ${with[*]} ms; median $(printf '%s\n' "${with[@]}" | median) ms"
    echo "$what, without it: ${without[*]} ms; median $(printf '%s\n' "${without[@]}" | median) ms"
done
