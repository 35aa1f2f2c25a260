// Built by the toolchains' `vite build` (test/e2e/frameworks.test.ts): both pages, the element defined before
// Svelte mounts (index.html) and after (late.html).
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default {
  logLevel: 'error',
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true, rolldownOptions: { input: ['index.html', 'late.html'] } },
};
