/**
 * A glossary folder read from a local disk (the CLI, the build step, the benchmark and the unit
 * tests; the extension reads its own through VS Code's file system): every glossary file in it,
 * enumerated (never a list of names, so a new domain file is picked up), in name order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGlossaryFileName, type GlossaryFile } from '../core/glossary/load';

/** The files' bytes; `pathOf` says how each is named in messages and as its entries' source. */
export function readGlossaryFolder(
  dir: string,
  pathOf: (name: string) => string = (n) => join(dir, n),
): GlossaryFile[] {
  return readdirSync(dir)
    .filter(isGlossaryFileName)
    .sort()
    .map((name) => ({ path: pathOf(name), bytes: readFileSync(join(dir, name)) }));
}
