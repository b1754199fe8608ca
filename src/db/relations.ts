import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.js';

/** Relations v2 (needed by the Pothos drizzle plugin); map versions have none yet. */
export const relations = defineRelations(schema, () => ({}));
