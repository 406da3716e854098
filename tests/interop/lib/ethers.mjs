// SPDX-License-Identifier: MIT
// Loads ethers from tests/interop/node_modules, failing with a clear instruction when the
// dependencies were not installed. A static `import 'ethers'` would fail at link time with a bare
// ERR_MODULE_NOT_FOUND; this dynamic import turns that into a test failure that says what to do.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const interopDir = fileURLToPath(new URL('..', import.meta.url));
const modulesDir = fileURLToPath(new URL('../node_modules/ethers', import.meta.url));

if (!existsSync(modulesDir)) {
  throw new Error(
    `ethers is not installed: ${modulesDir} is missing. ` +
      `Run \`npm ci\` in ${interopDir} (the project's test script does this) and re-run the tests.`,
  );
}

const mod = await import('ethers');
/** The ethers v6 namespace (`ethers.TypedDataEncoder`, `ethers.Wallet`, ...). */
export const ethers = mod.ethers;
