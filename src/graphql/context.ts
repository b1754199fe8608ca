import type { Database } from '../db/client.js';
import type { Persona } from '../engine/Persona.js';
import type { PersonaService } from '../engine/PersonaService.js';

/** Per-request context: the shared service and database, plus the personas made (for the debug extension). */
export interface GraphQLContext {
  readonly service: PersonaService;
  readonly database: Database;
  readonly debug: boolean;
  readonly personas: Persona[];
}
