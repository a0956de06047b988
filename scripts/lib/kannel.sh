# A real Kannel for the tests: bearerbox with two fake SMSCs and smsbox on 127.0.0.1, and
# fakesmsc as the phone network. One fakesmsc stays connected to the SMSC "phones": every SMS
# sent through sendsms (its user's forced-smsc) lands there and is written to
# FRONTDESK_TEST_KANNEL_PHONES (fakesmsc's "Got message" lines), and the fake SMSC answers with
# delivery reports. A test sends an SMS from a phone by running fakesmsc against
# FRONTDESK_TEST_KANNEL_MO_PORT (the SMSC "inbound"); smsbox hands it to frontdesk-server's
# /sms/kannel/inbound on 127.0.0.1:FRONTDESK_TEST_KANNEL_CALLBACK_PORT, where the test's server
# listens. frontdesk_stop_kannel (scripts/test's EXIT trap) stops all of it.
# shellcheck shell=bash

FRONTDESK_FAKESMSC=/usr/lib/kannel/test/fakesmsc

# N free TCP ports on 127.0.0.1.
frontdesk_free_ports() {
    /usr/bin/python3 - "$1" <<'PY'
import socket, sys
held = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    held.append(s)
print(" ".join(str(s.getsockname()[1]) for s in held))
PY
}

frontdesk_start_kannel() {
    if [ ! -x /usr/sbin/bearerbox ] || [ ! -x /usr/sbin/smsbox ] || [ ! -x "$FRONTDESK_FAKESMSC" ]; then
        frontdesk_log "Kannel (kannel, kannel-extras) is not installed: the SMS dispatch tests will skip"
        return 0
    fi
    local dir admin smsbox phones inbound sendsms callback
    dir="$(mktemp -d /tmp/frontdesk-kannel.XXXXXX)"
    FRONTDESK_KANNEL_DIR="$dir"
    export FRONTDESK_KANNEL_DIR
    read -r admin smsbox phones inbound sendsms callback <<<"$(frontdesk_free_ports 6)"
    export FRONTDESK_TEST_KANNEL_USER=frontdesk
    export FRONTDESK_TEST_KANNEL_PASSWORD="sms secret 9"
    FRONTDESK_TEST_KANNEL_SECRET="callback-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    export FRONTDESK_TEST_KANNEL_SECRET
    mkdir -p "$dir/store"
    cat >"$dir/kannel.conf" <<CONF
group = core
admin-port = $admin
admin-password = "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
admin-interface = 127.0.0.1
smsbox-port = $smsbox
box-allow-ip = 127.0.0.1
log-file = "$dir/bearerbox.log"
log-level = 1
dlr-storage = internal
store-type = spool
store-location = "$dir/store"

group = smsc
smsc = fake
smsc-id = phones
port = $phones
connect-allow-ip = 127.0.0.1

group = smsc
smsc = fake
smsc-id = inbound
port = $inbound
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = $sendsms
sendsms-interface = 127.0.0.1
log-file = "$dir/smsbox.log"
log-level = 1
mo-recode = true

group = sendsms-user
username = $FRONTDESK_TEST_KANNEL_USER
password = "$FRONTDESK_TEST_KANNEL_PASSWORD"
forced-smsc = phones
max-messages = 10
concatenation = true

group = sms-service
keyword = default
get-url = "http://127.0.0.1:$callback/sms/kannel/inbound?secret=$FRONTDESK_TEST_KANNEL_SECRET&from=%p&to=%P&text=%a"
max-messages = 0
catch-all = true
CONF
    /usr/sbin/bearerbox "$dir/kannel.conf" >"$dir/bearerbox.out" 2>&1 &
    FRONTDESK_KANNEL_PIDS="$!"
    local i
    for i in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$smsbox") 2>/dev/null && break
        sleep 0.1
    done
    /usr/sbin/smsbox "$dir/kannel.conf" >"$dir/smsbox.out" 2>&1 &
    FRONTDESK_KANNEL_PIDS="$FRONTDESK_KANNEL_PIDS $!"
    "$FRONTDESK_FAKESMSC" -H 127.0.0.1 -r "$phones" -i 3600 -m 0 "0 0 text none" \
        >"$dir/phones.log" 2>&1 &
    FRONTDESK_KANNEL_PIDS="$FRONTDESK_KANNEL_PIDS $!"
    export FRONTDESK_KANNEL_PIDS
    for i in $(seq 100); do
        grep -q "Fakesmsc client connected" "$dir/bearerbox.out" "$dir/bearerbox.log" 2>/dev/null &&
            curl -s -o /dev/null "http://127.0.0.1:$sendsms/cgi-bin/sendsms" && break
        sleep 0.1
    done
    if ! curl -s -o /dev/null "http://127.0.0.1:$sendsms/cgi-bin/sendsms"; then
        cat "$dir"/*.out >&2
        frontdesk_log "Kannel did not start: the SMS dispatch tests will skip"
        return 0
    fi
    export FRONTDESK_TEST_KANNEL_SENDSMS="http://127.0.0.1:$sendsms/cgi-bin/sendsms"
    export FRONTDESK_TEST_KANNEL_CALLBACK_PORT="$callback"
    export FRONTDESK_TEST_KANNEL_MO_PORT="$inbound"
    export FRONTDESK_TEST_KANNEL_PHONES="$dir/phones.log"
    export FRONTDESK_TEST_FAKESMSC="$FRONTDESK_FAKESMSC"
    frontdesk_log "Kannel for the tests: $FRONTDESK_TEST_KANNEL_SENDSMS, phones in $FRONTDESK_TEST_KANNEL_PHONES"
}

frontdesk_stop_kannel() {
    local pid
    # A killed child's status is not an error of the run (scripts/test runs with set -e).
    for pid in ${FRONTDESK_KANNEL_PIDS:-}; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in ${FRONTDESK_KANNEL_PIDS:-}; do
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "${FRONTDESK_KANNEL_DIR:-}" ]; then rm -rf "$FRONTDESK_KANNEL_DIR"; fi
    return 0
}
