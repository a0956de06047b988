# A real SMTP server for the tests (python3-aiosmtpd, scripts/lib/smtp-sink.py) on 127.0.0.1:
# FRONTDESK_TEST_SMTP_PORT is its port, FRONTDESK_TEST_SMTP_DIR the folder each accepted message
# is written to, FRONTDESK_TEST_SMTP_USER/_PASSWORD the account it asks for (AUTH PLAIN/LOGIN),
# FRONTDESK_TEST_SMTP_CA the self-signed certificate of its STARTTLS (made here, for 127.0.0.1),
# FRONTDESK_TEST_SMTPS_PORT the port where it speaks SMTPS (TLS from the start) with it.
# One server for the whole run; frontdesk_stop_smtp (scripts/test's EXIT trap) stops it.
# shellcheck shell=bash

frontdesk_start_smtp() {
    if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
        frontdesk_log "python3-aiosmtpd is not installed: the email dispatch tests will skip"
        return 0
    fi
    FRONTDESK_SMTP_RUN_DIR="$(mktemp -d /tmp/frontdesk-smtp.XXXXXX)"
    export FRONTDESK_SMTP_RUN_DIR
    export FRONTDESK_TEST_SMTP_USER=frontdesk-relay
    export FRONTDESK_TEST_SMTP_PASSWORD="relay secret 7"
    local tls=()
    if openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
        -addext subjectAltName=IP:127.0.0.1 -keyout "$FRONTDESK_SMTP_RUN_DIR/key.pem" \
        -out "$FRONTDESK_SMTP_RUN_DIR/cert.pem" >/dev/null 2>&1; then
        tls=(--cert "$FRONTDESK_SMTP_RUN_DIR/cert.pem" --key "$FRONTDESK_SMTP_RUN_DIR/key.pem"
             --smtps-port-file "$FRONTDESK_SMTP_RUN_DIR/smtps-port")
        export FRONTDESK_TEST_SMTP_CA="$FRONTDESK_SMTP_RUN_DIR/cert.pem"
    fi
    /usr/bin/python3 "$FRONTDESK_ROOT/scripts/lib/smtp-sink.py" --dir "$FRONTDESK_SMTP_RUN_DIR/mail" \
        --port-file "$FRONTDESK_SMTP_RUN_DIR/port" --user "$FRONTDESK_TEST_SMTP_USER" \
        --password "$FRONTDESK_TEST_SMTP_PASSWORD" "${tls[@]}" >"$FRONTDESK_SMTP_RUN_DIR/log" 2>&1 &
    FRONTDESK_SMTP_PID=$!
    local i
    for i in $(seq 100); do
        [ -s "$FRONTDESK_SMTP_RUN_DIR/port" ] && break
        kill -0 "$FRONTDESK_SMTP_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [ ! -s "$FRONTDESK_SMTP_RUN_DIR/port" ]; then
        cat "$FRONTDESK_SMTP_RUN_DIR/log" >&2
        frontdesk_log "The test SMTP server did not start: the email dispatch tests will skip"
        return 0
    fi
    export FRONTDESK_TEST_SMTP_PORT
    FRONTDESK_TEST_SMTP_PORT="$(cat "$FRONTDESK_SMTP_RUN_DIR/port")"
    export FRONTDESK_TEST_SMTP_DIR="$FRONTDESK_SMTP_RUN_DIR/mail"
    if [ -s "$FRONTDESK_SMTP_RUN_DIR/smtps-port" ]; then
        export FRONTDESK_TEST_SMTPS_PORT
        FRONTDESK_TEST_SMTPS_PORT="$(cat "$FRONTDESK_SMTP_RUN_DIR/smtps-port")"
    fi
    frontdesk_log "SMTP server for the tests: 127.0.0.1:$FRONTDESK_TEST_SMTP_PORT"
}

frontdesk_stop_smtp() {
    # A killed child's status is not an error of the run (scripts/test runs with set -e).
    if [ -n "${FRONTDESK_SMTP_PID:-}" ]; then
        kill "$FRONTDESK_SMTP_PID" 2>/dev/null || true
        wait "$FRONTDESK_SMTP_PID" 2>/dev/null || true
    fi
    if [ -n "${FRONTDESK_SMTP_RUN_DIR:-}" ]; then rm -rf "$FRONTDESK_SMTP_RUN_DIR"; fi
    return 0
}
