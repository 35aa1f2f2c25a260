// Built by the toolchains' `vite build` (test/e2e/frameworks.test.ts). The build of Vue that compiles templates in
// the browser: the app's template is a string.
export default {
  logLevel: 'error',
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  build: { outDir: 'dist', emptyOutDir: true },
};
