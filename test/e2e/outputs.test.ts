// @module-tag slow
// What only a process shows about outputs: a stdout that fails (a full disk), a reader that goes away,
// SIGINT / SIGTERM / SIGHUP during a write, and colour as chalk detects it in a real terminal.

import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cli, ROOT } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "credit-sim-e2e-outputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== "win32";
const leftovers = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));
const noInternalError = (stderr: string) =>
  expect(stderr).not.toMatch(/internal error|\n\s+at |node:internal/);

/** The built CLI, with standard output or error sent to a file (a path, `/dev/full`…) opened as `>` opens it
 *  (or as `>>`, `flags: "a"`), run from the repository (or `cwd`). */
function withStream(
  args: string[],
  stream: "stdout" | "stderr",
  path: string,
  { cwd = ROOT, flags = "w" }: { cwd?: string; flags?: "w" | "a" } = {},
) {
  const fd = openSync(path, flags);
  try {
    return spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      encoding: "utf8",
      stdio: stream === "stdout" ? ["ignore", fd, "pipe"] : ["ignore", "pipe", fd],
      env: { ...process.env, NO_COLOR: "1" },
    });
  } finally {
    closeSync(fd);
  }
}

describe.runIf(posix)("standard output that fails", () => {
  it.runIf(existsSync("/dev/full"))("a full disk: exit 2, said in words", () => {
    const r = withStream(["run", "scenarios/good-customer.yaml"], "stdout", "/dev/full");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^credit-sim: standard output: cannot write: no space left on the device/);
    noInternalError(r.stderr);
  });
});

