import type { HarnessResult, Verification } from '../reportData.js';
import { escapeHtml } from './escapeHtml.js';
import { formatCount, formatPp } from './format.js';

/**
 * The page header: what was checked (map version, samples, countries, tolerance) and how to read the metrics.
 *
 * @example
 *   body += headerSection(harness, verification);
 */
export function headerSection(harness: HarnessResult, verification: Verification): string {
  const countries = [...new Set([...verification.countries, ...harness.countries])];
  const facts: Array<[string, string]> = [
    ['map version', `<code>${escapeHtml(verification.mapVersion)}</code>`],
    ['personas sampled per country', escapeHtml(formatCount(verification.samplesPerCountry))],
    ['parent tuples per country (harness)', escapeHtml(formatCount(harness.samplesPerCountry))],
    ['countries', escapeHtml(countries.join(', '))],
    ['calibration tolerance', escapeHtml(formatPp(harness.calibrationTolerance))],
    ['dimensions', escapeHtml(new Set([...harness.dimensions.map((d) => d.id), ...verification.dimensions.map((d) => d.id)]).size)],
  ];
  return `<header>
<h1>personagen map validation report</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<p class="note">All errors are <strong>total-variation (TV) distances in percentage points (pp)</strong>: half the sum of
absolute differences between two distributions, i.e. the share of personas that would have to change value to turn
one into the other (0 pp = identical, 100 pp = disjoint). <em>Marginal TV</em> compares the share of each value in a
country with its target (what the maps are calibrated to); <em>conditional TV</em> compares P(value | parents) with
the elicited per-parent tables, averaged over rows weighted by how often each row occurs; <em>pairwise TV</em> is the
same measured by sampling ${escapeHtml(formatCount(verification.samplesPerCountry))} personas per country
from the built maps; <em>disagreement</em> is the mean TV between the accepted answers of different sources and their
aggregate; <em>forbidden mass</em> is the probability a combination method put on rule-forbidden values before the
rules removed it. A method is <em>feasible</em> when every country's marginal is within the calibration tolerance.</p>
<nav><a href="#report-summary">Weakest tables</a><a href="#report-methods">Method comparison</a><a href="#report-dimensions">Dimensions</a></nav>
</header>`;
}
