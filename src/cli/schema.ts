import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../scenario/json-schema';

/** Writes schema/scenario.schema.json, which editors use to complete and check scenario files. */
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/scenario.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${out}`);
