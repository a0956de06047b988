# Gives a command a Secret Service for Frontdesk's database key, also where there is no desktop
# session (CI, containers, ssh): a private D-Bus session with gnome-keyring started and unlocked.
# shellcheck shell=bash
#
#   source scripts/lib/keyring.sh
#   FRONTDESK_KEYRING_DIR=DIR frontdesk_with_keyring CMD [ARGS...]
#
# FRONTDESK_KEYRING_DIR        where the private keyring lives. Reuse one directory to keep its
#                              secrets across runs (scripts/run's demo), pass a fresh one for tests.
#                              Unset: a throwaway directory, removed afterwards.
# FRONTDESK_KEYRING_PASSWORD   unlocks that keyring (default "frontdesk"). It only ever guards demo
#                              and test keys, never a clinic's.
# FRONTDESK_KEYRING_PRIVATE=1  use the private keyring even when the session has a usable bus.
#
# When the session bus in DBUS_SESSION_BUS_ADDRESS answers (a desktop session), CMD just runs there
# and uses that session's own keychain. Otherwise CMD runs in a new process, so it must be an
# executable, not a shell function. The exit status is CMD's.

# True when the session bus named in DBUS_SESSION_BUS_ADDRESS answers.
frontdesk_session_bus_usable() {
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
    dbus-send --session --print-reply=literal --reply-timeout=5000 --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetId >/dev/null 2>&1
}

# Runs inside dbus-run-session: "$@" is the command, FRONTDESK_KEYRING_DIR its prepared directory.
# shellcheck disable=SC2016 # expanded by the inner bash, not here
_FRONTDESK_KEYRING_SESSION='
set -u
say() { printf "frontdesk_with_keyring: %s\n" "$*" >&2; }
bus_call() {
    dbus-send --session --print-reply=literal --reply-timeout=5000 "$@" 2>/dev/null
}

keyring_pid=""
# The daemon would also go when the bus does; killing it here makes sure it cannot outlive us.
stop_keyring() { if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null; fi; }
trap stop_keyring EXIT
trap "exit 130" INT
trap "exit 143" TERM

dir=$FRONTDESK_KEYRING_DIR
# gnome-keyring keeps keyrings under XDG_DATA_HOME and its control socket under XDG_RUNTIME_DIR:
# both point into the private directory, for the daemon only, so CMD keeps its own.
# With --unlock it creates the "login" keyring with this password if there is none, or unlocks it.
daemon_env=$(printf "%s" "${FRONTDESK_KEYRING_PASSWORD:-frontdesk}" |
    XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run" \
        gnome-keyring-daemon --unlock --components=secrets) || {
    say "gnome-keyring-daemon failed to start"
    exit 1
}
# It prints NAME=value lines (GNOME_KEYRING_CONTROL, ...); export them without eval-ing its output.
while IFS= read -r line; do
    case "$line" in
        [A-Za-z_]*=*) export -- "$line" ;;
    esac
done <<<"$daemon_env"

# The daemon forks before it owns its bus name; a command started earlier would activate a second,
# locked one through the D-Bus service file.
for _ in $(seq 100); do
    if bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q true; then
        keyring_pid=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets |
            awk "{ print \$2 }")
        break
    fi
    sleep 0.1
done
if [ -z "$keyring_pid" ]; then
    say "gnome-keyring-daemon did not appear on the D-Bus session bus as org.freedesktop.secrets"
    exit 1
fi

# Writes go to the collection behind the "default" alias; it must exist and be unlocked, or the
# first write would wait on a password prompt nobody can answer.
collection=$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.ReadAlias string:default |
    sed -n "s|.*\(/org/freedesktop/secrets/[^ \"]*\).*|\1|p")
if [ -z "$collection" ] || [ "$collection" = "/" ]; then
    say "the keyring in $dir has no default collection; delete $dir to start a new keyring"
    exit 1
fi
if ! bus_call --dest=org.freedesktop.secrets "$collection" org.freedesktop.DBus.Properties.Get \
    string:org.freedesktop.Secret.Collection string:Locked | grep -q "boolean false"; then
    say "the keyring in $dir stays locked: FRONTDESK_KEYRING_PASSWORD is not the password it" \
        "was made with. Set that one, or delete $dir to start a new keyring (its secrets are lost)."
    exit 1
fi

"$@"
'

frontdesk_with_keyring() {
    if [ $# -eq 0 ]; then
        echo "usage: frontdesk_with_keyring CMD [ARGS...]" >&2
        return 2
    fi
    local status=0
    if [ "${FRONTDESK_KEYRING_PRIVATE:-0}" != 1 ] && frontdesk_session_bus_usable; then
        "$@" || status=$?
        return "$status"
    fi

    local tool
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null; then
            echo "frontdesk_with_keyring: $tool is missing (Debian packages: dbus, dbus-bin," \
                "gnome-keyring)" >&2
            return 1
        fi
    done

    local dir="${FRONTDESK_KEYRING_DIR:-}" throwaway=""
    if [ -z "$dir" ]; then
        dir=$(mktemp -d) || return 1
        throwaway=$dir
    fi
    dir=$(mkdir -p "$dir" 2>/dev/null && cd "$dir" && pwd) || {
        echo "frontdesk_with_keyring: cannot use FRONTDESK_KEYRING_DIR=$dir as a directory" >&2
        return 1
    }
    # Both hold secrets or the socket to them; gnome-keyring also insists on a private runtime dir.
    mkdir -p "$dir/data" "$dir/run" && chmod 700 "$dir" "$dir/data" "$dir/run" || return 1

    FRONTDESK_KEYRING_DIR="$dir" dbus-run-session -- \
        bash -c "$_FRONTDESK_KEYRING_SESSION" frontdesk-keyring "$@" || status=$?
    if [ -n "$throwaway" ]; then
        rm -rf "$throwaway"
    fi
    return "$status"
}
