#!/usr/bin/env bash
# mutate.sh FACTS FILTER: the fact stream with one change made by a jq filter
# applied to each fact (e.g. a value replaced); the trailer count stays right
# because no record is added or removed.
set -euo pipefail
jq -c "if .type == \"fact\" then ($2) else . end" "$1"
