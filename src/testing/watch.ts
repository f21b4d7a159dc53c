// `credit-sim test --watch`: which scenarios a changed file affects, and the loop that watches the files.
// A scenario depends on its own file and on the policy files it uses — its `policy`, the `use` of its
// `policy` events, and whatever those `extends`. A change to a scenario re-runs it; to a policy, the
// scenarios that use it; to any other file under a watched folder (a persona, a new file), everything.

import { existsSync, type FSWatcher, realpathSync, statSync, watch } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { Roots } from "../scenario/builtin.js";
import { isPolicyFile } from "../scenario/load-policy.js";
import { discover, opensAsFile, type ScenarioFile } from "./discover.js";
import { namedPolicyFiles, type PolicyParents } from "./references.js";

/** file (absolute) → the scenario files (absolute) that read it, themselves included */
export type DependencyMap = Map<string, Set<string>>;

/** What each scenario file reads: itself and the policy files it names, loadable or not (`roots`: the
 *  folders CREDIT_SIM_ROOT allows their references into). */
export function dependencies(files: readonly ScenarioFile[], roots: Roots): DependencyMap {
  const deps: DependencyMap = new Map();
  const parents: PolicyParents = new Map();
  const add = (file: string, scenario: string) => {
    const set = deps.get(file) ?? new Set<string>();
    set.add(scenario);
    deps.set(file, set);
  };
  for (const f of files) {
    add(f.path, f.path);
    // a pipe found in the folder is never opened (reading it would wait on a writer), nor a folder the
    // search could not list
    if (opensAsFile(f)) for (const p of namedPolicyFiles(f.path, roots, parents)) add(p, f.path);
  }
  // a policy file found among the scenarios (suite/policies/strict.yaml) is left out of every run: no
  // scenario of its own to re-run, or the header would count one more than the run shows. Only a file
  // other scenarios name is looked at (loading each file again would double the work).
  for (const f of files) {
    const users = deps.get(f.path);
    if (users !== undefined && users.size > 1 && isPolicyFile(f.path, roots)) users.delete(f.path);
  }
  return deps;
}

export type Affected = { kind: "some"; files: string[] } | { kind: "all" };

/** The scenarios to re-run after `changed` (absolute paths): those that read a changed file before it
 *  changed (`deps`) and those that read it now (`now`, the files found again after the change), each
 *  one a scenario of its own now. A change may change what reads the file: a pipe where a policy was
 *  named is no file to depend on, and made a policy file, the scenarios naming it read it. */
export function affected(
  changed: readonly string[],
  deps: DependencyMap,
  now: DependencyMap = deps,
): Affected {
  const files = new Set<string>();
  for (const c of changed) {
    const file = resolve(c);
    const before = deps.get(file);
    const after = now.get(file);
    if (!before && !after) return { kind: "all" };
    for (const users of [before, after])
      for (const u of users ?? []) if (now.get(u)?.has(u) ?? false) files.add(u);
  }
  return { kind: "some", files: [...files].sort() };
}

/** Whether `file` is `root` or in it, below it (both absolute). */
function within(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** The real path of `path`, or of its nearest existing folder joined with the rest. */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrSelf(parent), basename(path));
  }
}

export interface WatchOptions {
  /** quiet time before a burst of changes is acted on */
  debounceMs?: number;
  cwd?: string;
  /** the folders besides a file's own that its policy references may lead into (CREDIT_SIM_ROOT) */
  roots?: Roots;
  /** files the run writes (its reports): changes to them are not changes to react to */
  ignore?: readonly string[];
  /** stops the loop */
  signal: AbortSignal;
}

/**
 * Watches the test paths (and the policy files their scenarios use) and calls `run` with the scenario
 * files to re-run and the files that changed; first with every file. Resolves when `signal` aborts.
 */
