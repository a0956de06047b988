# Shared by scripts/run, scripts/test and scripts/bench: packages, configure, build.
# shellcheck shell=bash

FRONTDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Debian packages the build, the tests and the app need.
FRONTDESK_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev qt6-qpa-plugins libgl-dev
    qtkeychain-qt6-dev libsqlcipher-dev libsodium-dev libssl-dev libsqlite3-dev libicu-dev
    libjemalloc-dev
    sqlcipher sqlite3 libqt6sql6-psql postgresql curl python3-aiosmtpd kannel kannel-extras openssl
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-dejavu-core
    lintian desktop-file-utils appstream clang-format qt6-translations-l10n
)

frontdesk_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# frontdesk_free_mib DIR: the MiB free on the file system that holds DIR.
frontdesk_free_mib() { df -Pm "$1" | awk 'NR == 2 { print $4 }'; }

frontdesk_sudo() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs whatever of FRONTDESK_PACKAGES is missing; does nothing when all are there.
frontdesk_install_packages() {
    local missing=() pkg
    for pkg in "${FRONTDESK_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    frontdesk_log "Installing missing Debian packages: ${missing[*]}"
    frontdesk_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    frontdesk_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# frontdesk_build PRESET: configures and builds one of CMakePresets.json's presets (dev: build/,
# release: build-bench-release/, asan: build-asan/, fuzz: build-fuzz/).
# frontdesk_build --dir DIR: builds an existing build directory as it was configured.
frontdesk_build() {
    export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/frontdesk-ccache}"
    export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"
    # Paths relative to the checkout, and the build folder left out of the hash, so that another
    # clone on the same machine (CI's fresh one, a second work tree) hits the same cache. The
    # price: a cached object's debug info may name the first checkout's source path.
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$FRONTDESK_ROOT}"
    export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
    local build=()
    if [ "$1" = --dir ]; then
        frontdesk_log "Building in $2"
        cmake "$2" >/dev/null
        build=("$2")
    else
        frontdesk_log "Configuring and building the $1 preset"
        (cd "$FRONTDESK_ROOT" && cmake --preset "$1" >/dev/null)
        build=(--preset "$1")
    fi
    # FRONTDESK_BUILD_TARGETS (space-separated) narrows the build, e.g. scripts/bench needs four.
    # shellcheck disable=SC2086
    (cd "$FRONTDESK_ROOT" && cmake --build "${build[@]}" --parallel "$(nproc)" \
        ${FRONTDESK_BUILD_TARGETS:+--target $FRONTDESK_BUILD_TARGETS})
}
