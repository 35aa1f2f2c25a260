/** `npm run analyze`: custom-elements.json from the element's JSDoc (never written by hand). */
export default {
  globs: ['src/credit-balance.ts', 'src/events.ts'],
  outdir: '.',
  // package.json names ./custom-elements.json itself; the staleness check's --outdir must not rewrite it.
  packagejson: false,
  litelement: true,
  plugins: [
    {
      // The analyzer also lists each `dispatchEvent(new SomeEvent(…))` it finds, without a name; the JSDoc
      // `@event` tags already describe every event, by name.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
