# A throwaway PostgreSQL cluster for the tests: initdb in a temporary directory, listening only on
# a unix socket there. Its URL goes to FRONTDESK_TEST_POSTGRES_URL; frontdesk_stop_postgres stops
# and removes it (scripts/test calls it from its EXIT trap). Tests run it with fsync off;
# FRONTDESK_PG_FSYNC=on (scripts/bench) makes it as durable as a production cluster.
# FRONTDESK_PG_SETTINGS adds settings of a tuned production server, e.g.
# "-c shared_buffers=4GB -c max_wal_size=4GB" (the cluster otherwise has PostgreSQL's defaults).
# shellcheck shell=bash

frontdesk_postgres_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user that
# Debian's package creates.
frontdesk_as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

frontdesk_start_postgres() {
    local bin
    if ! bin="$(frontdesk_postgres_bin)"; then
        frontdesk_log "PostgreSQL is not installed: the PostgreSQL tests will skip"
        return 0
    fi
    FRONTDESK_PG_DIR="$(mktemp -d /tmp/frontdesk-pg.XXXXXX)"
    chmod 755 "$FRONTDESK_PG_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres "$FRONTDESK_PG_DIR"
    frontdesk_as_pg_owner "$bin/initdb" -D "$FRONTDESK_PG_DIR/data" -A trust -U frontdesk \
        -E UTF8 --locale=C.UTF-8 >"$FRONTDESK_PG_DIR/initdb.log" 2>&1 ||
        { cat "$FRONTDESK_PG_DIR/initdb.log" >&2; return 1; }
    frontdesk_as_pg_owner "$bin/pg_ctl" -D "$FRONTDESK_PG_DIR/data" -l "$FRONTDESK_PG_DIR/server.log" \
        -o "-k $FRONTDESK_PG_DIR -c listen_addresses='' -c max_connections=200 -c fsync=${FRONTDESK_PG_FSYNC:-off} ${FRONTDESK_PG_SETTINGS:-}" \
        -w start >/dev/null ||
        { cat "$FRONTDESK_PG_DIR/server.log" >&2; return 1; }
    export FRONTDESK_PG_DIR
    # Only the script that started the cluster stops it: a child script (scripts/bench under
    # scripts/test) inherits FRONTDESK_PG_DIR but not this unexported mark.
    frontdesk_pg_started_here="$FRONTDESK_PG_DIR"
    export FRONTDESK_TEST_POSTGRES_URL="postgresql://frontdesk@/postgres?host=$FRONTDESK_PG_DIR"
    frontdesk_log "PostgreSQL for the tests: $FRONTDESK_TEST_POSTGRES_URL"
}

# Runs from EXIT traps under set -e: it never fails the run.
frontdesk_stop_postgres() {
    local dir="${frontdesk_pg_started_here:-}" bin
    [ -n "$dir" ] || return 0
    frontdesk_pg_started_here=
    if bin="$(frontdesk_postgres_bin)"; then
        frontdesk_as_pg_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" || true
    return 0
}
