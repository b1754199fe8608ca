import { useGraphQlJit } from '@envelop/graphql-jit';
import { Kind, type DocumentNode, type ExecutionArgs, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Root fields resolved through drizzle (src/graphql/mapVersion.ts). */
const DATABASE_ROOT_FIELDS = new Set(['mapVersion', 'mapVersions']);
/** Compiling a wide persona document costs about 20 ms: worth it at once for this many personas, else on reuse. */
const JIT_MIN_PERSONAS = 500;

/** Whether any operation of a document selects a drizzle-backed root field (through root fragments too). */
function touchesDatabase(document: DocumentNode): boolean {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const selects = (set: SelectionSetNode, seen: Set<string>): boolean => set.selections.some((sel) => {
    if (sel.kind === Kind.FIELD) return DATABASE_ROOT_FIELDS.has(sel.name.value);
    if (sel.kind === Kind.INLINE_FRAGMENT) return selects(sel.selectionSet, seen);
    const fragment = fragments.get(sel.name.value);
    if (!fragment || seen.has(sel.name.value)) return false;
    return selects(fragment.selectionSet, new Set([...seen, sel.name.value]));
  });
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && selects(d.selectionSet, new Set()));
}

/** The personas a document's root `personas` fields ask for, from literals or variables (0 if unknown). */
function requestedPersonas(args: ExecutionArgs): number {
  let total = 0;
  for (const d of args.document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const sel of d.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD || sel.name.value !== 'personas') continue;
      const count = sel.arguments?.find((a) => a.name.value === 'count')?.value;
      if (count?.kind === Kind.INT) total += Number(count.value);
      else if (count?.kind === Kind.VARIABLE) total += Number(args.variableValues?.[count.name.value]) || 0;
    }
  }
  return total;
}

/**
 * graphql-jit for persona operations: a compiled document resolves and serialises wide persona lists several times
 * faster than graphql-js. Compiling costs about 20 ms, so a document is compiled when it asks for many personas or
 * runs a second time (yoga's parser cache hands back the same DocumentNode for the same text, and the plugin keeps
 * compiled documents by it). Operations reaching a drizzle-backed root field stay on graphql-js: the drizzle plugin
 * plans its queries from graphql-js's `info` (STACK.md, pitfall 5).
 *
 * @example
 *   createYoga({ schema, plugins: [usePersonaJit()] })
 */
export function usePersonaJit(): Plugin {
  const runs = new WeakMap<DocumentNode, number>();
  return useGraphQlJit({}, {
    enableIf: (args) => {
      const seen = runs.get(args.document);
      if (seen === -1) return false;
      if (seen === undefined && touchesDatabase(args.document)) {
        runs.set(args.document, -1);
        return false;
      }
      runs.set(args.document, (seen ?? 0) + 1);
      return seen !== undefined || requestedPersonas(args) >= JIT_MIN_PERSONAS;
    },
  }) as Plugin;
}
