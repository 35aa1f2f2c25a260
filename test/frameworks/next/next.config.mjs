// The test runs this app from .test-apps/next, where Next.js itself comes from the repository's node_modules
// two folders up: that is the workspace root (an app of its own needs no config).
import { fileURLToPath } from 'node:url';

export default { turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) } };
