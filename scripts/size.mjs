// `npm run size`: the gzip size of dist/credit-balance.bundle.js against its budget, and what each
// dependency contributes (the bundle rebuilt in memory without it). Exits 1 over budget.
// Also writes .test-results/size.json for the benchmark report and for `npm test`, which fails when the
// bundle grows past CEILING.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const BUDGET = 16 * 1024; // bytes of gzip, Lit included (issue: "at most 16 KB gzip")
// The bundle is over BUDGET with every feature the issues name (README, "Size"). Until it is within it, this
// ratchet keeps it from growing unnoticed: the measured size plus a few hundred bytes for fixes. Lower it
// whenever the bundle shrinks; never raise it without saying in the commit what the bytes bought.
export const CEILING = 25_600;
const gz = (code) => gzipSync(code, { level: 9 }).length;

const bundle = readFileSync('dist/credit-balance.bundle.js');
const total = gz(bundle);

async function without(external) {
  const output = await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    build: { write: false, rolldownOptions: { external, output: { minify: true } } },
  });
  return gz((Array.isArray(output) ? output[0] : output).output[0].code);
}

const dependencies = {
  lit: [/^lit(\/|$)/, /^@lit\/reactive-element/, /^lit-html/, /^lit-element/],
  '@lit/task': [/^@lit\/task/],
  'date-fns': [/^date-fns/],
};
const rows = [];
let rest = total;
for (const [name, external] of Object.entries(dependencies)) {
  const bytes = total - (await without(external));
  rows.push([name, bytes]);
  rest -= bytes;
}
rows.push(['credit-balance itself', rest]);

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
console.log('dist/credit-balance.bundle.js, gzip -9');
for (const [name, bytes] of rows) console.log(`  ${name.padEnd(24)} ${String(bytes).padStart(6)} B  ${kb(bytes).padStart(9)}`);
console.log(`  ${'total'.padEnd(24)} ${String(total).padStart(6)} B  ${kb(total).padStart(9)}  (raw ${bundle.length} B)`);
const over = total - BUDGET;
console.log(over > 0 ? `OVER BUDGET: ${kb(total)} > ${kb(BUDGET)} by ${over} B` : `within budget: ${kb(total)} ≤ ${kb(BUDGET)}`);
if (total > CEILING) console.log(`GREW PAST THE CEILING: ${total} B > ${CEILING} B`);

mkdirSync('.test-results', { recursive: true });
writeFileSync('.test-results/size.json', JSON.stringify({ total, raw: bundle.length, budget: BUDGET, ceiling: CEILING, parts: Object.fromEntries(rows) }));
process.exit(over > 0 ? 1 : 0);
