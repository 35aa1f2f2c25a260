// Where the end-to-end tests find their toolchains (installed by scripts/toolchains.mjs, before the Node tests):
// the framework apps are built inside that folder, so that each framework resolves from its install.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLCHAINS = fileURLToPath(new URL('../../.test-toolchains/', import.meta.url));

/** `require` from the toolchains' install (Deno's and workerd's binaries). */
export const requireToolchain = createRequire(join(TOOLCHAINS, 'package.json'));
