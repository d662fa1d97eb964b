#!/usr/bin/env bats
# The command-line conventions every stage shares (DEVELOPERS: --help,
# --version, usage errors, man page, pass-through, truncation, write
# errors, EPIPE), checked for every command that cmd/ holds.

setup() {
    load test_helper
}

commands() { (cd "$ROOT/cmd" && ls); }

# The stages that read and write the record stream (not extract, which reads
# documents, nor emit-csv, which writes CSV).
stream_stages() { commands | grep -vx -e extract -e emit-csv; }

@test "conventions: every command has --help on stdout with exit 0" {
    for c in $(commands); do
        run -0 --separate-stderr "$c" --help
        [[ "$output" == *"Usage: $c"* ]] || fail "$c --help does not start with a usage line"
        [ -z "$stderr" ] || fail "$c --help wrote to stderr"
    done
}

@test "conventions: every command has --version" {
    for c in $(commands); do
        run -0 "$c" --version
        [ "$output" = "$c (yujuesuan) 0.1.0" ] || fail "$c --version: $output"
    done
}

@test "conventions: an unknown option is a usage error, exit 2, with a hint" {
    for c in $(commands); do
        run -2 --separate-stderr "$c" --no-such-option
        [[ "$stderr" == *"Try '$c --help' for more information."* ]] || fail "$c: $stderr"
    done
}

@test "conventions: every command has a man page that man can render" {
    for c in $(commands); do
        [ -f "$ROOT/man/$c.1" ] || fail "man/$c.1 is missing"
        run -0 --separate-stderr env MANWIDTH=80 man -l "$ROOT/man/$c.1"
        [[ "$output" == *"EXIT STATUS"* ]] || fail "man/$c.1 has no EXIT STATUS section"
    done
}

@test "conventions: stream stages pass unknown records through byte for byte" {
    inside='{"type":"x-custom", "doc":"d", "n":1.50, "z":[1,  2]}'
    outside='{"type":"x-other","weird":  "空格",   "v":1.0E+2}'
    doc=$(make_doc d "$inside")
    for c in $(stream_stages); do
        run -0 --separate-stderr bash -c "printf '%s\n%s\n' '$outside' '$doc' | $c"
        assert_line --index 0 "$outside"
        assert_line "$inside"
        assert_line --partial '"type":"end","doc":"d"'
    done
}

@test "conventions: stream stages report a document cut short" {
    for c in $(stream_stages); do
        run -1 --separate-stderr bash -c "make_doc t '{\"type\":\"x\",\"doc\":\"t\"}' | head -2 | $c"
        assert_line --partial '"type":"error","doc":"t"'
        assert_line --partial '"code":"truncated"'
        assert_line --partial '"truncated":true'
        [[ "$stderr" == "$c: -:2: document t ends without a complete trailer"* ]] || fail "$c: $stderr"
    done
}

@test "conventions: stream stages never exit 0 after a failed write" {
    for c in $(stream_stages) emit-csv; do
        args=()
        [ "$c" = emit-csv ] && args=(--type fact)
        run -3 bash -c "make_doc w '{\"type\":\"fact\",\"doc\":\"w\",\"value\":\"1\"}' | $c ${args[*]} > /dev/full"
    done
}

@test "conventions: stream stages die quietly on a closed pipe" {
    big="$BATS_TEST_TMPDIR/big.ndjson"
    for i in $(seq 300); do make_doc "d$i" "{\"type\":\"paragraph\",\"doc\":\"d$i\",\"text\":\"预算\",\"level\":0}"; done > "$big"
    for c in $(stream_stages); do
        run bash -c "$c '$big' 2>'$BATS_TEST_TMPDIR/err' | head -1"
        assert_output --partial '"type":"document"'
        run cat "$BATS_TEST_TMPDIR/err"
        assert_output ""
    done
}
