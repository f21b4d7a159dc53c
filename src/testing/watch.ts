// `credit-sim test --watch`: which scenarios a changed file affects, and the loop that watches the files.
// A scenario depends on its own file and on the policy files it uses — its `policy`, the `use` of its
// `policy` events, and whatever those `extends`. A change to a scenario re-runs it; to a policy, the
// scenarios that use it; to any other file under a watched folder (a persona, a new file), everything.

import { existsSync, type FSWatcher, watch } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { loadScenario } from "../scenario/load.js";
import { policyPath } from "../scenario/load-policy.js";
import { readInputFile } from "../scenario/read.js";
import { discover, type ScenarioFile } from "./discover.js";

/** file (absolute) → the scenario files (absolute) that read it, themselves included */
export type DependencyMap = Map<string, Set<string>>;

/** The policy files a reference leads to: the file and its `extends` chain (cycles and errors stop it;
 *  the run itself reports them). `from`, the file that names `ref`: each reference is held to the rules
 *  the loader holds it to — in its file's folder tree, read within the size cap — so a file changed
 *  since it loaded leads the watch nowhere else. */
export function policyChain(ref: string, baseDir: string, from?: string): string[] {
  const out: string[] = [];
  let next: { ref: string; dir: string; from: string | undefined } | null = { ref, dir: baseDir, from };
  while (next) {
    let file: string;
    try {
      file = policyPath(next.ref, next.dir, next.from);
    } catch {
      break;
    }
    if (out.includes(file)) break;
    out.push(file);
    let parent: unknown;
    try {
      parent = (parse(readInputFile(file, "policy")) as { extends?: unknown } | null)?.extends;
    } catch {
      break;
    }
    next = typeof parent === "string" ? { ref: parent, dir: dirname(file), from: file } : null;
  }
  return out;
}

/** What each scenario file reads. A file that does not load depends on itself only. */
export function dependencies(files: readonly ScenarioFile[]): DependencyMap {
  const deps: DependencyMap = new Map();
  const add = (file: string, scenario: string) => {
    const set = deps.get(file) ?? new Set<string>();
    set.add(scenario);
    deps.set(file, set);
  };
  for (const f of files) {
    add(f.path, f.path);
    let refs: string[];
    try {
      const { written } = loadScenario(f.path);
      refs = [
        written.policy,
        ...written.events.flatMap((e) => (e.type === "policy" && e.use ? [e.use] : [])),
      ];
    } catch {
      continue;
    }
    for (const ref of new Set(refs))
      for (const p of policyChain(ref, dirname(f.path), f.path)) add(p, f.path);
  }
  return deps;
}

export type Affected = { kind: "some"; files: string[] } | { kind: "all" };

/** The scenarios to re-run after `changed` (absolute paths). */
export function affected(changed: readonly string[], deps: DependencyMap): Affected {
  const files = new Set<string>();
  for (const c of changed) {
    const users = deps.get(resolve(c));
    if (!users) return { kind: "all" };
    for (const u of users) files.add(u);
  }
  return { kind: "some", files: [...files].sort() };
}

export interface WatchOptions {
  /** quiet time before a burst of changes is acted on */
  debounceMs?: number;
  cwd?: string;
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
  const roots = (paths.length ? paths : ["scenarios/"])
    .map((p) => resolve(cwd, p))
    .filter((p) => existsSync(p));
  let deps = dependencies(discover(paths, cwd));
  let watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> = Promise.resolve();

  const rewatch = () => {
    for (const w of watchers) w.close();
    const dirs = new Set<string>(roots);
    // policy files outside the watched folders (the shipped ones, a shared policies/ folder)
    for (const file of deps.keys()) if (!roots.some((r) => file.startsWith(r))) dirs.add(dirname(file));
    watchers = [...dirs].map((dir) =>
      watch(dir, { recursive: roots.includes(dir) }, (_event, name) => {
        if (!name || /(^|[/\\])(__snapshots__|node_modules|\.)/.test(String(name))) return;
        const file = resolve(dir, String(name));
        // outside the roots only the policy files matter
        if (!roots.includes(dir) && !deps.has(file)) return;
        pending.add(file);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, o.debounceMs ?? 120);
      }),
    );
  };

  const flush = () => {
    const changed = [...pending].sort();
    pending = new Set();
    busy = busy.then(async () => {
      const which = affected(changed, deps);
      // a new or deleted file changes the set of scenarios: rediscover
      if (which.kind === "all" || changed.some((c) => !existsSync(c))) {
        try {
          deps = dependencies(discover(paths, cwd));
        } catch {
          // the folder lost its last scenario: the run below reports it
        }
        rewatch();
      }
      const still = which.kind === "some" ? which.files.filter((f) => existsSync(f)) : [];
      await run(which.kind === "all" || still.length === 0 ? "all" : still, changed);
      if (which.kind === "some") {
        // a scenario may now use another policy
        deps = dependencies(discover(paths, cwd));
        rewatch();
      }
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
