#!/usr/bin/env bash
# Rebuilds static/editor.js from src/ with the exact versions in package-lock.json.
# The bundle is committed so `go build` never needs npm; run this only when
# src/ or the dependencies change.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