describe.runIf(posix)("standard output or error appended to an input (`>> scenario.yaml`)", () => {
  /** The CLI run from `dir` with standard output opened on `file` for appending, as `>> file` opens it. */
  const appending = (args: string[], file: string) =>
    withStream(args, "stdout", file, { cwd: dir, flags: "a" });

  it("is refused before anything is written: the input is left as it was (as cat refuses `cat f >> f`)", async () => {
    const scenario = readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8");
    const persona = readFileSync(join(ROOT, "personas/revolver.yaml"), "utf8");
    writeFileSync(join(dir, "in.yaml"), scenario);
    writeFileSync(join(dir, "p.yaml"), persona);
    // the shard is only an input here: written in-process
    const made = await cli(["simulate", "--accounts", "4", "--days", "10", "--json", "--shard", "1/1"], {
      cwd: dir,
    });
    expect(made.status).toBe(0);
    const shard = made.stdout;
    writeFileSync(join(dir, "shard.json"), shard);
    for (const [args, file] of [
      [["run", "in.yaml"], "in.yaml"],
      [["run", "in.yaml", "--json"], "in.yaml"],
      [["explain", "in.yaml", "--day", "0"], "in.yaml"],
      [["test", "in.yaml", "--no-snapshots"], "in.yaml"],
      [["whatif", "in.yaml", "--remove", "1"], "in.yaml"],
      [["simulate", "p.yaml", "--accounts", "5", "--days", "30", "--json"], "p.yaml"],
      [["simulate", "p.yaml", "--accounts", "5", "--days", "30", "--export-account", "1"], "p.yaml"],
      [["merge", "shard.json"], "shard.json"],
    ] as const) {
      const r = appending([...args], join(dir, file));
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/^credit-sim: standard output is a file this command reads/);
      expect(r.stderr).toContain(`the input ${file}`);
      noInternalError(r.stderr);
      expect(readFileSync(join(dir, "in.yaml"), "utf8")).toBe(scenario);
      expect(readFileSync(join(dir, "p.yaml"), "utf8")).toBe(persona);
      expect(readFileSync(join(dir, "shard.json"), "utf8")).toBe(shard);
    }
  });

  it("standard error appended to an input (`2>> s.yaml`): its messages are not added to it, but shown on standard output, exit 2", () => {
    const bad = "name: bad\nevents:\n  - { day: 0, type: purchse, amount: 5 }\n";
    const persona = readFileSync(join(ROOT, "personas/revolver.yaml"), "utf8").replace(
      /^share: .*$/m,
      "share: 2",
    );
    writeFileSync(join(dir, "bad.yaml"), bad);
    writeFileSync(join(dir, "bp.yaml"), persona);
    for (const [args, file, said] of [
      [["run", "bad.yaml"], "bad.yaml", "events[0].type: unknown event type"],
      [["simulate", "bp.yaml", "--accounts", "5", "--days", "30"], "bp.yaml", "share"],
    ] as const) {
      const r = withStream([...args], "stderr", join(dir, file), { cwd: dir, flags: "a" });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toMatch(/^credit-sim: standard error is a file this command reads/);
      expect(r.stdout).toContain(`the input ${file}`);
      expect(r.stdout).toContain(said);
      noInternalError(r.stdout);
    }
    expect(readFileSync(join(dir, "bad.yaml"), "utf8")).toBe(bad);
    expect(readFileSync(join(dir, "bp.yaml"), "utf8")).toBe(persona);
    // both appended to it (`>> bad.yaml 2>&1`): nothing is written anywhere, exit 2
    const fd = openSync(join(dir, "bad.yaml"), "a");
    let both: ReturnType<typeof spawnSync>;
    try {
      both = spawnSync(process.execPath, [BIN, "run", "bad.yaml"], { cwd: dir, stdio: ["ignore", fd, fd] });
    } finally {
      closeSync(fd);
    }
    expect(both.status).toBe(2);
    expect(readFileSync(join(dir, "bad.yaml"), "utf8")).toBe(bad);
    // nothing to say: the run as it is, the input untouched
    const good = readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8");
    writeFileSync(join(dir, "good.yaml"), good);
    const ok = withStream(["run", "good.yaml"], "stderr", join(dir, "good.yaml"), { cwd: dir, flags: "a" });
    expect(ok.status).toBe(0);
    expect(readFileSync(join(dir, "good.yaml"), "utf8")).toBe(good);
  });

  it("standard error appended to a golden trace (`test 2>> __snapshots__/s.yaml.trace`): a warning is not added to it, exit 2", async () => {
    // the trace is no file the loader reads (nor read before the warning is said): it is the run's all the same
    const golden = join(dir, "g", "__snapshots__", "warned.yaml.trace");
    mkdirSync(join(dir, "g"));
    const scenario = readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8");
    writeFileSync(join(dir, "g", "warned.yaml"), scenario.replace(/^name: .*$/m, "$&\nseed: 7"));
    // the golden trace is only an input here: written in-process
    expect((await cli(["test", "g", "-u"], { cwd: dir })).status).toBe(0);
    const trace = readFileSync(golden, "utf8");
    for (const update of [[], ["-u"]]) {
      const r = withStream(["test", "g", ...update], "stderr", golden, { cwd: dir, flags: "a" });
      expect(r.status, update.join("")).toBe(2);
      expect(r.stdout).toMatch(/^credit-sim: standard error is a file this command reads/);
      expect(r.stdout).toContain("the input g/__snapshots__/warned.yaml.trace");
      expect(r.stdout).toContain("seed: deprecated");
      expect(readFileSync(golden, "utf8")).toBe(trace);
    }
  });

  it("redirected with `>`, the input the shell emptied is said to be standard output, with what to do", () => {
    writeFileSync(join(dir, "gone.yaml"), readFileSync(join(ROOT, "scenarios/good-customer.yaml")));
    const fd = openSync(join(dir, "gone.yaml"), "w");
    let r: ReturnType<typeof spawnSync>;
    try {
      r = spawnSync(process.execPath, [BIN, "run", "gone.yaml"], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", fd, "pipe"],
      });
    } finally {
      closeSync(fd);
    }
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^credit-sim: gone\.yaml: the file is empty\n/);
    expect(r.stderr).toContain("standard output is this file: `>` emptied it before credit-sim ran");
    expect(r.stderr).toContain("restore it (from version control or a copy)");
    noInternalError(String(r.stderr));
  });
});

