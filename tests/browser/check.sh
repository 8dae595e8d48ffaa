#!/bin/sh
# Browser check of the HTML report page (issue 16): loads the page of the bundled corpus in
# headless Chromium, clicks heatmap cells and a network box, checks that the evidence panel shows
# the quote the record holds for that cell, fails on any console error or failed request, and
# saves screenshots; then loads the page of 1,000 synthetic reports and times its opening, a
# cell's evidence panel and the next page of the report heatmap.
#
# Install (Debian):   apt-get update && apt-get install -y chromium chromium-driver nodejs
# Run:                tests/browser/check.sh [OUT_DIR]        (default: target/browser-check)
#
# The driver (check.mjs, beside this script) speaks WebDriver to chromedriver with node's own
# fetch: no npm package is needed. Chromium runs with --headless --no-sandbox --disable-gpu
# --disable-background-networking --disable-component-update --disable-sync --no-first-run.
# Where Chromium, chromedriver or node is absent the check is skipped (exit 0, with a message),
# so `cargo test` never depends on it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-"$root/target/browser-check"}
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
driver=$(command -v chromedriver || true)
node=$(command -v node || true)
if [ -z "$chromium" ] || [ -z "$driver" ] || [ -z "$node" ]; then
    echo "browser check skipped: needs chromium, chromedriver and node (apt-get install -y chromium chromium-driver nodejs)"
    exit 0
fi
mkdir -p "$out"
(cd "$root" && cargo run --quiet --release --example report_page -- "$out/report.html" \
    && cargo run --quiet --release --example report_page -- "$out/synthetic-1000.html" 1000)
port=$((9500 + $$ % 400))
"$driver" --port="$port" >"$out/chromedriver.log" 2>&1 &
driver_pid=$!
trap 'kill "$driver_pid" 2>/dev/null || true' EXIT INT TERM
status=0
CHROMIUM="$chromium" PORT="$port" PAGE="$out/report.html" BIG="$out/synthetic-1000.html" OUT="$out" ROOT="$root" \
    "$node" "$here/check.mjs" || status=$?
exit "$status"
