import { z } from 'zod';
import { scenarioSchema } from './schema';

/** The JSON Schema of scenario files, as `npm run schema` writes it for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }), title: 'Landing Rights scenario' };
}
