import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from '../../src/engine/mapSchema.js';
import { offlineAnswerFileSchema, type Question } from '../answers/answerSchema.js';
import { readCache } from '../elicit/answerCache.js';
import { PROMPT_VERSION } from '../elicit/prompt.js';

/** One answer to one question, from a model (cached call) or an offline answer file. */
export interface CollectedAnswer {
  readonly question: Question;
  readonly source: string;
  readonly run: number;
  readonly content: unknown;
  /** For offline answers: the cited table (published) or the estimate's method and basis. */
  readonly provenance?: Provenance;
  /** How the source produced its answers (offline files), or the prompt version (models). */
  readonly method: string;
}

/**
 * Every answer the build uses: offline answer files (`<offlineDir>/<dimension>.json`) and cached model answers of
 * the current prompt version (`<cacheDir>`), grouped by dimension. Files are read in sorted order so the build is
 * reproducible; a malformed file is an error naming the file and the key.
 *
 * @example
 *   collectAnswers('pipeline/answers/offline', 'pipeline/cache/llm').get('smoking')!.length
 */
export function collectAnswers(offlineDir: string, cacheDir: string): Map<string, CollectedAnswer[]> {
  const byDimension = new Map<string, CollectedAnswer[]>();
  const add = (a: CollectedAnswer) => {
    const list = byDimension.get(a.question.dimension) ?? [];
    list.push(a);
    byDimension.set(a.question.dimension, list);
  };
  if (existsSync(offlineDir)) {
    for (const name of readdirSync(offlineDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(offlineDir, name);
      const parsed = offlineAnswerFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      const f = parsed.data;
      f.answers.forEach((a, i) => {
        let provenance: Provenance | undefined;
        if (typeof a.provenance === 'string') {
          provenance = f.provenances[a.provenance];
          if (!provenance) throw new Error(`${file}: answers.${i}.provenance: unknown provenance key "${a.provenance}"`);
        } else provenance = a.provenance;
        add({
          question: { dimension: f.dimension, country: a.country, given: a.given }, source: f.source.id, run: a.run, content: a.reply,
          provenance, method: f.source.method + (f.source.basis ? ` Basis: ${f.source.basis}` : ''),
        });
      });
    }
  }
  for (const c of readCache(cacheDir)) {
    if (c.promptVersion !== PROMPT_VERSION) continue;
    add({ question: c.question, source: c.model, run: c.run, content: c.content, method: `LLM elicitation, prompt ${c.promptVersion}` });
  }
  return byDimension;
}
