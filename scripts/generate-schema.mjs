// `npm run schema`: writes policies/policy.schema.json from the zod schema (built into dist/ first).
// A unit test compares the checked-in file with a fresh generation and fails when it is stale.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { policyJsonSchema } = require('../dist/src/policy/json-schema.js');
const target = path.resolve('policies', 'policy.schema.json');
writeFileSync(target, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
