#!/usr/bin/env bash
# The suite and the quick bench under other Node versions than the machine's, from npm's `node`
# package (no root needed). Builds once, then runs each version in turn: the pty tests and the
# bench are timing-sensitive, so versions never run side by side.
#   scripts/test-node-versions.sh                 # Node 22 and 24, the whole suite and the bench
#   VERSIONS=22 scripts/test-node-versions.sh test/e2e test/ui   # vitest filters; no bench
set -uo pipefail
cd "$(dirname "$0")/.."
read -r -a versions <<<"${VERSIONS:-22 24}"
out=$(mktemp -d "${TMPDIR:-/tmp}/streambook-node-versions-XXXXXX")

node scripts/build.mjs --bench || exit 1

summaries=()
status=0
for v in "${versions[@]}"; do
  # npx caches the package; asking the binary for its own path lets vitest's workers and the
  # tests' children (all spawned from process.execPath) run the same version.
  bin=$(npx -y "node@$v" -p process.execPath) || { summaries+=("node $v: could not install"); status=1; continue; }
  full=$("$bin" --version)
  echo "=== node $full ($bin)"
  report="$out/vitest-$v.json"
  "$bin" node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile="$report" "$@"
  tests=$("$bin" -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
    process.exit(r.numFailedTests === 0 && r.numPassedTests > 0 ? 0 : 1);
  ' "$report" 2>/dev/null) || status=1
  [ -n "$tests" ] || tests="no report"
  bench="not run (filtered suite)"
  if [ $# -eq 0 ]; then
    if "$bin" dist/bench/run.js --quick >"$out/bench-$v.txt" 2>&1; then
      bench="ok"
    else
      bench="FAILED (see $out/bench-$v.txt)"
      status=1
    fi
    cat "$out/bench-$v.txt"
  fi
  summaries+=("node $full: tests $tests; bench --quick $bench")
done

echo
printf '%s\n' "${summaries[@]}"
exit $status
