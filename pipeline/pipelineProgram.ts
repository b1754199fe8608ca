/**
 * The `pipeline` command-line program: one commander program that every pipeline command registers itself on,
 * so a new command is one `registerXCommand(program)` line here and its own file beside its code.
 */
import { Command } from 'commander';
import { registerBuildCommand } from './build/buildCommand.js';
import { registerElicitCommand } from './elicit/elicitCommand.js';
import { registerReportCommand } from './report/reportCommand.js';

/**
 * Builds the program without parsing anything, so tests can drive it with `parseAsync([...], { from: 'user' })`.
 *
 * @example
 *   await pipelineProgram().parseAsync(['elicit', '--dry-run', '--dimensions', 'sex'], { from: 'user' });
 */
export function pipelineProgram(): Command {
  const program = new Command('pipeline')
    .description('Builds maps/ offline: LLM elicitation, answer validation and aggregation, combination and calibration, validation report.')
    .showHelpAfterError();
  registerElicitCommand(program);
  registerBuildCommand(program);
  registerReportCommand(program);
  return program;
}