describe.runIf(posix && existsSync("/dev/stdout"))("standard output by another name", () => {
  it("/dev/stdout is -: beside --json refused, nothing lost; alone, the rows there and the report on stderr", () => {
    const file = join(dir, "out.txt");
    for (const args of [
      ["run", "scenarios/good-customer.yaml", "--json", "--html", "/dev/stdout"],
      ["simulate", "--accounts", "5", "--days", "30", "--json", "--csv", "/dev/stdout"],
    ]) {
      const r = withStream(args, "stdout", file);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(/two outputs write to standard output|both write to standard output/);
    }
    // /dev/null is not standard output even when standard output is /dev/null: written as named
    const sink = spawnSync(
      "sh",
      [
        "-c",
        `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} simulate --accounts 5 --days 30 --json --csv /dev/null > /dev/null`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(sink.status).toBe(0);
    // alone, it is `-`: the rows on standard output, the report on stderr, nothing mixed
    const r = withStream(
      ["simulate", "--accounts", "5", "--days", "30", "--csv", "/dev/stdout"],
      "stdout",
      file,
    );
    expect(r.status).toBe(0);
    const rows = readFileSync(file, "utf8");
    expect(rows.startsWith("index,persona,")).toBe(true);
    expect(rows).not.toContain("Outcomes");
    expect(r.stderr).toContain("Outcomes");
  });

  it("a relative path that is the file standard output goes to is - as its absolute path is: nothing written there lost", () => {
    // `run x.yaml --html out.txt > out.txt`: the run's text went into the file standard output held, then
    // the page was renamed over it — the text lost without a word, where `--html /abs/out.txt` was `-`
    const scenario = join(ROOT, "scenarios/good-customer.yaml");
    const inDir = (args: string[], name: string) => withStream(args, "stdout", join(dir, name), { cwd: dir });
    const both = inDir(["run", scenario, "--json", "--html", "page.txt"], "page.txt");
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/two outputs write to standard output/);
    const r = inDir(["simulate", "--accounts", "5", "--days", "30", "--csv", "rows.csv"], "rows.csv");
    expect(r.status).toBe(0);
    const rows = readFileSync(join(dir, "rows.csv"), "utf8");
    expect(rows.startsWith("index,persona,")).toBe(true);
    expect(r.stderr).toContain("Outcomes");
    noInternalError(r.stderr);
  });

  it("the file standard error goes to is refused as an output: the messages there are not lost under it", async () => {
    // `run x.yaml --html e.txt 2> e.txt`: the page was renamed over the file the 'wrote e.txt' line went
    // into, the line lost; there is no - for standard error, so such an output is refused, before any
    // write, by its relative path, its absolute path and /dev/stderr alike
    const scenario = join(ROOT, "scenarios/good-customer.yaml");
    for (const [html, name] of [
      ["e.txt", "e.txt"],
      [join(dir, "e2.txt"), "e2.txt"],
      ["/dev/stderr", "e3.txt"],
    ] as const) {
      const fd = openSync(join(dir, name), "w");
      let r: ReturnType<typeof spawnSync>;
      try {
        r = spawnSync(process.execPath, [BIN, "run", scenario, "--html", html], {
          cwd: dir,
          encoding: "utf8",
          stdio: ["ignore", "pipe", fd],
          env: { ...process.env, NO_COLOR: "1" },
        });
      } finally {
        closeSync(fd);
      }
      const err = readFileSync(join(dir, name), "utf8");
      expect(r.status).toBe(2);
      expect(err).toContain("the output is the file standard error goes to");
      expect(err).toContain("2> another file");
      expect(err).not.toMatch(/<!doctype html>/i);
      expect(String(r.stdout)).toBe("");
      noInternalError(err);
    }
    // standard error elsewhere (in-process: captured, no file): the same page written, and said
    const ok = await cli(["run", scenario, "--html", "page.html"], { cwd: dir });
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain("page.html");
  });

  it("simulate --export-account -o /dev/stdout is -: the account printed, not refused as a file that exists", () => {
    // the other outputs read /dev/stdout as -; -o was opened as a file, and without --force
    // '/dev/stdout exists' (with it, the device written as named)
    const file = join(dir, "account.txt");
    const r = withStream(
      ["simulate", "--accounts", "5", "--days", "30", "--export-account", "1", "-o", "/dev/stdout"],
      "stdout",
      file,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(
      /^# yaml-language-server: .*\n# Account 1 of a credit-sim population/,
    );
  });
});

describe.runIf(posix)("a named pipe nobody writes to", () => {
  /** A command run to its end, without blocking the thread: the three waits below overlap. */
  const ran = (command: string, args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], timeout: 15_000 });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
      child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });

  it("is refused in about two seconds, whatever reads it; a pipe that is written to is read", async () => {
    const d = mkdtempSync(join(dir, "fifo-"));
    const fifo = join(d, "p.yaml");
    spawnSync("mkfifo", [fifo]);
    const unwritten = (["run", "merge"] as const).map(async (command) => {
      const args = [command, fifo];
      return { args, r: await ran(process.execPath, [BIN, ...args]) };
    });
    // a writer that is slow to start is waited for, as a blocking read would
    const piped = ran("bash", [
      "-c",
      `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run <(sleep 2.5; cat scenarios/good-customer.yaml) --no-chart`,
    ]);
    for (const { args, r } of await Promise.all(unwritten)) {
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(/nothing was written to the (scenario|policy|result) pipe/);
    }
    const read = await piped;
    expect(read.status).toBe(0);
    expect(read.stdout).toContain("Summary");
  });
});

