import { readFile } from 'node:fs/promises';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import { type Plugin, defineConfig } from 'vite';
import { createDemoBackend } from './demo/backend.js';
import { connectMiddleware } from './demo/mock/mount.js';

/** The script-tag bundle's file name: what its chunks would import it by. */
const BUNDLE = 'credit-balance.bundle.js';

/**
 * An asset pipeline (Rails, Django, Phoenix) may serve the bundle under another name, with a digest in it: a chunk
 * that imported it by its name would make the browser fetch and run a second copy, after the token request. So
 * the entry records the URL it runs from, and each chunk takes what it shares with the entry from that URL: the
 * module the page already runs, never fetched again. One key serves every build: a page defines
 * `<credit-balance>` once, so only one entry's chunks ever load. A chunk's text depends on nothing but its own
 * code (its name's digest stays true).
 */
function chunksUseTheRunningEntry(): Plugin {
  return {
    name: 'credit-balance-chunks-use-the-running-entry',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = bundle[BUNDLE];
      if (entry?.type !== 'chunk') return;
      const key = 'globalThis[Symbol.for("credit-balance.bundle")]';
      entry.code += `${key}??=import.meta.url;`;
      const byName = new RegExp(String.raw`import\{([^}]*)\}from"\.\./${BUNDLE.replaceAll('.', '\\.')}";`);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk === entry || !chunk.imports.includes(BUNDLE)) continue;
        const imported = byName.exec(chunk.code);
        if (!imported) throw new Error(`${chunk.fileName} imports ${BUNDLE} in a form this build does not rewrite.`);
        const bindings = imported[1]!.replaceAll(' as ', ':');
        chunk.code = chunk.code.replace(imported[0], `const{${bindings}}=await import(${key});`);
        if (chunk.code.includes(BUNDLE)) throw new Error(`${chunk.fileName} still names ${BUNDLE}.`);
      }
    },
  };
}

/**
 * The script-tag bundle starts with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136 and
 * later; other engines read a comment): nearly all of it runs before the first credits are painted, so the engine
 * compiles it while it downloads, on a background thread, instead of each function on the main thread the first
 * time it runs (about 30 ms of a new tab's, half of it after the token's answer). A chunk is not hinted, nor the
 * single-file variant: they hold what only some pages run, which would be compiled for nothing. It must be the
 * file's first line, so it is added after the minifier.
 */
function compiledWhileDownloading(): Plugin {
  return {
    name: 'credit-balance-compiled-while-downloading',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = bundle[BUNDLE];
      if (entry?.type === 'chunk') entry.code = `//# allFunctionsCalledOnLoad\n${entry.code}`;
    },
  };
}

/**
 * `npm start`: the demo (demo/), with the server companion and the mock Metronome behind it (demo/backend.ts).
 * `vite build`: the self-contained bundle dist/credit-balance.bundle.js (tsc writes the ES modules).
 */
export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173 },
  plugins: [
    // The bundle's html`` and css`` templates without their indentation (build only).
    { ...literalsHtmlCssMinifier(), apply: 'build' },
    chunksUseTheRunningEntry(),
    compiledWhileDownloading(),
    {
      name: 'credit-balance-demo-backend',
      configureServer(server) {
        // demo/cdn.html loads the built bundle, /dist/credit-balance.bundle.js, and the bundle its chunks from
        // /dist/credit-balance/ (after `npm run build`).
        server.middlewares.use('/dist', (req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          if (!/^\/credit-balance(\.bundle|\/[\w-]+)\.js$/.test(path)) return next();
          readFile(new URL(`./dist${path}`, import.meta.url)).then(
            (code) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(code),
            () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Run `npm run build` first.'),
          );
        });
        const backend = createDemoBackend();
        for (const { prefix, handler } of backend.routes) server.middlewares.use(connectMiddleware(prefix, handler));
        server.config.logger.info(
          `  credit-balance: the companion reads ${backend.mode === 'mock' ? 'the built-in mock Metronome' : 'Metronome'}`,
        );
      },
    },
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: false,
    target: 'es2022',
    // Library mode leaves ES output unminified; the script-tag bundle is for browsers, so minify it fully.
    // What only some pages need (other languages, grants, history) goes into chunks in credit-balance/ beside
    // the entry, which finds them relative to its own URL (import.meta.url).
    // The entry may export what its chunks share with it, so shared code stays in the entry: one request.
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: [
        { chunkFileNames: 'credit-balance/[name]-[hash].js' },
        // For pipelines that rename the chunks too: one file with every language and feature in it.
        { codeSplitting: false, entryFileNames: 'credit-balance.single.js' },
      ],
    },
    // terser with its safe options only: three passes over an ES module.
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3 } },
    lib: {
      entry: new URL('./src/index.ts', import.meta.url).pathname,
      formats: ['es'],
      fileName: () => BUNDLE,
    },
  },
});
