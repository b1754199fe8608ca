import { gradeColours } from '../charts/chartConfig.js';
import { escapeHtml } from './escapeHtml.js';

// Light tints of the chart colours, so a red table cell and a red bar read as the same thing.
const CSS = `
body { font: 14px/1.45 'DejaVu Sans', Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; padding: 1.5em 2em 4em; max-width: 1500px; }
h1 { margin-bottom: .2em; } h2 { margin-top: 2.2em; border-bottom: 2px solid #ddd; padding-bottom: .2em; } h3 { margin: 1.4em 0 .4em; }
code { font-size: 92%; background: #f3f3f3; padding: 0 .25em; border-radius: 3px; }
table { border-collapse: collapse; margin: .4em 0 1em; font-size: 12.5px; }
th, td { border: 1px solid #d6d6d6; padding: .25em .55em; vertical-align: top; text-align: left; }
th { background: #f4f4f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.none { color: #999; }
.g-green { background: #dcefdf; } .g-amber { background: #f8e7c1; } .g-red { background: #f5d0cc; color: #7a1d14; font-weight: 600; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin-right: .25em; border-radius: 2px; }
.swatch.green { background: ${gradeColours.green}; } .swatch.amber { background: ${gradeColours.amber}; } .swatch.red { background: ${gradeColours.red}; }
tr.chosen td { background-image: linear-gradient(#eaf1fb, #eaf1fb); font-weight: 600; }
tr.chosen td.g-green, tr.chosen td.g-amber, tr.chosen td.g-red { background-image: none; }
.badge { display: inline-block; font-size: 11px; padding: 0 .45em; border-radius: 8px; margin-right: .3em; white-space: nowrap; }
.badge.chosen { background: #3f6fb0; color: white; } .badge.infeasible { background: #f5d0cc; color: #7a1d14; }
.badge.violation { background: ${gradeColours.red}; color: white; } .badge.estimated { background: #f8e7c1; color: #5a4300; }
.badge.green { background: #dcefdf; } .badge.amber { background: #f8e7c1; } .badge.red { background: #f5d0cc; color: #7a1d14; }
.meta { color: #555; } .note { color: #555; font-size: 12.5px; max-width: 70em; }
figure.chart { margin: .5em 0 1.2em; overflow-x: auto; } figure.chart svg { display: block; }
figcaption { color: #555; font-size: 12px; }
.scroll { overflow-x: auto; }
nav a { margin-right: 1em; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; } dl.facts dt { color: #555; } dl.facts dd { margin: 0; }
`;

/**
 * Wraps the report body in a complete, self-contained HTML document: inline CSS, no scripts, nothing fetched.
 *
 * @example
 *   writeFileSync('index.html', pageShell('Map validation', '<h1>…</h1>'));
 */
export function pageShell(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
