/** `npm run analyze`: custom-elements.json from the element's JSDoc (never written by hand). */
export default {
  globs: ['src/credit-balance.ts', 'src/events.ts'],
  outdir: '.',
  // package.json names ./custom-elements.json itself; the staleness check's --outdir must not rewrite it.
  packagejson: false,
  litelement: true,
  plugins: [
    {
      // The analyzer also lists each `dispatchEvent(new SomeEvent(arg))` it finds, named after the argument
      // (`new CreditBalanceErrorEvent(error)` becomes an event "error"); the JSDoc `@event` tags describe
      // every event the element dispatches, by the name listeners use, so only those stay.
      name: 'documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
          }
        }
      },
    },
    {
      // The manifest is the public contract: no private or protected members (`#fields`, `update()`), and
      // nothing a module does not export.
      name: 'public-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          const exported = new Set((module.exports ?? []).map((e) => e.declaration?.name ?? e.name));
          module.declarations = (module.declarations ?? []).filter((declaration) => exported.has(declaration.name));
          for (const declaration of module.declarations) {
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (member) => !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public',
              );
            }
          }
        }
      },
    },
  ],
};
