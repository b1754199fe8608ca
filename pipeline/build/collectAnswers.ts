import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue, Provenance } from '../../src/engine/mapSchema.js';
import { offlineAnswerFileSchema, type Question } from '../answers/answerSchema.js';
import { expandSheet } from '../answers/expandSheet.js';
import { sheetSchema, type Sheet } from '../answers/sheetSchema.js';
import type { RegionList } from '../elicit/questions.js';
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

/** Where the answers live, and what sheets need to be expanded. */
export interface AnswerSources {
  readonly offlineDir: string;
  readonly sheetsDir: string;
  readonly cacheDir: string;
  readonly catalogue: Catalogue;
  readonly regions: RegionList;
}

/**
 * Reads and validates every sheet in `dir` (sorted), naming the file and key of the first error.
 *
 * @example
 *   readSheets('pipeline/answers/sheets').map((s) => s.sheet.dimension)
 */
export function readSheets(dir: string): { file: string; sheet: Sheet }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((name) => {
    const file = join(dir, name);
    const parsed = sheetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    if (parsed.data.dimension !== name.slice(0, -5)) throw new Error(`${file}: .dimension is "${parsed.data.dimension}", expected "${name.slice(0, -5)}"`);
    return { file, sheet: parsed.data };
  });
}

/**
 * Every answer the build uses: offline answer files (`<offlineDir>/<dimension>.json`), offline sheets expanded into
 * answers (`<sheetsDir>/<dimension>.json`, pipeline/answers/sheetSchema.ts) and cached model answers of the current
 * prompt version (`<cacheDir>`), grouped by dimension. Files are read in sorted order so the build is
 * reproducible; a malformed file is an error naming the file and the key.
 *
 * @example
 *   collectAnswers({ offlineDir, sheetsDir, cacheDir, catalogue, regions }).get('smoking')!.length
 */
export function collectAnswers(sources: AnswerSources): Map<string, CollectedAnswer[]> {
  const { offlineDir, cacheDir } = sources;
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
  // A sheet's conditional rows are raked to the parent's distribution in the country: its target, from any source.
  const sheets = readSheets(sources.sheetsDir);
  const targets = new Map<string, Record<string, number>>();
  for (const [dimension, list] of byDimension) {
    for (const a of list) if (Object.keys(a.question.given).length === 0) targets.set(`${dimension}|${a.question.country}`, (a.content as { distribution?: Record<string, number> }).distribution ?? {});
  }
  for (const { sheet } of sheets) for (const [country, t] of Object.entries(sheet.targets)) targets.set(`${sheet.dimension}|${country}`, t.distribution);
  for (const { file, sheet } of sheets) {
    const method = sheet.source.method + (sheet.source.basis ? ` Basis: ${sheet.source.basis}` : '');
    let expanded;
    try {
      expanded = expandSheet(sheet, sources.catalogue, sources.regions, (d, c) => targets.get(`${d}|${c}`));
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    for (const a of expanded) add({ question: a.question, source: sheet.source.id, run: 0, content: a.content, provenance: a.provenance, method });
  }
  for (const c of readCache(cacheDir)) {
    if (c.promptVersion !== PROMPT_VERSION) continue;
    add({ question: c.question, source: c.model, run: c.run, content: c.content, method: `LLM elicitation, prompt ${c.promptVersion}` });
  }
  return byDimension;
}
