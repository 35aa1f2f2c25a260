// Built by the toolchains' `vite build` (test/e2e/frameworks.test.ts).
export default { logLevel: 'error', build: { outDir: 'dist', emptyOutDir: true } };
