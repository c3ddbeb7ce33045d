import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of plancorpus' own package.json, found by walking up from this module: the same answer
 * from the source tree (core/) and from the compiled one (dist/core/), so data files are found by
 * their path in the package, never by counting `../`.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string };
      if (pkg.name === 'plancorpus') return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('plancorpus: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

/** A file shipped with the package, by its path in the package (e.g. `data/gazetteer.json`). */
export function packageFile(rel: string): string {
  const file = join(PACKAGE_ROOT, rel);
  if (!existsSync(file)) throw new Error(`plancorpus: ${rel} not found in ${PACKAGE_ROOT}`);
  return file;
}
