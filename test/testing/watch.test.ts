// `test --watch`: a change re-runs the scenarios that read the changed file, and only those.

import { execFileSync, spawn } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN_POLICY_DIR } from "../../src/scenario/load-policy.js";
import { discover } from "../../src/testing/discover.js";
import { policyChain } from "../../src/testing/references.js";
import { affected, dependencies, watchScenarios } from "../../src/testing/watch.js";
import { BIN } from "../helpers/cli.js";

let dir: string;
const scenario = (name: string, policy: string, extra = "") =>
  `name: ${name}\npolicy: ${policy}\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n${extra}expect:\n  - { day: 0, decision: approved }\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "credit-sim-watch-"));
  writeFileSync(join(dir, "a.yaml"), scenario("A", "default"));
  writeFileSync(
    join(dir, "b.yaml"),
    scenario("B", "default", "  - { day: 30, type: policy, use: tightened }\n"),
  );
  writeFileSync(join(dir, "c.yaml"), scenario("C", "default"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("watch: what a change affects", () => {
  it("maps scenario and policy files (with `extends` and `policy` events) to the scenarios reading them", () => {
    // a file may name policies in its own folder or below
    const policies = join(dir, "policies");
    mkdirSync(policies);
    writeFileSync(join(policies, "strict.yaml"), "name: strict\nextends: tightened\nminScore: 700\n");
    writeFileSync(join(dir, "a.yaml"), scenario("A", "policies/strict.yaml"));
    const deps = dependencies(discover(["a", "b", "c"].map((n) => join(dir, `${n}.yaml`))), []);
    const a = join(dir, "a.yaml");
    const b = join(dir, "b.yaml");
    const c = join(dir, "c.yaml");
    const builtin = (n: string) => join(BUILTIN_POLICY_DIR, `${n}.yaml`);
    expect(affected([a], deps)).toEqual({ kind: "some", files: [a] });
    expect(affected([join(policies, "strict.yaml")], deps)).toEqual({ kind: "some", files: [a] });
    expect(affected([builtin("tightened")], deps)).toEqual({ kind: "some", files: [a, b] });
    expect(affected([builtin("default")], deps)).toEqual({ kind: "some", files: [a, b, c] });
    expect(affected([join(dir, "persona.yaml")], deps)).toEqual({ kind: "all" });
  });

  it("a policy file found among the scenarios re-runs those that use it, not itself", () => {
    const policies = join(dir, "policies");
    mkdirSync(policies);
    const strict = join(policies, "strict.yaml");
    writeFileSync(strict, "name: strict\nextends: default\nminScore: 650\n");
    writeFileSync(join(dir, "a.yaml"), scenario("A", "policies/strict.yaml"));
    // the folder's search finds the policy file too: `test` leaves it out of the run
    const deps = dependencies(discover([dir]), []);
    expect(affected([strict], deps)).toEqual({ kind: "some", files: [join(dir, "a.yaml")] });
  });

  /** The rounds watchScenarios runs over `dir` until `rounds` are in (`edit` first saves a file, once the
   *  first round is in; `onRound` is each round, after it is counted): the files and changes of each. */
  async function watchRounds(
    rounds: number,
    edit: () => void,
    onRound: (n: number) => void = () => {},
    o: { paths?: string[]; roots?: string[] } = {},
  ) {
    const runs: Array<{ files: string[] | "all"; changed: string[] }> = [];
    const stop = new AbortController();
    const done = watchScenarios(
      o.paths ?? [dir],
      async (files, changed) => {
        runs.push({ files, changed });
        onRound(runs.length);
      },
      { signal: stop.signal, debounceMs: 30, roots: o.roots ?? [] },
    );
    try {
      await until(() => runs.length === 1);
      edit();
      await until(() => runs.length === rounds);
    } finally {
      stop.abort();
      await done;
    }
    return runs;
  }
  const save = (file: string, name: string, text: string) =>
    writeFileSync(join(dir, file), scenario(name, "default", `  - { day: 3, type: note, text: ${text} }\n`));

  it("re-runs the changed scenario when its file is saved", async () => {
    const runs = await watchRounds(2, () => save("c.yaml", "C", "edited"));
    expect(runs[0]).toEqual({ files: "all", changed: [] });
    expect(runs[1]).toEqual({ files: [join(dir, "c.yaml")], changed: [join(dir, "c.yaml")] });
  });

  it("sees a file saved as a round ends, right after its 'watching …'", async () => {
    // the save lands before the loop turns again: the watchers were once closed and made again just then
    // (a changed scenario may use another policy), and the change was lost with the old ones
    const runs = await watchRounds(
      3,
      () => save("c.yaml", "C", "edited"),
      (n) => n === 2 && save("a.yaml", "A", "saved"),
    );
    expect(runs[2]).toEqual({ files: [join(dir, "a.yaml")], changed: [join(dir, "a.yaml")] });
  });

  /** A watched folder suite/ whose scenario a.yaml uses strict.yaml in the folder `folder` beside it. */
  const policiesBeside = (folder: string) => {
    const suite = join(dir, "suite");
    const policies = join(dir, folder);
    mkdirSync(suite);
    mkdirSync(policies);
    const strict = join(policies, "strict.yaml");
    writeFileSync(strict, "name: strict\nextends: default\nminScore: 650\n");
    writeFileSync(join(suite, "a.yaml"), scenario("A", `../${folder}/strict.yaml`));
    return { suite, policies, strict, o: { paths: [suite], roots: [policies] } };
  };

  it("sees a policy in a folder next to the watched one whose name begins with the watched one's", async () => {
    // suite-policies/ starts with the text of suite/: it was taken for a folder inside it, watched
    // already, and nothing watched it — a change to its policy re-ran nothing
    const { suite, strict, o } = policiesBeside("suite-policies");
    const runs = await watchRounds(
      2,
      () => writeFileSync(strict, "name: strict\nextends: default\nminScore: 700\n"),
      () => {},
      o,
    );
    expect(runs[1]).toEqual({ files: [join(suite, "a.yaml")], changed: [strict] });
  });

  it("a policy file that was no file a scenario could read, made one, re-runs the scenarios naming it", async () => {
    // a pipe where b.yaml's policy is: b's policy was no file to depend on, and the pipe was found as a
    // file of its own; made a policy file, the change re-ran it alone ("only policy files were found")
    // and not b, which now reads it
    const policies = join(dir, "policies");
    mkdirSync(policies);
    const p = join(policies, "p.yaml");
    execFileSync("mkfifo", [p]);
    writeFileSync(join(dir, "b.yaml"), scenario("B", "policies/p.yaml"));
    const runs = await watchRounds(2, () => {
      rmSync(p);
      writeFileSync(p, "name: p\nextends: default\n");
    });
    expect(runs[1]).toEqual({ files: [join(dir, "b.yaml")], changed: [p] });
  });

  describe("a policy folder outside the watched one", () => {
    it("removed, then made again: both re-run the scenarios that use its policies", async () => {
      // once gone, nothing watched it: made again, its policy was never read, and the run went on
      // saying the policy file was missing
      const { suite, policies, strict, o } = policiesBeside("policies");
      const runs = await watchRounds(
        3,
        () => rmSync(policies, { recursive: true }),
        (n) => {
          if (n !== 2) return;
          mkdirSync(policies);
          writeFileSync(strict, "name: strict\nextends: default\nminScore: 700\n");
        },
        o,
      );
      expect(runs[1]?.files).toEqual([join(suite, "a.yaml")]);
      expect(runs[2]).toEqual({ files: [join(suite, "a.yaml")], changed: [strict] });
    });

    it("renamed away: re-runs the scenarios that use its policies", async () => {
      // its watcher follows the folder to its new name, and told of the move under the folder's own
      // name (no file of it), the change was dropped
      const { suite, policies, strict, o } = policiesBeside("policies");
      const runs = await watchRounds(
        2,
        () => renameSync(policies, join(dir, "gone")),
        () => {},
        o,
      );
      expect(runs[1]).toEqual({ files: [join(suite, "a.yaml")], changed: [strict] });
    });
  });
});

describe("watch: its report files", () => {
  it("each round replaces the reports the last wrote, of every reporter, failing or passing", async () => {
    const out = mkdtempSync(join(tmpdir(), "credit-sim-watch-out-"));
    const files = { pretty: "r.txt", json: "r.json", junit: "r.xml", github: "r.github", html: "r.html" };
    const w = watching([
      dir,
      "--reporter",
      Object.keys(files).join(","),
      "--output-file",
      Object.entries(files)
        .map(([r, f]) => `${r}=${join(out, f)}`)
        .join(","),
    ]);
    const rounds = (n: number) => () => w.out.split("watching ").length - 1 >= n || w.exited;
    try {
      // (¥3,000 asked of a thin file is approved lower: every scenario fails its expectation)
      await until(rounds(1));
      expect(readFileSync(join(out, files.github), "utf8")).toMatch(/^::error /);
      // a passing round: the workflow commands give way to an empty file…
      writeFileSync(join(dir, "c.yaml"), scenario("C", "default").replace("3000", "1000"));
      await until(rounds(2));
      expect(readFileSync(join(out, files.github), "utf8")).toBe("");
      expect(readFileSync(join(out, files.junit), "utf8")).toMatch(/failures="0"/);
      // …and a failing one fills it again
      writeFileSync(join(dir, "c.yaml"), scenario("C", "default"));
      await until(rounds(3));
    } finally {
      w.child.kill("SIGINT");
    }
    try {
      expect(w.err).toBe("");
      expect(readFileSync(join(out, files.github), "utf8")).toMatch(/^::error /);
      expect(readFileSync(join(out, files.junit), "utf8")).toMatch(/failures="1"/);
      expect(readFileSync(join(out, files.pretty), "utf8")).toMatch(/^ ✗ .*c\.yaml/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("watch: Ctrl-C", () => {
  it("ends a watch whose report went into folders it made as any other: exit 0, the report kept", async () => {
    // the folders made for an output were guarded until the command's end, and the guard's handler ended
    // the watch by the signal (round 15's cleanup, a reviewer's find)
    const out = mkdtempSync(join(tmpdir(), "credit-sim-watch-ctrlc-"));
    const w = watching([
      dir,
      "--reporter",
      "junit",
      "--output-file",
      `junit=${join(out, "new", "deeper", "r.xml")}`,
    ]);
    try {
      await until(() => w.out.includes("watching ") || w.exited);
    } finally {
      w.child.kill("SIGINT");
    }
    try {
      await until(() => w.exited);
      expect(w.ended).toEqual({ code: 0, signal: null });
      expect(readFileSync(join(out, "new", "deeper", "r.xml"), "utf8")).toMatch(/<testsuites/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("watch: hostile files", () => {
  it("follows a policy's `extends` no further than the loader would: not out of the folder tree", () => {
    const inner = join(dir, "inner");
    mkdirSync(join(inner, "policies"), { recursive: true });
    writeFileSync(join(dir, "outside.yaml"), "name: outside\nminScore: 700\n");
    // changed after the scenario loaded: it now leads out of the scenario's folder
    writeFileSync(join(inner, "policies/p.yaml"), "name: p\nextends: ../../outside.yaml\n");
    const from = join(inner, "s.yaml");
    expect(policyChain("policies/p.yaml", inner, from, [])).toEqual([join(inner, "policies/p.yaml")]);
    // …unless the roots allow where it leads, as they allow the loader
    expect(policyChain("policies/p.yaml", inner, from, [dir])).toEqual([
      join(inner, "policies/p.yaml"),
      join(dir, "outside.yaml"),
    ]);
  });

  it("shows a changed file's name terminal-safe", async () => {
    const w = watching([dir]);
    try {
      await until(() => w.out.includes("watching"));
      writeFileSync(join(dir, "evil\u001b[2J\u001b]8;;x\u0007.txt"), "");
      await until(() => w.out.includes("changed:"));
    } finally {
      w.child.kill("SIGINT");
    }
    const { out } = w;
    expect(out).toContain("evil\\x1b[2J\\x1b]8;;x\\x07.txt");
    expect(out).not.toContain("\u001b");
  });

  it.runIf(process.platform !== "win32")(
    "a link that loops, made in a watched folder, is a change like another: the watch goes on",
    async () => {
      // the recursive watcher looks up each new entry through its links: a link to itself failed that
      // (ELOOP) and the watcher's 'error' event, unhandled, ended the command with a stack trace; the
      // folder is searched again (without following links, as ever) and watched on
      const w = watching([dir]);
      try {
        await until(() => w.out.includes("watching"));
        symlinkSync("loop.yaml", join(dir, "loop.yaml"));
        await until(() => /changed: [^\n]*loop\.yaml/.test(w.out) || w.exited);
        writeFileSync(
          join(dir, "c.yaml"),
          scenario("C", "default", "  - { day: 3, type: note, text: edited }\n"),
        );
        await until(() => /changed: [^\n]*c\.yaml/.test(w.out) || w.exited);
      } finally {
        w.child.kill("SIGINT");
      }
      expect(w.err).not.toMatch(/Unhandled|\n\s+at /);
      expect(w.out).toMatch(/changed: [^\n]*c\.yaml/);
      expect(w.exited).toBe(false);
    },
  );

  it.runIf(process.platform !== "win32")(
    "the watched folder removed, then made again: said, and watched again, never a stack trace",
    async () => {
      // a checkout switched to a branch without the folder: watching it again threw ENOENT out of the
      // watch loop, and the command ended with the system's stack trace
      const suite = join(dir, "suite");
      mkdirSync(suite);
      writeFileSync(join(suite, "a.yaml"), scenario("A", "default"));
      const w = watching(["suite"], dir);
      try {
        await until(() => w.out.includes("watching"));
        rmSync(suite, { recursive: true });
        await until(() => w.err.includes("suite") || w.exited);
        mkdirSync(suite);
        writeFileSync(join(suite, "b.yaml"), scenario("Bee", "default"));
        await until(() => w.out.includes("Bee") || w.exited);
      } finally {
        w.child.kill("SIGINT");
      }
      expect(w.err).not.toMatch(/\n\s+at |node:/);
      expect(w.err).toMatch(/credit-sim: suite: /);
      expect(w.out).toContain("suite/b.yaml › Bee");
      expect(w.exited).toBe(false);
    },
  );
});

/** `credit-sim test PATHS --no-snapshots --watch` in a process of its own, what it writes and whether it
 *  ended read as they come. */
function watching(paths: string[], cwd?: string) {
  const child = spawn(process.execPath, [BIN, "test", ...paths, "--no-snapshots", "--watch"], {
    ...(cwd !== undefined ? { cwd } : {}),
    // not under CI, where --watch runs once
    env: { ...process.env, NO_COLOR: "1", CI: "" },
  });
  const w = {
    child,
    out: "",
    err: "",
    exited: false,
    ended: null as { code: number | null; signal: NodeJS.Signals | null } | null,
  };
  child.stdout.on("data", (d) => {
    w.out += String(d);
  });
  child.stderr.on("data", (d) => {
    w.err += String(d);
  });
  child.on("exit", (code, signal) => {
    w.exited = true;
    w.ended = { code, signal };
  });
  return w;
}

// A hang guard, not a timing: a round of a spawned CLI can take several seconds on a loaded host; three
// rounds of 15 s stay within the test's 60 s.
async function until(ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
