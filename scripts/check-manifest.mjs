// Fails when custom-elements.json, or the framework typings' attributes generated from it, is not what
// `npm run analyze` generates from the current declarations and JSDoc.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { FILE, attributesModule } from './framework-attributes.mjs';

const outdir = '.test-results/cem'; // the analyzer resolves --outdir against the working directory
rmSync(outdir, { recursive: true, force: true });
execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', outdir], { stdio: 'inherit' });
if (readFileSync(`${outdir}/custom-elements.json`, 'utf8') !== readFileSync('custom-elements.json', 'utf8')) {
  console.error('custom-elements.json is out of date: run `npm run analyze` and commit the result.');
  process.exit(1);
}
if (attributesModule(JSON.parse(readFileSync('custom-elements.json', 'utf8'))) !== readFileSync(FILE, 'utf8')) {
  console.error(`${FILE} is out of date: run \`npm run analyze\` and commit the result.`);
  process.exit(1);
}
console.log(`custom-elements.json and ${FILE} are up to date.`);
