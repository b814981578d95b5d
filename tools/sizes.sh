#!/usr/bin/env bash
# Sizes of the release bundle, raw and gzip -9. Usage: tools/sizes.sh [dist]
set -euo pipefail
dir="${1:-dist}"
[ -f "$dir/index.html" ] || { echo "no build in $dir: run 'make dist' first" >&2; exit 1; }
printf '| file | raw bytes | gzip -9 bytes |\n|---|---:|---:|\n'
total_raw=0; total_gz=0
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/index.html; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  name=$(basename "$f" | sed -E 's/-[0-9a-f]{16}//')
  printf '| %s | %d | %d |\n' "$name" "$raw" "$gz"
done
printf '| **total** | **%d** | **%d** |\n' "$total_raw" "$total_gz"
