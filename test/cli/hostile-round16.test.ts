// Hostile input, round 16: a standard output that fails under a message saying it was written, a file's
// path with a trailing slash, CREDIT_SIM_ROOT given as a PATH-like list, a date past the calendar's
// horizon, the folders one command makes kept apart from another's, --help in a narrow terminal, and a
// scenario made a link while test --watch watches.

import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run-cli.js";
import { saveVariantFile } from "../../src/cli/whatif-session.js";
import { ownFoldersOf, removeEmptyFolders } from "../../src/shared/folders.js";
import { BIN, cli, ROOT } from "../helpers/cli.js";
import { policyOutside, tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";

/** The CLI in-process with a standard output that fails at its first write, as a full disk does: Node
 *  marks the stream `errored` at once and tells its listeners only on the next tick. */
async function onFullDisk(args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = "";
  const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  const stdout = {
    errored: null as Error | null,
    write(_text: string) {
      stdout.errored = full;
      return false;
    },
  };
  const io: CliIo = {
    stdout,
    stderr: {
      write: (t: string) => {
        stderr += t;
      },
    },
    stdinIsTTY: false,
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
    cwd: ROOT,
  };
  return { status: await runCli(args, io), stderr };
}

describe("whatif --save - on a standard output that fails", () => {
  // the variant went to a full disk and the comparison on stderr still ended "saved to standard output";
  // the stream's error came a tick later
  it.each([[["--edit", "22:day=227"]], [["--avoid", "suspended"]]])(
    "says why it is not saved, and never that it is: %j",
    async (edits) => {
      const r = await onFullDisk(["whatif", ZHANG, ...edits, "--save", "-", "--no-chart"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("standard output: cannot write: no space left on the device");
      expect(r.stderr).not.toContain("saved");
    },
  );
});

describe("whatif --save - > /dev/full, as a process", () => {
  // the process's own stdout: Node tells the stream's failure a tick later, to the launcher's listener,
  // which must not say it a second time
  it.runIf(existsSync("/dev/full"))("says it once, exit 2", { tags: ["slow"] }, async () => {
    const r = await new Promise<{ status: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, "whatif", ZHANG, "--edit", "22:day=227", "--save", "-"], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: "1", CI: "true" },
        stdio: ["ignore", openSync("/dev/full", "w"), "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (b: Buffer) => {
        stderr += b.toString();
      });
      child.on("close", (status) => done({ status, stderr }));
    });
    expect(r.status).toBe(2);
    expect(r.stderr.match(/no space left on the device/g)).toHaveLength(1);
    expect(r.stderr).not.toContain("saved");
  });
});

