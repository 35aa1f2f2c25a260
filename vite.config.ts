import { defineConfig } from 'vite';
import { createMockMetronome } from './demo/mock/metronome.js';
import { connectMiddleware } from './demo/mock/mount.js';

/**
 * `npm start`: the demo (demo/), with the mock Metronome under /mock.
 * `vite build`: the self-contained bundle dist/credit-balance.bundle.js (tsc writes the ES modules).
 */
export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173 },
  plugins: [
    {
      name: 'credit-balance-demo-backend',
      configureServer(server) {
        const mock = createMockMetronome({ basePath: '/mock' });
        server.middlewares.use(connectMiddleware('/mock', mock.handle));
      },
    },
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: false,
    target: 'es2022',
    // Library mode leaves ES output unminified; the script-tag bundle is for browsers, so minify it fully.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: new URL('./src/index.ts', import.meta.url).pathname,
      formats: ['es'],
      fileName: () => 'credit-balance.bundle.js',
    },
  },
});
