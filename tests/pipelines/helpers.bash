# Helpers of tests/pipelines.bats: database dumps to compare, and the
# throwaway PostgreSQL server and sshd the tests start (and always stop).

PIPELINES="$ROOT/pipelines"

# The data tables of a database as sorted text, the same for SQLite and
# PostgreSQL: what "the same rows" means. Left out: the runs table (a log of
# runs) and archives.run_id (which run loaded a file).
DUMP_QUERIES=(
    "SELECT 'documents', doc_id, source, format, encoding, bytes, sha256, entity, year, stage, records, facts, findings, errors, truncated FROM documents"
    "SELECT 'document_sources', doc_id, source, archive FROM document_sources"
    "SELECT 'facts', doc_id, seq, entity, year, stage, kind, table_name, form, item, code, column_name, header_path, value, unit, measure, subject, heading, sentence, locator FROM facts"
    "SELECT 'findings', doc_id, seq, entity, year, rule, severity, message, expected, actual, difference, formula, locator FROM findings"
    "SELECT 'errors', doc_id, seq, source, stage, code, message FROM errors"
    "SELECT 'archives', sha256, path, bytes, status, message, documents, facts, findings, errors FROM archives"
)

# dump_sqlite FILE: the rows (NULL shown as \N) with newlines inside fields escaped.
dump_sqlite() {
    local q
    for q in "${DUMP_QUERIES[@]}"; do
        sqlite3 -batch -noheader -separator '|' -nullvalue '\N' "$1" "$q;" | dump_escape
    done | LC_ALL=C sort
}

# dump_pg URL: the same from PostgreSQL.
dump_pg() {
    local q
    for q in "${DUMP_QUERIES[@]}"; do
        psql -X -q -At -F '|' -P null='\N' "$1" -c "$q" | dump_escape
    done | LC_ALL=C sort
}

# Rows are separated by NUL-free newlines; a field with a newline would
# split a row, so both dumps go through the same join: any line that does
# not start with a table name continues the previous one.
dump_escape() {
    awk '/^(documents|document_sources|facts|findings|errors|archives)\|/ { if (row != "") print row; row = $0; next }
         { row = row "\\n" $0 }
         END { if (row != "") print row }'
}

# count_sqlite FILE TABLE [WHERE]
count_sqlite() {
    sqlite3 -batch "$1" "SELECT count(*) FROM $2 ${3:+WHERE $3};"
}

# A copy of the fixtures as an inbox: $1 the folder to create.
make_inbox() {
    mkdir -p "$1/bad"
    cp -R "$FIXTURES/." "$1/"
    cp -R "$ROOT/data/hostile/." "$1/bad/"
}

# --- PostgreSQL: initdb in a temp folder, Unix socket only ------------------

# pg_start DIR: a server whose socket and data are in DIR; prints its URL.
# initdb refuses to run as root, so the server runs as the postgres user
# (Debian's package creates it) when the tests run as root.
pg_start() {
    local dir=$1 bindir as=()
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bindir" ] || { echo "no PostgreSQL server installed (make deps)" >&2; return 1; }
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$dir"
        as=(runuser -u postgres --)
    fi
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; return 1; }
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off" start >/dev/null ||
        { cat "$dir/server.log" >&2; return 1; }
    printf 'postgresql://postgres@/postgres?host=%s\n' "$dir"
}

# pg_stop DIR: stops the server started in DIR, if any.
pg_stop() {
    local dir=$1 bindir as=()
    [ -f "$dir/data/postmaster.pid" ] || return 0
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ "$(id -u)" != 0 ] || as=(runuser -u postgres --)
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || {
        local pid
        pid=$(head -n 1 "$dir/data/postmaster.pid")
        [ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
    }
}

# --- sshd on 127.0.0.1: two "hosts" that are this machine on two ports ------

# A free TCP port on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# sshd_start DIR: throwaway host and user keys in DIR, an sshd listening on
# two free ports of 127.0.0.1, an ssh config, and DIR/hosts for --hosts.
sshd_start() {
    local dir=$1 p1 p2 user
    user=$(id -un)
    mkdir -p "$dir"
    chmod 700 "$dir"
    ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" -C host
    ssh-keygen -q -t ed25519 -N '' -f "$dir/user_key" -C user
    cp "$dir/user_key.pub" "$dir/authorized_keys"
    chmod 600 "$dir/authorized_keys"
    p1=$(free_port)
    p2=$(free_port)
    while [ "$p2" = "$p1" ]; do p2=$(free_port); done
    cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1:$p1
ListenAddress 127.0.0.1:$p2
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PidFile $dir/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AllowUsers $user
MaxStartups 50
MaxSessions 50
Subsystem sftp internal-sftp
EOF
    cat >"$dir/ssh_config" <<EOF
Host *
    User $user
    IdentityFile $dir/user_key
    IdentitiesOnly yes
    UserKnownHostsFile /dev/null
    StrictHostKeyChecking no
    BatchMode yes
    LogLevel ERROR
    ConnectTimeout 20
EOF
    printf '1/ssh -F %s -p %s 127.0.0.1\n1/ssh -F %s -p %s 127.0.0.1\n' \
        "$dir/ssh_config" "$p1" "$dir/ssh_config" "$p2" >"$dir/hosts"
    [ "$(id -u)" != 0 ] || mkdir -p /run/sshd
    /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" || { cat "$dir/sshd.log" >&2; return 1; }
    # sshd has written its pid file once it listens
    local i
    for i in $(seq 100); do
        [ -s "$dir/sshd.pid" ] && ssh -F "$dir/ssh_config" -p "$p1" 127.0.0.1 true 2>/dev/null && return 0
        sleep 0.1
    done
    cat "$dir/sshd.log" >&2
    return 1
}

# sshd_stop DIR: stops the sshd started in DIR (and its sessions).
sshd_stop() {
    local dir=$1 pid
    [ -f "$dir/sshd.pid" ] || return 0
    pid=$(cat "$dir/sshd.pid")
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    rm -f "$dir/sshd.pid"
}