describe.runIf(posix)("standard error that fails", () => {
  it.runIf(existsSync("/dev/full"))("bad input stays exit 2 when its message cannot be written", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "name: bad\nevents:\n  - { day: 0, type: purchse, amount: 5 }\n");
    const r = withStream(["run", bad], "stderr", "/dev/full");
    expect(r.status).toBe(2);
  });
});

// Root reads any file: the permission check needs another user (setpriv drops to nobody)
const asNobody = (args: string[], cwd: string) =>
  spawnSync(
    "setpriv",
    ["--reuid=nobody", "--regid=nogroup", "--clear-groups", process.execPath, BIN, ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
const canDrop = posix && process.getuid?.() === 0 && asNobody(["--version"], ROOT).status === 0;

describe.runIf(canDrop)("input files that may not be read", () => {
  it("every kind is exit 2 with 'permission denied', never an internal error", () => {
    // a folder of its own, open to everyone: only the files themselves are closed
    const d = mkdtempSync(join(tmpdir(), "credit-sim-perm-"));
    chmodSync(d, 0o755);
    try {
      const files = {
        "s.yaml": "name: s\nevents: []\n",
        "uses-policy.yaml": "name: u\npolicy: p.yaml\nevents: []\n",
        "p.yaml": "name: p\nextends: default\n",
        "persona.yaml": "name: x\n",
        "r.json": "{}",
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text, { mode: 0o644 });
      for (const name of ["s.yaml", "p.yaml", "persona.yaml", "r.json"]) chmodSync(join(d, name), 0o000);
      for (const args of [
        ["run", "s.yaml"],
        ["run", "uses-policy.yaml"],
        ["explain", "s.yaml", "--day", "1"],
        ["simulate", "persona.yaml", "--accounts", "5"],
        ["merge", "r.json", "r.json"],
      ]) {
        const r = asNobody(args, d);
        expect({ args, status: r.status }).toEqual({ args, status: 2 });
        expect(r.stderr).toContain("permission denied");
        noInternalError(r.stderr);
      }
      // a folder of scenarios with a subfolder nobody may read: not a green run over scenarios never run,
      // nor a run stopped there — the folder is its own bad input, the other scenarios run
      mkdirSync(join(d, "suite", "sub"), { recursive: true });
      writeFileSync(join(d, "suite", "a.yaml"), files["s.yaml"], { mode: 0o644 });
      writeFileSync(join(d, "suite", "sub", "b.yaml"), "name: b\nevents: []\n", { mode: 0o644 });
      chmodSync(join(d, "suite"), 0o755);
      chmodSync(join(d, "suite", "sub"), 0o000);
      for (const args of [
        ["test", "suite", "--no-snapshots"],
        ["test", "suite/sub", "--no-snapshots"],
        ["test", "suite/**/*.yaml", "--no-snapshots"],
      ]) {
        const r = asNobody(args, d);
        expect({ args, status: r.status }).toEqual({ args, status: 2 });
        expect(r.stdout).toMatch(/\n {2}suite\/sub: the folder may not be read \(permission denied\)/);
        if (args[1] !== "suite/sub") expect(r.stdout).toContain(" ○ suite/a.yaml › s (no expectations)");
      }
      chmodSync(join(d, "suite", "sub"), 0o755);
      // two outputs, the second in a folder nobody may write to: the first is not replaced meanwhile
      const w = join(d, "w");
      mkdirSync(join(w, "ro"), { recursive: true });
      writeFileSync(join(w, "a.csv"), "OLD\n");
      spawnSync("chown", ["nobody", w, join(w, "a.csv")]);
      const both = asNobody(
        ["simulate", "--accounts", "5", "--days", "30", "--csv", "a.csv", "--html", "ro/a.html"],
        w,
      );
      expect(both.status).toBe(2);
      expect(both.stderr).toContain("ro/a.html: cannot write: permission denied");
      expect(readFileSync(join(w, "a.csv"), "utf8")).toBe("OLD\n");
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe.runIf(canDrop)("golden traces that may not be written", () => {
  it("name the trace as the report names every file (relative), not by its absolute path", () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-perm-"));
    try {
      mkdirSync(join(d, "suite", "__snapshots__"), { recursive: true });
      writeFileSync(
        join(d, "suite", "s.yaml"),
        "name: s\nevents: []\nexpect:\n  - { end: true, status: active }\n",
        { mode: 0o644 },
      );
      chmodSync(d, 0o755);
      chmodSync(join(d, "suite"), 0o755);
      chmodSync(join(d, "suite", "__snapshots__"), 0o555);
      // -u: written whatever CI says (under CI=true a missing trace is a failure, not written)
      const r = asNobody(["test", "suite", "-u"], d);
      expect(r.status).toBe(2);
      expect(r.stdout).toContain("  suite/__snapshots__/s.yaml.trace: cannot write: permission denied");
      expect(r.stdout).not.toContain(d);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe.runIf(posix)("signals during simulate --csv", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("%s: no temporary file is left", async (signal) => {
    const out = mkdtempSync(join(dir, "sig-"));
    const child = spawn(
      process.execPath,
      [BIN, "simulate", "--accounts", "5000000", "--days", "30", "--workers", "1", "--csv", "rows.csv"],
      { cwd: out, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } },
    );
    const deadline = Date.now() + 20_000;
    while (leftovers(out).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(leftovers(out)).toHaveLength(1);
    child.kill(signal);
    const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s])),
    );
    expect(sig ?? code).toBe(signal);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe.runIf(posix)("a signal during run --html of many scenarios", () => {
  it("SIGINT ends the run by the signal: no page is put in place, no temporary file is left", async () => {
    const work = mkdtempSync(join(dir, "run-sig-"));
    const base = readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8");
    const files: string[] = [];
    for (let i = 0; i < 400; i++) {
      files.push(`s${i}.yaml`);
      writeFileSync(join(work, `s${i}.yaml`), base.replace(/^name: .*$/m, `name: s${i}`));
    }
    const out = join(work, "out");
    const child = spawn(process.execPath, [BIN, "run", ...files, "--html", "out/r.html"], {
      cwd: work,
      stdio: "ignore",
      env: { ...process.env, NO_COLOR: "1" },
    });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s])),
    );
    // pages are being written aside: the run is under way
    const deadline = Date.now() + 20_000;
    while (!(existsSync(out) && leftovers(out).length > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    child.kill("SIGINT");
    const [code, sig] = await exited;
    // it was heard (the pages already written aside kept it waiting, then let it go: exit 0, all replaced)
    expect(sig ?? code).toBe("SIGINT");
    // nor the folder made for the page, empty
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

const hasScript = posix && spawnSync("script", ["--version"]).status === 0;

describe.runIf(hasScript)("colour follows chalk's detection, off with NO_COLOR and --no-color", () => {
  /** `reasons` in a pseudo-terminal: whether its output is coloured. */
  function coloured(env: Record<string, string>, args: string[] = []): boolean {
    const cmd = [process.execPath, BIN, "reasons", ...args].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qfec", cmd, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    return r.stdout.includes("\u001b[");
  }

  it("on in a terminal; off with FORCE_COLOR=0, TERM=dumb, NO_COLOR or --no-color", () => {
    expect(coloured({ TERM: "xterm-256color" })).toBe(true);
    expect(coloured({ TERM: "xterm-256color", FORCE_COLOR: "0" })).toBe(false);
    expect(coloured({ TERM: "dumb" })).toBe(false);
    expect(coloured({ TERM: "xterm-256color", NO_COLOR: "1" })).toBe(false);
    expect(coloured({ TERM: "xterm-256color" }, ["--no-color"])).toBe(false);
  });

  it("and FORCE_COLOR colours a pipe", () => {
    const r = spawnSync(process.execPath, [BIN, "reasons"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", FORCE_COLOR: "1" },
    });
    expect(r.stdout).toContain("\u001b[");
  });
});
