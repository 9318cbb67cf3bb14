#!/usr/bin/env bash
# `npm test`: every test of the product, on a fresh clone. Installs what it needs (npm packages, Debian's chromium for
# the browser tests), starts a throwaway PostgreSQL for the store tests, builds, then runs type checks, lint, every
# jest suite, a short chaos run and the Playwright browser tests. Before the build (which regenerates them), it checks
# that the checked-in OpenAPI document and what the console generates from it match the API's code.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NEXT_TELEMETRY_DISABLED=1
started=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "npm packages"
node tools/scripts/install.mjs

step "chromium for the browser tests"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | grep -v 'unexpected operator' || true

rm -rf test-results/summary

step "throwaway PostgreSQL"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  eval "$(bash tools/scripts/throwaway-postgres.sh)"
  trap 'bash tools/scripts/throwaway-postgres.sh stop "$THROWAWAY_PG_DIR"' EXIT
fi
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"

step "the API's contract: apps/api/openapi.json and the console's limits as the API's code generates them"
npx nx run @flex-sms/admin:api-types-check --output-style=stream

step "build"
npx nx run-many -t build --output-style=stream

step "type check, lint and formatting (Prettier)"
npx nx run-many -t typecheck lint --output-style=stream
npm run --silent format:check

step "unit, integration and contract tests (jest)"
npx nx run-many -t test --output-style=stream --parallel=2

step "chaos, short (120 initiates under injected Twilio faults, the API SIGKILLed once; invariants checked)"
node tools/chaos/run.mjs --requests 120 --no-build

step "browser tests (Playwright, Debian chromium)"
npx nx run @flex-sms/admin:e2e --output-style=stream

step "done"
node tools/scripts/test-summary.mjs