export async function watchScenarios(
  paths: readonly string[],
  run: (files: string[] | "all", changed: string[]) => Promise<void>,
  o: WatchOptions,
): Promise<void> {
  const cwd = o.cwd ?? process.cwd();
  // by real path: a report reached through a link changes the file the link leads to; the folders its
  // write makes are no change either
  // (resolved at each change: a link to a report not written yet leads somewhere only once it is)
  const ignored = (o.ignore ?? []).map((f) => resolve(cwd, f));
  const isIgnored = (file: string) => {
    const real = realOrSelf(file);
    for (const f of ignored.map(realOrSelf)) if (f === real || f.startsWith(`${real}${sep}`)) return true;
    return false;
  };
  const roots = (paths.length ? paths : ["scenarios/"])
    .map((p) => resolve(cwd, p))
    .filter((p) => existsSync(p));
  let deps = dependencies(discover(paths, cwd), o.roots ?? []);
  let watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> = Promise.resolve();

  // the new watchers are made before the old ones close: a change between the two is seen by one of them
  // (an event an old watcher had queued is lost with it, the new one's kernel watch already sees it)
  const rewatch = () => {
    const old = watchers;
    const dirs = new Set<string>(roots);
    // policy files outside the watched folders (the shipped ones, a shared policies/ folder) — by path,
    // not text: suite-policies/ begins with the text of suite/ and is no folder of it
    for (const file of deps.keys()) if (!roots.some((r) => within(file, r))) dirs.add(dirname(file));
    watchers = [...dirs].flatMap((dir) => {
      // a root may be one scenario file: its events name the file itself, not something inside it
      const st = statSync(dir, { throwIfNoEntry: false });
      // gone (a branch checked out without it): watching it threw ENOENT out of the loop, the command's
      // end with a stack trace; the folder above says when it is back (below)
      if (st === undefined) return [];
      const single = st.isFile();
      const watcher = watch(dir, { recursive: roots.includes(dir) && !single }, (_event, name) => {
        if (!name || /(^|[/\\])(__snapshots__|node_modules|\.)/.test(String(name))) return;
        const file = single ? dir : resolve(dir, String(name));
        // the run's own reports, written into a watched folder, are no change to react to
        if (ignored.length > 0 && isIgnored(file)) return;
        // outside the roots only the policy files matter
        if (!roots.includes(dir) && !deps.has(file)) return;
        changedNow(file);
      });
      // the watcher's own failure: watching a folder's tree, it looks up each new entry through its links,
      // and a link that loops (ELOOP) or an entry it may not read ended it with an 'error' event — unhandled,
      // the command's end with a stack trace. The folder changed: it is searched and watched again, and
      // the run says what is wrong with what is there.
      watcher.on("error", () => changedNow(dir));
      return [watcher];
    });
    for (const root of roots) {
      const guard = watchComingAndGoing(root, () => changedNow(root));
      if (guard !== null) watchers.push(guard);
    }
    // a policy folder outside them removed, renamed or made again changes the policies in it: its own
    // watcher follows it to a new name or ends with it, and nothing watched it once it was back
    for (const dir of dirs) {
      if (roots.includes(dir)) continue;
      const guard = watchComingAndGoing(dir, () => {
        for (const file of deps.keys()) if (dirname(file) === dir) changedNow(file);
      });
      if (guard !== null) watchers.push(guard);
    }
    for (const w of old) w.close();
  };

  // a root removed or made again is seen from the nearest folder above it that is there: a watcher of a
  // folder sees nothing of the folder's own removal, and nothing would watch it once it is back
  const watchComingAndGoing = (root: string, changed: () => void): FSWatcher | null => {
    let above = dirname(root);
    while (!existsSync(above) && dirname(above) !== above) above = dirname(above);
    if (above === root) return null;
    const first = join(above, relative(above, root).split(sep)[0] ?? "");
    const there = existsSync(first);
    try {
      const watcher = watch(above, (_event, name) => {
        if (name !== null && resolve(above, String(name)) === first && existsSync(first) !== there) changed();
      });
      watcher.on("error", changed);
      return watcher;
    } catch {
      return null;
    }
  };

  const changedNow = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, o.debounceMs ?? 120);
  };

  const rediscover = () => {
    try {
      deps = dependencies(discover(paths, cwd), o.roots ?? []);
    } catch {
      // the folder lost its last scenario, or is gone: the run reports it
    }
  };

  const flush = () => {
    const changed = [...pending].sort();
    pending = new Set();
    busy = busy.then(async () => {
      const before = deps;
      // a new or deleted file changes the set of scenarios, and a changed scenario may now use another
      // policy: found and watched again before the run — whose end says "watching …", so a file saved
      // right after that message is seen (done after the run, the watchers were closed and made again
      // just then, and a save in between was lost)
      rediscover();
      rewatch();
      const which = affected(changed, before, deps);
      const still = which.kind === "some" ? which.files.filter((f) => existsSync(f)) : [];
      await run(which.kind === "all" || still.length === 0 ? "all" : still, changed);
    });
  };

  rewatch();
  await run("all", []);
  await new Promise<void>((done) => {
    if (o.signal.aborted) done();
    o.signal.addEventListener("abort", () => done(), { once: true });
  });
  if (timer) clearTimeout(timer);
  for (const w of watchers) w.close();
  await busy;
}
