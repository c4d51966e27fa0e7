// @custom-elements-manifest/analyzer: the widget's public element, described from its JSDoc, into
// dist/widget/custom-elements.json (npm run build:widget runs it; the server serves it at /custom-elements.json).
// Only <book-services> is analysed: its step elements are internal, and their events never leave its shadow root.

/**
 * Keeps the manifest to the public API: private members go, and so does the event the analyzer infers from the
 * element's generic `fire(type, …)` helper; the events listed are those the class documents with `@event`. The
 * element is registered through `define()` (which tolerates a second copy of the script), so the analyzer cannot
 * see the registration: the definition export is added from the class's `@tagname`.
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => m.privacy !== 'private');
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.description);
          if (!declaration.customElement || !declaration.tagName) continue;
          mod.exports ??= [];
          if (!mod.exports.some((e) => e.kind === 'custom-element-definition' && e.name === declaration.tagName)) {
            mod.exports.push({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: mod.path },
            });
          }
        }
      }
    },
  };
}

export default {
  globs: ['widget/book-services/book-services.ts'],
  outdir: 'dist/widget',
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly()],
};