describe("a file's path typed with a trailing slash", () => {
  // `resolve` drops the "/": `run z.yaml/` ran z.yaml, `test z.yaml/` wrote its golden trace, and
  // `--policy pol.yaml/`, a persona's and a result's path the same, where `cat z.yaml/` is refused
  const { fresh } = tempCases("round16-slash");
  const tree = () => {
    const d = fresh();
    copyFileSync(join(ROOT, ZHANG), join(d, "z.yaml"));
    writeFileSync(join(d, "pol.yaml"), "name: p\nextends: default\n");
    writeFileSync(join(d, "s.yaml"), "name: s\npolicy: pol.yaml/\nevents: []\n");
    copyFileSync(join(ROOT, "personas/revolver.yaml"), join(d, "p.yaml"));
    return d;
  };

  it.each([
    [["run", "z.yaml/", "--no-chart"], "z.yaml/"],
    [["run", "z.yaml/.", "--no-chart"], "z.yaml/."],
    [["explain", "z.yaml/", "--day", "3"], "z.yaml/"],
    [["whatif", "z.yaml/", "--list"], "z.yaml/"],
    [["run", "z.yaml", "--policy", "pol.yaml/", "--no-chart"], "pol.yaml/"],
    [["run", "s.yaml", "--no-chart"], "pol.yaml/"],
    [["simulate", "./p.yaml/", "--accounts", "2", "--days", "30"], "p.yaml/"],
    [["merge", "r.json/"], "r.json/"],
    [["test", "z.yaml/"], "z.yaml/"],
  ])("is refused as the system refuses it, with a hint: %j", async (args, named) => {
    const d = tree();
    writeFileSync(join(d, "r.json"), "{}\n");
    const r = await cli(args, { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(named);
    expect(r.stderr).toContain('ends in "/", which names a folder, and it is a file');
    expect(r.stderr).toContain('drop the trailing "/"');
    expect(existsSync(join(d, "__snapshots__"))).toBe(false);
  });

  it.each([
    [["run", "z.yaml", "--no-chart", "--html", "r.html/."], "r.html"],
    [["whatif", "z.yaml", "--edit", "22:day=227", "--save", "v.yaml/."], "v.yaml"],
    [["simulate", "--accounts", "2", "--days", "10", "--csv", "c.csv/."], "c.csv"],
  ])("an output named so (`/.`) is a folder's, never the file written: %j", async (args, file) => {
    // `--html r.html/` was refused, `r.html/.` wrote r.html — and `--save v.yaml/.` told to `run v.yaml/.`
    const d = tree();
    const r = await cli(args, { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is a folder's");
    expect(existsSync(join(d, file))).toBe(false);
  });

  it.each([
    [["run", "z.yaml/../z.yaml", "--no-chart"], "z.yaml/../z.yaml"],
    [["run", "z.yaml", "--policy", "z.yaml/../pol.yaml", "--no-chart"], "z.yaml/../pol.yaml"],
    [["test", "z.yaml/../z.yaml"], "z.yaml/../z.yaml"],
  ])(
    "a path through a file and back (`z.yaml/..`) is refused as the system refuses it: %j",
    async (args, named) => {
      const d = tree();
      const r = await cli(args, { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(named);
      expect(r.stderr).toContain('goes through a file as a folder (".." after it)');
      expect(existsSync(join(d, "__snapshots__"))).toBe(false);
    },
  );

  it("a folder's path with one still names the folder", async () => {
    const d = tree();
    mkdirSync(join(d, "dir"));
    copyFileSync(join(ROOT, ZHANG), join(d, "dir", "z.yaml"));
    const r = await cli(["test", "dir/", "-u"], { cwd: d });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("1 passed");
    expect(existsSync(join(d, "dir", "__snapshots__"))).toBe(true);
  });
});

describe("CREDIT_SIM_ROOT given as a list", () => {
  // it is split at ":" as PATH is, which the refusal never said: a folder whose name holds ":" was told
  // "it names /…/run, which is no folder", a name the user never typed, and a list written with ";" was
  // one folder of that name
  const { fresh } = tempCases("round16-root-list");

  it("says it is read as a list, each folder it names, and what a folder with a colon in its name needs", async () => {
    const d = policyOutside(fresh);
    mkdirSync(join(d, "run:1"));
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: "run:1" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a list separated by ":" as PATH is');
    expect(r.stderr).toContain(`it names ${join(d, "run")}, ${join(d, "1")}`);
    expect(r.stderr).toContain('a folder whose name holds ":" cannot be named in it');
  });

  it("a list written with semicolons is told the separator", async () => {
    const d = policyOutside(fresh);
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: `s;${d}` } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('folders are separated by ":", not ";"');
  });

  it("a list of folders that are all there, the file under none, is said to be a list too", async () => {
    // `run:1` where both `run` and `1` are folders: allowed as two, and told only "allows …/run, …/1"
    const d = policyOutside(fresh);
    mkdirSync(join(d, "run"));
    mkdirSync(join(d, "1"));
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: "run:1" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a list separated by ":" as PATH is');
    expect(r.stderr).toContain(`${join(d, "run")}, ${join(d, "1")}`);
    expect(r.stderr).toContain('a folder whose name holds ":" cannot be named in it');
  });

  it("a list with a semicolon in one of its pieces is told the separator too", async () => {
    const d = policyOutside(fresh);
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: `r:1;${d}` } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a list separated by ":" as PATH is');
    expect(r.stderr).toContain('folders are separated by ":", not ";"');
  });

  it("simulate --flips suggests no CREDIT_SIM_ROOT a colon would split", async () => {
    // `allow this one's with CREDIT_SIM_ROOT=/…/run:1`: set as told, it allowed /…/run and 1
    const d = fresh();
    mkdirSync(join(d, "run:1"));
    writeFileSync(join(d, "run:1", "p.yaml"), "name: p\nextends: default\nminScore: 600\n");
    const flags = ["--policy", "./run:1/p.yaml", "--challenger", "tightened", "--flips", "out"];
    const r = await cli(["simulate", "--accounts", "5", "--days", "20", ...flags], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/CREDIT_SIM_ROOT='?\//);
    expect(r.stderr).toContain('its path holds ":", which separates the folders CREDIT_SIM_ROOT names');
    expect(r.stderr).toContain("LINK, then CREDIT_SIM_ROOT=LINK");
  });

  it("a list of folders that are there is read as before", async () => {
    const d = policyOutside(fresh);
    const r = await cli(["run", "s/a.yaml", "--no-chart"], { cwd: d, env: { CREDIT_SIM_ROOT: `s:${d}` } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("a day or a date past the horizon in a file", () => {
  // `until: 9999-12-31` was told "write 2913173", a day refused in turn as out of range; `day: 90000` and
  // `until: 36501` only "at most 36500": none said the horizon is a century from start, nor its last date
  const { fresh } = tempCases("round16-horizon");
  const HORIZON = "a scenario covers at most 36500 days from start 2024-01-01, to 2123-12-08";

  it.each([
    ["until: 9999-12-31", "until"],
    ["until: 36501", "until"],
    ["events:\n  - { day: 9999-12-31, type: contact_support }", "events[0].day"],
    ["events:\n  - { day: 90000, type: contact_support }", "events[0].day"],
    ["events:\n  - { date: 2200-12-31, type: contact_support }", "events[0].date"],
    ["expect:\n  - { day: 40000, status: active }", "expect[0].day"],
  ])("is told the horizon and its last date, never to write a day past it: %s", async (line, field) => {
    const d = fresh();
    const events = line.startsWith("events") ? "" : "events: []\n";
    writeFileSync(join(d, "u.yaml"), `name: a\nstart: 2024-01-01\n${events}${line}\n`);
    const r = await cli(["run", "u.yaml", "--no-chart"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${field}:`);
    expect(r.stderr).toContain(HORIZON);
    expect(r.stderr).not.toMatch(/write (date: 9999|2913173)|day: 2913173/);
  });

  it("a date within it is still told the day it is", async () => {
    const d = fresh();
    writeFileSync(join(d, "u.yaml"), "name: a\nstart: 2024-01-01\nuntil: 2024-03-01\nevents: []\n");
    const r = await cli(["run", "u.yaml", "--no-chart"], { cwd: d });
    expect(r.stderr).toContain("write 60: until counts days from start (2024-01-01); 2024-03-01 is day 60");
  });
});

describe("the folders one command makes", () => {
  const { fresh } = tempCases("round16-folders");

  it("a golden trace that cannot be written leaves no golden traces' folder made for it", async () => {
    // a name the system takes for the scenario (255 bytes) and not for its trace (`.trace` added): the
    // folder made for the trace was not one of the folders a command removes when left empty
    const d = fresh();
    copyFileSync(join(ROOT, ZHANG), join(d, `${"a".repeat(250)}.yaml`));
    const r = await cli(["test", "-u", "."], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("1 bad input");
    expect(existsSync(join(d, "__snapshots__"))).toBe(false);
  });

  it("a what-if session's save that fails leaves no whatif/ folder made for it", async () => {
    // the session's own folder was made and not held: a name too long left it behind, empty
    const d = fresh();
    const file = join(d, "whatif", `${"a".repeat(300)}.yaml`);
    await ownFoldersOf(async () => {
      expect(() => saveVariantFile(file, "name: x\nevents: []\n", false, true)).toThrow(/too long/);
      removeEmptyFolders();
    });
    expect(existsSync(join(d, "whatif"))).toBe(false);
  });

  it.runIf(existsSync("/dev/full"))(
    "are its own: another command ending meanwhile in the same process neither removes nor keeps them",
    async () => {
      // one list for the process: a refused simulate that ended while another ran took the other's folders
      // off it (in use, they stayed), and the other, refused in turn, left them behind, empty
      const d = fresh();
      const run = (accounts: string, csv: string) =>
        cli(
          [
            "simulate",
            "--accounts",
            accounts,
            "--days",
            "20",
            "--no-progress",
            "--csv",
            csv,
            "--html",
            "/dev/full",
          ],
          {
            cwd: d,
          },
        );
      const [long, short] = await Promise.all([run("400", "b/c/r.csv"), run("5", "a/x/r.csv")]);
      expect(short.status).toBe(2);
      expect(long.status).toBe(2);
      expect(long.stderr).toContain("no space left on the device");
      expect(readdirSync(d)).toEqual([]);
    },
  );
});

describe("--help in a terminal 20 columns wide", () => {
  // below about 46 columns commander leaves an option's description unwrapped beside its term: every
  // option's line ran to 100 columns or more, broken by the terminal mid-word
  const COMMANDS = ["run", "explain", "test", "whatif", "reasons", "policies", "simulate", "merge", "init"];
  it.each(COMMANDS)("%s: its options' words fit, each description under its term", async (command) => {
    const r = await cli([command, "--help"], { tty: true, columns: 20 });
    expect(r.status).toBe(0);
    const start = r.stdout.indexOf("Options:\n");
    expect(start).toBeGreaterThan(0);
    const section = r.stdout.slice(start).split("\n\n")[0]!;
    // a line past the width is an option's term, or one word no terminal could break better (a pattern)
    const term = /^ {2}-[^ ]*(?: -[^ ]*)?(?: [<[][^ ]*[>\]])?$/;
    const over = section.split("\n").filter((line) => line.length > 20 && !term.test(line));
    for (const line of over) expect(line.trim()).not.toContain(" ");
  });
});

describe("test --watch: a scenario file made a link while it watches", () => {
  // a search refuses a link in a folder (it could point anywhere), and the first round did; a file changed
  // into one was re-run by its path, as a file named on the command line, and the link was followed
  const { fresh } = tempCases("round16-watch");

  it("is refused as the search refuses it, its target never read", async () => {
    const d = fresh();
    const outside = fresh();
    writeFileSync(join(outside, "secret.yaml"), "name: secret\nevnts: []\ntoken: ghp_SECRET\n");
    writeFileSync(join(d, "a.yaml"), "name: a\nevents: []\n");
    writeFileSync(join(d, "b.yaml"), "name: b\nevents: []\n");
    let out = "";
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    const rounds = () => out.split("Ctrl-C to stop").length - 1;
    const until = async (n: number) => {
      const deadline = Date.now() + 20_000;
      while (rounds() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      const status = runCli(["test", "--no-snapshots", ".", "--watch"], {
        stdout: { write: (t: string) => (out += t) },
        stderr: { write: (t: string) => (out += t) },
        stdinIsTTY: false,
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", CI: "" },
        cwd: d,
      });
      await until(1);
      rmSync(join(d, "a.yaml"));
      symlinkSync(join(outside, "secret.yaml"), join(d, "a.yaml"));
      await until(2);
      process.emit("SIGINT", "SIGINT");
      expect(await status).toBe(0);
    } finally {
      kill.mockRestore();
    }
    const second = out.slice(out.indexOf("Ctrl-C to stop"));
    expect(second).toContain("a.yaml: is a symbolic link, not a scenario file");
    // nothing of the outside file: neither its keys (told as misspelt) nor its values
    for (const leak of ["secret", "evnts", "token", "ghp_SECRET"]) expect(second).not.toContain(leak);
  });
});

describe("a number option given empty", () => {
  // `--seed "$SEED"` with SEED unset: told `"" is not a number` and nothing more, where an empty file
  // name is told what it likely is
  it.each([
    [["simulate", "--seed", ""]],
    [["simulate", "--accounts", " "]],
    [["simulate", "--cost-of-funds", ""]],
    [["whatif", ZHANG, "--avoid", "suspended", "--budget", ""]],
  ])("is told what to do: %j", async (args) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is not a number");
    // then what to give: a number, or the option's own advice (a rate's example)
    expect(r.stderr).toMatch(
      /hint: {5}an empty value \(an unset shell variable\?\): (give a number|an annual rate, e\.g\. 0\.035)\n/,
    );
  });

  it.each([[["run", ZHANG, "--until", ""]], [["explain", ZHANG, "--day", ""]]])(
    "keeps the option's own advice: a day takes a date too, and no default is promised: %j",
    async (args) => {
      const r = await cli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("an empty value (an unset shell variable?)");
      expect(r.stderr).toMatch(/YYYY-MM-DD/);
      expect(r.stderr).not.toContain("leave the option out");
    },
  );
});
