# Shared by every Bats file: the built binaries first on PATH, the assert
# libraries, and paths to the fixtures.
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

ROOT="${YJS_ROOT:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
# the build under test: `make test` names its own (build/cc/bin,
# build/sanitize/bin); run by hand, bats tests bin/
BIN="${YJS_BIN_DIR:-$ROOT/bin}"
PATH="$BIN:$PATH"
FIXTURES="$ROOT/data/fixtures"
SEEDS="${YJS_SEEDS:-$ROOT/../shared/seeds}"
export ROOT BIN FIXTURES SEEDS PATH

# A one-document stream: header, the given records (one per argument), trailer.
# usage: make_doc DOCID 'json' 'json' ...
make_doc() {
    local doc=$1
    shift
    printf '{"type":"document","contract":"yujuesuan/1","doc":"%s","source":"%s.txt","format":"txt","encoding":"utf-8","bytes":1,"sha256":"%s"}\n' "$doc" "$doc" "$doc"
    local n=0 r
    for r in "$@"; do
        printf '%s\n' "$r"
        n=$((n + 1))
    done
    printf '{"type":"end","doc":"%s","records":%d}\n' "$doc" "$n"
}
export -f make_doc
