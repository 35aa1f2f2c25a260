// Part of `npm run build`: what a host's editor reads to complete <credit-balance>'s attributes, their values,
// its events, parts and custom properties, generated from custom-elements.json (itself from the JSDoc):
// VS Code's HTML and CSS custom data (dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json) and
// JetBrains' web-types (dist/web-types.json, which package.json's "web-types" names).
import { readFileSync, writeFileSync } from 'node:fs';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const options = { descriptionSrc: 'summary', hideLogs: true };

writeFileSync('dist/vscode.html-custom-data.json', getVsCodeHtmlCustomData(manifest, options));
writeFileSync('dist/vscode.css-custom-data.json', getVsCodeCssCustomData(manifest, options));
const webTypes = JSON.parse(getWebTypesData(manifest, { ...options, packageJson: false }));
writeFileSync('dist/web-types.json', JSON.stringify({ ...webTypes, name, version }, null, 2));
