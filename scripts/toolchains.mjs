// Part of `npm run test:node`, before the tests: the end-to-end tests' toolchains (Angular, Next.js, Vite with
// Svelte's plugin, React, Vue, Deno, workerd: test/frameworks/toolchains/package.json), installed apart from the
// repository's dependencies, so that `npm install` for the widget fetches none of them. Installed once per
// machine into .test-toolchains/ (npm ci from the committed lockfile), and again only when that lockfile changes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = 'test/frameworks/toolchains';
const target = '.test-toolchains';
const stamp = join(target, 'installed-from.lock.json');
const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');

if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && existsSync(join(target, 'node_modules')))) {
  console.log(`Installing the end-to-end tests' toolchains into ${target}/ (${source}/package.json)…`);
  mkdirSync(target, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(source, file), join(target, file));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: target,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  writeFileSync(stamp, lock);
}
