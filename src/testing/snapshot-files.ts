// Where golden traces live — `<folder>/__snapshots__/<file>.trace` beside each scenario file — and the
// obsolete ones (no scenario file of that name any more). No heavy imports: the main thread uses this.

import { existsSync, readdirSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const SNAPSHOT_DIR = "__snapshots__";
const SNAPSHOT_EXT = ".trace";

export function snapshotPathFor(scenarioFile: string): string {
  return join(dirname(scenarioFile), SNAPSHOT_DIR, `${basename(scenarioFile)}${SNAPSHOT_EXT}`);
}

/** Golden traces in the `__snapshots__` folders of these folders whose scenario file is gone. */
export function findObsolete(folders: Iterable<string>): string[] {
  const found: string[] = [];
  for (const folder of new Set(folders)) {
    const dir = join(folder, SNAPSHOT_DIR);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.endsWith(SNAPSHOT_EXT)) continue;
      if (!existsSync(join(folder, name.slice(0, -SNAPSHOT_EXT.length)))) found.push(join(dir, name));
    }
  }
  return found;
}

export function removeSnapshot(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    // another shard may have removed it first
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}
