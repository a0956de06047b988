#!/usr/bin/env bash
# frontdesk-server's benchmark: one server process on loopback, on the default SQLCipher file or
# on PostgreSQL, driven by frontdesk_bench_server (tests/bench/server) as its clients would.
#   server-bench.sh run SERVER BENCH BACKEND PATIENTS APPOINTMENTS LOAD_SECONDS CLIENTS OUT.json
#                       [PRACTITIONERS]
#       BACKEND file or postgresql (the cluster at $FRONTDESK_TEST_POSTGRES_URL). Ingests the
#       clinic through transaction Bundles, then runs CLIENTS clients for LOAD_SECONDS; on
#       PostgreSQL also times its own COPY of the same rows into a table shaped like the
#       server's (the floor, "copy"), and COPY of every row the ingest left in the server's
#       tables into empty tables made like them, keys, indexes and exclusion constraints
#       included ("copy_schema": what storing the same rows the server's way costs PostgreSQL
#       alone). Writes one JSON object.
#   server-bench.sh selftest SERVER BENCH
#       The same on a tiny clinic (file, and PostgreSQL when a cluster is there): ctest's
#       bench_server_selftest, so the benchmark never rots.
set -euo pipefail

ms_now() { date +%s%3N; }

# start_server SERVER STORAGE_ARGS... : starts it on a free port; sets SERVER_PID and SERVER_URL.
start_server() {
    local server="$1"; shift
    local log="$work/server.log"
    # The file exists before the server's shell opens it, so the first look below cannot fail
    # (under load the background start may come after it; set -e would end the script).
    : >"$log"
    "$server" "$@" --insecure-http --listen 127.0.0.1:0 2>"$log" &
    SERVER_PID=$!
    for _ in $(seq 100); do
        SERVER_URL="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)"
        [ -n "$SERVER_URL" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "frontdesk-server did not start:" >&2
    cat "$log" >&2
    return 1
}

stop_server() {
    [ -n "${SERVER_PID:-}" ] || return 0
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

run() {
    local server="$1" bench="$2" backend="$3" patients="$4" appointments="$5" seconds="$6"
    local clients="$7" out="$8" practitioners="${9:-200}"
    local storage db_name="" admin_url="" db_url=""
    case "$backend" in
        file) storage=(--config "$work/none.conf" --data-dir "$work/data") ;;
        postgresql)
            admin_url="${FRONTDESK_TEST_POSTGRES_URL:?no PostgreSQL cluster (FRONTDESK_TEST_POSTGRES_URL)}"
            db_name="frontdesk_bench_$$_$RANDOM"
            psql -q -X -v ON_ERROR_STOP=1 "$admin_url" -c "CREATE DATABASE $db_name" >/dev/null
            db_url="${admin_url/\/postgres\?//$db_name?}"
            storage=(--config "$work/none.conf" --database "$db_url") ;;
        *) echo "unknown backend $backend" >&2; return 1 ;;
    esac
    : >"$work/none.conf"
    (umask 077 && printf '%s\n' 'tidal marble orchard 7' >"$work/password")
    "$server" "${storage[@]}" user add bench --role admin <"$work/password" >/dev/null
    start_server "$server" "${storage[@]}"

    echo "frontdesk-server on $backend: ingest of $patients patients and $appointments appointments" >&2
    local copy_args=()
    [ "$backend" = postgresql ] && copy_args=(--copy-file "$work/rows.copy")
    local status=0
    "$bench" ingest --url "$SERVER_URL" --user bench --password-file "$work/password" \
        --patients "$patients" --appointments "$appointments" --bundle 500 --clients 2 \
        --practitioners "$practitioners" \
        "${copy_args[@]}" --json "$work/ingest.json" || status=$?
    # The rows the ingest left, table by table, before the load adds its own.
    local schema_tables=(resources resource_versions search_tokens appointment_slots audit_log)
    if [ "$backend" = postgresql ]; then
        local t dumps=()
        for t in "${schema_tables[@]}"; do
            dumps+=(-c "\\copy $t TO '$work/schema-$t.copy'")
        done
        psql -q -X -v ON_ERROR_STOP=1 "$db_url" "${dumps[@]}"
    fi
    echo "frontdesk-server on $backend: $clients clients for $seconds s" >&2
    "$bench" load --url "$SERVER_URL" --user bench --password-file "$work/password" \
        --patients "$patients" --practitioners "$practitioners" --clients "$clients" \
        --seconds "$seconds" \
        --json "$work/load.json" || status=$?
    stop_server

    local copy_json=null schema_json=null
    if [ "$backend" = postgresql ]; then
        # The floor: PostgreSQL's own COPY of the same rows, into a table keyed like the
        # server's current versions (type, id) and holding the same JSON.
        psql -q -X -v ON_ERROR_STOP=1 "$db_url" \
            -c "CREATE TABLE bench_copy (type TEXT NOT NULL, id TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (type, id))"
        local rows start ms
        rows="$(wc -l <"$work/rows.copy")"
        start="$(ms_now)"
        psql -q -X -v ON_ERROR_STOP=1 "$db_url" -c "\\copy bench_copy (type, id, content) FROM '$work/rows.copy'"
        ms=$(( $(ms_now) - start ))
        copy_json="{\"rows\": $rows, \"ms\": $ms, \"rows_per_second\": $(awk "BEGIN { printf \"%.1f\", $rows * 1000 / ($ms > 0 ? $ms : 1) }")}"
        # The same rows stored the server's way: its five tables, made empty beside it with
        # their keys, indexes and the booking rule's exclusion constraints (not its triggers).
        local creates=() loads=() table_rows=0
        for t in "${schema_tables[@]}"; do
            creates+=(-c "CREATE TABLE bench_$t (LIKE $t INCLUDING ALL)")
            loads+=(-c "\\copy bench_$t FROM '$work/schema-$t.copy'")
            table_rows=$((table_rows + $(wc -l <"$work/schema-$t.copy")))
        done
        psql -q -X -v ON_ERROR_STOP=1 "$db_url" "${creates[@]}"
        start="$(ms_now)"
        psql -q -X -v ON_ERROR_STOP=1 "$db_url" "${loads[@]}"
        ms=$(( $(ms_now) - start ))
        schema_json="{\"rows\": $rows, \"table_rows\": $table_rows, \"ms\": $ms, \"rows_per_second\": $(awk "BEGIN { printf \"%.1f\", $rows * 1000 / ($ms > 0 ? $ms : 1) }")}"
        psql -q -X "$admin_url" -c "DROP DATABASE $db_name WITH (FORCE)" >/dev/null || true
    fi
    cat >"$out" <<JSON
{"backend": "$backend", "ingest": $(cat "$work/ingest.json"), "load": $(cat "$work/load.json"), "copy": $copy_json, "copy_schema": $schema_json}
JSON
    return "$status"
}

work="$(mktemp -d)"
SERVER_PID=""
trap 'stop_server; rm -rf "$work"' EXIT

case "${1:-}" in
    run) shift; run "$@" ;;
    selftest)
        server="$2" bench="$3"
        run "$server" "$bench" file 60 120 1 2 "$work/file.json" 20
        grep -q '"rows_per_second"' "$work/file.json"
        if [ -n "${FRONTDESK_TEST_POSTGRES_URL:-}" ]; then
            rm -rf "$work/data"
            run "$server" "$bench" postgresql 60 120 1 2 "$work/pg.json" 20
            grep -q '"copy": {"rows": 180' "$work/pg.json"
            grep -q '"copy_schema": {"rows": 180,' "$work/pg.json"
        fi
        echo "server benchmark self-test passed" ;;
    *) sed -n '2,12p' "$0" >&2; exit 1 ;;
esac
