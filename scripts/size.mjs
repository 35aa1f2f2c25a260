// `npm run size`: the JavaScript a page downloads before its first credits can be painted (the critical path)
// and each chunk loaded on demand, gzip -9, with what each dependency contributes to the critical path (the
// bundle rebuilt in memory without it). Exits 1 past the ceiling.
// Also writes .test-results/size.json for the benchmark report and for `npm test`.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * The critical path: what a page with the default configuration (English, source="credits", no ledgers)
 * downloads before its first credits can be painted. Other languages, grants and history are chunks beside
 * it, fetched alongside the token request by the pages that need them.
 */
const ENTRY = 'dist/credit-balance.bundle.js';
const CHUNKS = 'dist/credit-balance';
/** The target the critical path is pushed towards (bytes of gzip, Lit included): reported, not enforced. */
export const BUDGET = 16 * 1024;
/**
 * The fixed ceiling: past it `npm run size` (and so `npm test`) fails. No change raises it. Below it, plain code
 * wins over smaller code (README, "Size").
 */
export const CEILING = 25_600;
const gz = (code) => gzipSync(code, { level: 9 }).length;

const entry = readFileSync(ENTRY);
const critical = gz(entry);
const chunks = readdirSync(CHUNKS)
  .filter((file) => file.endsWith('.js'))
  .map((file) => ({ file: `${CHUNKS}/${file}`, bytes: gz(readFileSync(`${CHUNKS}/${file}`)) }))
  .sort((a, b) => a.file.localeCompare(b.file));

async function without(external) {
  const output = await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    build: { write: false, rolldownOptions: { external } },
  });
  const files = (Array.isArray(output) ? output[0] : output).output;
  return gz(files.find((file) => file.type === 'chunk' && file.isEntry).code);
}

const dependencies = {
  lit: [/^lit(\/|$)/, /^@lit\/reactive-element/, /^lit-html/, /^lit-element/],
  '@lit/task': [/^@lit\/task/],
  'date-fns': [/^date-fns/],
};
const rows = [];
let rest = critical;
for (const [name, external] of Object.entries(dependencies)) {
  const bytes = critical - (await without(external));
  rows.push([name, bytes]);
  rest -= bytes;
}
rows.push(['credit-balance itself', rest]);

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const row = (name, bytes) => `  ${name.padEnd(44)} ${String(bytes).padStart(6)} B  ${kb(bytes).padStart(9)}`;
console.log(`critical path: ${ENTRY}, gzip -9`);
for (const [name, bytes] of rows) console.log(row(name, bytes));
console.log(`${row('total', critical)}  (raw ${entry.length} B)`);
console.log('chunks on demand, each fetched alongside the token request by the pages that need it:');
for (const { file, bytes } of chunks) console.log(row(file.slice(CHUNKS.length + 1), bytes));
const over = critical - BUDGET;
console.log(
  over > 0 ? `over the target: ${kb(critical)} > ${kb(BUDGET)} by ${over} B` : `within the target: ${kb(critical)} ≤ ${kb(BUDGET)}`,
);
const grew = critical > CEILING;
console.log(grew ? `OVER THE CEILING: ${critical} B > ${CEILING} B` : `under the ceiling: ${critical} B ≤ ${CEILING} B`);

mkdirSync('.test-results', { recursive: true });
writeFileSync(
  '.test-results/size.json',
  JSON.stringify({ total: critical, raw: entry.length, budget: BUDGET, ceiling: CEILING, parts: Object.fromEntries(rows), chunks }),
);
process.exit(grew ? 1 : 0);
