/**
 * Entry point of the map pipeline.
 *
 * @example
 *   npx tsx pipeline/cli.ts elicit --models openai/gpt-4o --dimensions sex --dry-run
 */
import { pipelineProgram } from './pipelineProgram.js';

try {
  await pipelineProgram().parseAsync(process.argv);
} catch (e) {
  // Expected failures (no key, bad pricing file, unknown dimension) read better without a stack trace.
  console.error(`pipeline: ${(e as Error).message}`);
  process.exitCode = 1;
}
