// Fails when custom-elements.json is not what `npm run analyze` generates from the current JSDoc.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const outdir = '.test-results/cem'; // the analyzer resolves --outdir against the working directory
rmSync(outdir, { recursive: true, force: true });
execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', outdir], { stdio: 'inherit' });
if (readFileSync(`${outdir}/custom-elements.json`, 'utf8') !== readFileSync('custom-elements.json', 'utf8')) {
  console.error('custom-elements.json is out of date: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
