/**
 * Which way `src/`'s imports point (`npm run lint` checks them): no cycle, type-only imports and `typeof
 * import()` included; the API side and the companion never reach into the view; `lib/` never into the element.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A cycle, type-only imports included, makes two modules one: move what both need into a third.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-and-server-not-view',
      comment: 'lib/api/ and the companion read and forward data; how it is shown (lib/view/) is none of theirs.',
      severity: 'error',
      from: { path: '^src/(lib/api|server)/' },
      to: { path: '^src/lib/view/' },
    },
    {
      name: 'lib-not-element',
      comment: 'lib/ is pure logic: it never imports the element, its templates or its controllers.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/[^/]+$' },
    },
    {
      name: 'server-not-widget',
      comment: 'The companion runs without a DOM: it takes nothing from the widget but lib/.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(?!server/|lib/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'node_modules' },
  },
};
