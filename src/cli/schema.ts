import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '../scenario/schema';

/** Writes schema/scenario.schema.json, which editors use to complete and check scenario files. */
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/scenario.schema.json');
const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ ...schema, title: 'Landing Rights scenario' }, null, 2)}\n`);
console.log(`Wrote ${out}`);
