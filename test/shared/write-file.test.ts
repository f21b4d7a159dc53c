// The one module that writes files: whole or not at all for regular files and new paths, written
// through (never replaced) for links, devices and pipes, `-` for standard output, OS errors in words
// (exit 2), EPIPE as a quiet end, and no temporary file left by an error or a signal.

import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/shared/errors.js";
import { fileError } from "../../src/shared/file-errors.js";
import { makeFolders, removeEmptyFolders } from "../../src/shared/folders.js";
import { refuseFolderLeadingOut } from "../../src/shared/link-refusals.js";
import { OutputSet } from "../../src/shared/output-set.js";
import { liveTemporaryFiles, stagedFolder } from "../../src/shared/temporary-files.js";
import { checkOutput, openOutput, writeOutput } from "../../src/shared/write-file.js";
import { through } from "../../src/shared/write-through.js";
import { ROOT } from "../helpers/cli.js";
import { inputErrorOf } from "../helpers/input-error.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "credit-sim-write-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(liveTemporaryFiles()).toEqual([]);
});

const leftovers = (d = dir) => readdirSync(d).filter((f) => f.endsWith(".tmp"));
const posix = process.platform !== "win32";
const mkfifo = (path: string) => spawnSync("mkfifo", [path]).status === 0;

const refused = (f: () => void): InputError => inputErrorOf(f);

describe("regular files and new paths", () => {
  it("are written whole, through a temporary file that does not stay", () => {
    const file = join(dir, "out.csv");
    writeOutput(file, "a,b\n");
    writeOutput(file, "c,d\n");
    expect(readFileSync(file, "utf8")).toBe("c,d\n");
    expect(leftovers()).toEqual([]);
  });

  it("a name as long as the file system takes (255 bytes) is written: the temporary file's name fits too", () => {
    // ASCII, and multi-byte characters (3 bytes each) that a cut must not split
    for (const name of [`${"a".repeat(250)}.html`, `${"报".repeat(83)}.html`]) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      const file = join(dir, name);
      writeOutput(file, "x\n");
      writeOutput(file, "y\n");
      expect(readFileSync(file, "utf8")).toBe("y\n");
      expect(readdirSync(dir).filter((f) => f !== name)).toEqual([]);
      rmSync(file);
    }
  });

  it("a temporary file a killed run left under the name this one would take is passed over, not the target's error", () => {
    // its name is the target's, the process id and a count: a run killed (SIGKILL, out of memory) mid-write
    // leaves it, and a later process with the same id — PID 1 in every container — took the same name
    // and failed with "report.html: cannot write: it exists" where no report.html was, on every run
    const file = join(dir, "report.html");
    const probe = openOutput(file);
    const [taken] = leftovers();
    probe.abort();
    const at = /^\.report\.html\.(\d+)\.(\d+)\.tmp$/.exec(taken ?? "");
    expect(at?.[1]).toBe(String(process.pid));
    const stale = Array.from(
      { length: 5 },
      (_, i) => `.report.html.${process.pid}.${Number(at![2]) + 1 + i}.tmp`,
    );
    for (const name of stale) writeFileSync(join(dir, name), "a killed run's");
    writeOutput(file, "<html>");
    expect(readFileSync(file, "utf8")).toBe("<html>");
    // another run's files are not this one's to remove
    expect(leftovers().sort()).toEqual([...stale].sort());
  });

  it("keep their permissions when replaced", () => {
    const file = join(dir, "private.csv");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    writeOutput(file, "new");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("a private file's new content is never readable by others, even while it is written", () => {
    const file = join(dir, "private.csv");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    // what a SIGKILL would leave beside it, or another user could open meanwhile
    const out = openOutput(file);
    try {
      out.write("new, private");
      const [tmp] = liveTemporaryFiles();
      expect(statSync(tmp!).mode & 0o777).toBe(0o600);
    } catch (e) {
      out.abort();
      throw e;
    }
    out.commit();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe("new, private");
  });

  it("an aborted output leaves the old content and nothing else", () => {
    const file = join(dir, "out.csv");
    writeFileSync(file, "old");
    const out = openOutput(file);
    out.write("partial");
    expect(leftovers()).toHaveLength(1);
    out.abort();
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(leftovers()).toEqual([]);
  });

  it("`-` is standard output for paths a user types, a file name otherwise", () => {
    const seen: string[] = [];
    writeOutput("-", "to stdout", { stdout: (t) => seen.push(t) });
    expect(seen).toEqual(["to stdout"]);
    writeOutput("-", "a file named -", { dashIsStdout: false, cwd: dir });
    expect(readFileSync(join(dir, "-"), "utf8")).toBe("a file named -");
    writeOutput(join(dir, "-"), "again", { dashIsStdout: false });
    expect(readFileSync(join(dir, "-"), "utf8")).toBe("again");
  });
});

describe.runIf(posix)("links, devices and pipes", () => {
  it("a link to a regular file stays a link; its target gets the content", () => {
    const target = join(dir, "real.csv");
    writeFileSync(target, "old");
    const link = join(dir, "link.csv");
    symlinkSync(target, link);
    writeOutput(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(leftovers()).toEqual([]);
  });

  it("a link that leads out of its folder and the working folder is refused, its target untouched", () => {
    // a pull request may plant `report.xml -> ../victim` where a CI job writes its report
    const repo = join(dir, "repo");
    mkdirSync(repo);
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "keep");
    const link = join(repo, "report.xml");
    symlinkSync("../victim.txt", link);
    const e = refused(() => writeOutput(link, "report", { cwd: repo }));
    expect(e.message).toMatch(/symbolic link that leads out of its folder and the working folder/);
    expect(e.details.found).toBe(victim);
    expect(readFileSync(victim, "utf8")).toBe("keep");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // …and one that leads nowhere yet would create a file there
    const dangling = join(repo, "new.xml");
    symlinkSync("../made.txt", dangling);
    expect(() => writeOutput(dangling, "report", { cwd: repo })).toThrow(/leads out of its folder/);
    expect(existsSync(join(dir, "made.txt"))).toBe(false);
    // within the working folder (the link's folder a sub-folder of it) it is followed
    const sub = join(repo, "out");
    mkdirSync(sub);
    writeFileSync(join(repo, "kept.xml"), "old");
    symlinkSync("../kept.xml", join(sub, "report.xml"));

    writeOutput(join(sub, "report.xml"), "new", { cwd: repo });
    expect(readFileSync(join(repo, "kept.xml"), "utf8")).toBe("new");
    expect(leftovers()).toEqual([]);
  });

  it("a link is followed as the system follows it: a chain, and a `..` after a linked folder", () => {
    const repo = join(dir, "repo");
    const deep = join(dir, "outside", "deep");
    mkdirSync(repo);
    mkdirSync(deep, { recursive: true });
    const victim = join(dir, "outside", "victim.txt");
    writeFileSync(victim, "keep");
    // a planted folder link: `sub/..` is outside/, not repo/ (the link's text read as a path said repo/)
    symlinkSync(deep, join(repo, "sub"));
    symlinkSync("sub/../victim.txt", join(repo, "report.xml"));
    const e = refused(() => writeOutput(join(repo, "report.xml"), "report", { cwd: repo }));
    expect(e.message).toMatch(/leads out of its folder/);
    expect(e.details.found).toBe(victim);
    // a decoy of that name in repo/ is not what the link leads to: not written instead
    writeFileSync(join(repo, "victim.txt"), "decoy");
    expect(() => writeOutput(join(repo, "report.xml"), "report", { cwd: repo })).toThrow(/leads out/);
    expect(readFileSync(join(repo, "victim.txt"), "utf8")).toBe("decoy");
    expect(readFileSync(victim, "utf8")).toBe("keep");
    // links that lead nowhere yet: through a linked folder, and a link to a link that leads out
    symlinkSync("sub/../made.txt", join(repo, "a.xml"));
    symlinkSync("hop", join(repo, "b.xml"));
    symlinkSync("../made.txt", join(repo, "hop"));
    for (const name of ["a.xml", "b.xml"])
      expect(() => writeOutput(join(repo, name), "report", { cwd: repo })).toThrow(/leads out/);
    expect(existsSync(join(dir, "outside", "made.txt"))).toBe(false);
    expect(existsSync(join(dir, "made.txt"))).toBe(false);
    // a chain that stays in the folder is followed to its end
    symlinkSync("c2.xml", join(repo, "c1.xml"));
    symlinkSync("c3.xml", join(repo, "c2.xml"));
    writeOutput(join(repo, "c1.xml"), "chained", { cwd: repo });
    expect(readFileSync(join(repo, "c3.xml"), "utf8")).toBe("chained");
    expect(lstatSync(join(repo, "c2.xml")).isSymbolicLink()).toBe(true);
    expect(leftovers(repo)).toEqual([]);
  });

  it("a folder linked out of the working folder is not written in: a link on the way is checked as the file's own", () => {
    // a pull request may plant `reports -> ../../victim` where a CI job writes reports/junit.xml
    const repo = join(dir, "repo");
    const outside = join(dir, "outside");
    mkdirSync(repo);
    mkdirSync(outside);
    writeFileSync(join(outside, "junit.xml"), "keep");
    symlinkSync("../outside", join(repo, "reports"));
    const e = refused(() => writeOutput(join(repo, "reports", "junit.xml"), "report", { cwd: repo }));
    expect(e.message).toMatch(/a symbolic link on its way leads out of the working folder/);
    expect(e.details.found).toBe(join(outside, "junit.xml"));
    expect(readFileSync(join(outside, "junit.xml"), "utf8")).toBe("keep");
    // a file there yet to be made, in folders yet to be made, a relative name, a `..` after the link
    for (const name of ["new.xml", join("sub", "new.xml")])
      expect(() => checkOutput(join("reports", name), { cwd: repo })).toThrow(
        /leads out of the working folder/,
      );
    expect(() => writeOutput(join(repo, "reports", "new.xml"), "report", { cwd: repo })).toThrow(/leads out/);
    expect(readdirSync(outside)).toEqual(["junit.xml"]);
    // a folder linked within the working folder is followed
    mkdirSync(join(repo, "real"));
    symlinkSync("real", join(repo, "out"));
    writeOutput(join(repo, "out", "junit.xml"), "report", { cwd: repo });
    expect(readFileSync(join(repo, "real", "junit.xml"), "utf8")).toBe("report");
    // a path outside the working folder is the user's own, links and all (a home folder linked elsewhere)
    symlinkSync(outside, join(dir, "home-link"));
    writeOutput(join(dir, "home-link", "page.html"), "page", { cwd: repo });
    expect(readFileSync(join(outside, "page.html"), "utf8")).toBe("page");
    expect(leftovers(repo)).toEqual([]);
    expect(leftovers(outside)).toEqual([]);
  });

  it("the working folder itself has no link on its way out of it: its own parent is not where a write lands", () => {
    // `--flips .` (a folder written in) was refused, and `--csv .` told, as "a symbolic link on its way
    // leads out of the working folder": the check read the folder above the working folder as the one
    // written in
    const repo = join(dir, "repo");
    mkdirSync(repo);
    for (const name of [".", "./", repo])
      expect(() => refuseFolderLeadingOut(name, join(repo, name), repo)).not.toThrow();
    for (const name of [".", repo]) {
      const e = refused(() => checkOutput(name, { cwd: repo }));
      expect(e.message).toBe("cannot write: it is a folder");
    }
    // a link to the working folder's parent, named in it, is still refused as the folder written in
    symlinkSync("..", join(repo, "up"));
    expect(() => refuseFolderLeadingOut("up/x", join(repo, "up", "x"), repo)).toThrow(
      /leads out of the working folder/,
    );
  });

  it("a link never leads into a .git folder, even in the working folder: git runs its hooks", () => {
    // `report.txt -> .git/hooks/pre-commit` planted in a repository: the report replaced the hook (its
    // mode kept), and a scenario named `x; touch PWNED` ran at the next `git commit`
    const repo = join(dir, "repo");
    const hooks = join(repo, ".git", "hooks");
    mkdirSync(hooks, { recursive: true });
    const hook = join(hooks, "pre-commit");
    writeFileSync(hook, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    symlinkSync(".git/hooks/pre-commit", join(repo, "report.txt"));
    symlinkSync(join(".git", "hooks"), join(repo, "out"));
    symlinkSync(".git/config", join(repo, "new.txt"));
    for (const name of ["report.txt", join("out", "pre-commit"), join("out", "post-checkout"), "new.txt"]) {
      const e = refused(() => writeOutput(name, "x; touch PWNED", { cwd: repo }));
      expect(e.message, name).toMatch(/a symbolic link on its way leads into a \.git folder/);
    }
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\nexit 0\n");
    expect(readdirSync(hooks)).toEqual(["pre-commit"]);
    expect(existsSync(join(repo, ".git", "config"))).toBe(false);
    // in any case: `.GIT` is the same folder where a file system ignores case (macOS, Windows)
    mkdirSync(join(repo, ".GIT"));
    symlinkSync(".GIT/config", join(repo, "upper.txt"));
    expect(() => writeOutput("upper.txt", "x", { cwd: repo })).toThrow(/leads into a \.git folder/);
    expect(existsSync(join(repo, ".GIT", "config"))).toBe(false);
    // a path typed into it is the user's own
    writeOutput(join(".git", "notes.txt"), "typed", { cwd: repo });
    expect(readFileSync(join(repo, ".git", "notes.txt"), "utf8")).toBe("typed");
    expect(leftovers(repo)).toEqual([]);
  });

  it("a link never leads onto a program: a file with an execute bit is not replaced through one", () => {
    // a checkout's untracked programs (node_modules/.bin's shell scripts) are run by the job's next step:
    // a report replacing one through a planted link runs a line a scenario's name wrote
    const repo = join(dir, "repo");
    const bin = join(repo, "node_modules", ".bin");
    mkdirSync(bin, { recursive: true });
    const tool = join(bin, "tool");
    writeFileSync(tool, "#!/bin/sh\necho tool\n", { mode: 0o755 });
    symlinkSync("node_modules/.bin/tool", join(repo, "report.txt"));
    symlinkSync(join("node_modules", ".bin"), join(repo, "out"));
    for (const name of ["report.txt", join("out", "tool")]) {
      const e = refused(() => writeOutput(name, "x; touch PWNED", { cwd: repo }));
      expect(e.message, name).toMatch(/leads to a program/);
      expect(e.details.found).toBe(tool);
    }
    expect(readFileSync(tool, "utf8")).toBe("#!/bin/sh\necho tool\n");
    // named itself, it is the user's to replace; a file without an execute bit is followed as before
    writeOutput(join("node_modules", ".bin", "tool"), "typed", { cwd: repo });
    expect(readFileSync(tool, "utf8")).toBe("typed");
    writeFileSync(join(repo, "page.html"), "old", { mode: 0o644 });
    symlinkSync("page.html", join(repo, "latest.html"));
    writeOutput("latest.html", "new", { cwd: repo });
    expect(readFileSync(join(repo, "page.html"), "utf8")).toBe("new");
    expect(leftovers(repo)).toEqual([]);
  });

  it.runIf(existsSync("/proc/self/fd"))(
    "a descriptor the shell opened (/dev/fd/3 of `3> file`, /dev/stderr of `2> file`) is written, wherever its file is",
    () => {
      const repo = join(dir, "repo");
      mkdirSync(repo);
      const file = join(dir, "page.html");
      const fd = openSync(file, "w");
      try {
        writeOutput(`/dev/fd/${fd}`, "page", { cwd: repo });
      } finally {
        closeSync(fd);
      }
      expect(readFileSync(file, "utf8")).toBe("page");
      // another process's descriptor is not the user's: a link planted to it leads out as any other
      const other = openSync(join(dir, "other.log"), "w");
      const child = spawn("sleep", ["30"], { stdio: ["ignore", other, "ignore"] });
      closeSync(other);
      try {
        symlinkSync(`/proc/${child.pid}/fd/1`, join(repo, "report.xml"));
        expect(() => writeOutput(join(repo, "report.xml"), "report", { cwd: repo })).toThrow(/leads out/);
        expect(readFileSync(join(dir, "other.log"), "utf8")).toBe("");
      } finally {
        child.kill();
      }
    },
  );

  it("a link to a device is written through, not replaced", () => {
    const link = join(dir, "null.csv");
    symlinkSync("/dev/null", link);
    writeOutput(link, "gone");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it("a device is written through", () => {
    writeOutput("/dev/null", "nothing");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a pipe is written through; a reader that goes away is said (EPIPE): the output was not all read", () => {
    const fifo = join(dir, "pipe");
    if (!mkfifo(fifo)) return;
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const out = openOutput(fifo);
    out.write("hello");
    const buf = Buffer.alloc(16);
    expect(buf.toString("utf8", 0, readSync(reader, buf))).toBe("hello");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    closeSync(reader);
    const e = refused(() => out.write("more"));
    expect(e.message).toBe("cannot write: the pipe's reader went away before all of it was read");
    expect(e.details.file).toBe(fifo);
    out.abort();
  });
});

describe("a named pipe nobody reads", () => {
  // as an input pipe nobody writes to is refused in 2 s: a report named to a FIFO whose reader never
  // came hung the command (a CI job until its timeout), where a file would have been written
  it("is refused after a wait, never a hang", () => {
    const fifo = join(dir, "pipe");
    if (!mkfifo(fifo)) return;
    // a pipe is written through (openOutput's way for one, as the test above has it), its wait cut from
    // 2 s to 50 ms: a blocked thread, the same path (a reader 0.3 s late is waited for at the default below)
    const e = refused(() => through(fifo, fifo, 50));
    expect(e.message).toBe("cannot write: nothing reads the pipe");
    expect(e.details.file).toBe(fifo);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a reader that comes, however slow, gets everything, more than a pipe holds at once", async () => {
    const fifo = join(dir, "pipe");
    if (!mkfifo(fifo)) return;
    // a reader that starts reading a moment later: the writes wait for it rather than fail
    const reader = spawn("sh", ["-c", `sleep 0.3; wc -c < '${fifo}'`], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let counted = "";
    reader.stdout.on("data", (d: Buffer) => {
      counted += d.toString();
    });
    const done = new Promise((resolve) => reader.on("close", resolve));
    const text = "x".repeat(1_000_000);
    writeOutput(fifo, text);
    await done;
    expect(Number(counted.trim())).toBe(text.length);
  });
});

describe("operating-system errors are the user's, in words", () => {
  it("a folder", () => {
    const e = refused(() => writeOutput(dir, "x"));
    expect(e.message).toBe("cannot write: it is a folder");
    expect(e.details.file).toBe(dir);
    expect(e.exitCode).toBe(2);
  });

  it("a name ending in / is a folder's: never a file of that name written, nor one there replaced", () => {
    // `--html report.html/` wrote (or replaced) report.html, as resolve() drops the slash: every other
    // tool refuses it ("Not a directory")
    writeFileSync(join(dir, "keep.html"), "mine\n");
    // each name as the commands give it (relative, with the folder it is in) and as a whole path
    const targets = ["keep.html", "fresh.html"].flatMap((name) => [
      { target: `${name}/`, cwd: dir },
      { target: `${join(dir, name)}/`, cwd: undefined },
    ]);
    for (const existing of ["any", "regular", "new"] as const)
      for (const { target, cwd } of targets)
        for (const f of [
          () => checkOutput(target, { existing, cwd }),
          () => writeOutput(target, "x", { existing, cwd }),
        ]) {
          const e = refused(f);
          expect(e.message).toBe('cannot write: a name ending in "/" is a folder\'s');
          expect(e.details).toMatchObject({
            file: target,
            hint: expect.stringMatching(/without the trailing \//),
          });
        }
    expect(readFileSync(join(dir, "keep.html"), "utf8")).toBe("mine\n");
    expect(existsSync(join(dir, "fresh.html"))).toBe(false);
    // a folder there is said to be one, as without the slash
    expect(refused(() => writeOutput(`${dir}/`, "x")).message).toBe("cannot write: it is a folder");
  });

  it("a missing folder", () => {
    const e = refused(() => writeOutput(join(dir, "no", "such", "out.csv"), "x"));
    expect(e.message).toBe("cannot write: no such file or folder");
    expect(e.details.hint).toMatch(/create the folder/);
  });

  it("a file where a folder should be", () => {
    writeFileSync(join(dir, "file"), "");
    expect(refused(() => writeOutput(join(dir, "file", "out.csv"), "x")).message).toBe(
      "cannot write: a part of the path is not a folder",
    );
  });

  it.runIf(posix && existsSync("/dev/full"))("a full device", () => {
    const e = refused(() => writeOutput("/dev/full", "x".repeat(10)));
    expect(e.message).toBe("cannot write: no space left on the device");
  });

  it.runIf(posix && process.getuid?.() !== 0)("a folder without write permission", () => {
    const ro = join(dir, "ro");
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    expect(refused(() => writeOutput(join(ro, "out.csv"), "x")).message).toBe(
      "cannot write: permission denied",
    );
    expect(leftovers(ro)).toEqual([]);
  });
});

describe.runIf(posix)("signals", () => {
  const script = join(ROOT, "dist/shared/write-file.js");

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "%s during a write removes the temporary file and ends the process by the signal",
    async (signal) => {
      expect(existsSync(script), "build first (npm run build)").toBe(true);
      const target = join(dir, "big.csv");
      const child = spawn(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { openOutput } from ${JSON.stringify(script)};
         const out = openOutput(${JSON.stringify(target)});
         out.write("partial\\n");
         process.stdout.write("ready\\n");
         setInterval(() => out.write("more\\n"), 5);`,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      expect(leftovers()).toHaveLength(1);
      child.kill(signal);
      const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on("exit", (c, s) => resolve([c, s])),
      );
      expect(sig).toBe(signal);
      expect(code).toBeNull();
      expect(leftovers()).toEqual([]);
      expect(existsSync(target)).toBe(false);
    },
  );
});

describe("files the program names itself: existing new or regular", () => {
  it("new: anything at the path is refused, a dangling link included, and nothing is created through it", () => {
    const outside = join(dir, "outside.yaml");
    const link = join(dir, "link.yaml");
    symlinkSync(outside, link);
    expect(() => writeOutput(link, "x", { existing: "new" })).toThrow(/cannot write: it exists/);
    expect(existsSync(outside)).toBe(false);
    expect(readdirSync(dir)).toEqual(["link.yaml"]);
  });

  it("new: a file that appears while the output is written is not replaced", () => {
    const file = join(dir, "race.yaml");
    const out = openOutput(file, { existing: "new" });
    out.write("ours");
    writeFileSync(file, "theirs");
    expect(() => out.commit()).toThrow(InputError);
    expect(readFileSync(file, "utf8")).toBe("theirs");
    expect(readdirSync(dir)).toEqual(["race.yaml"]);
    expect(liveTemporaryFiles()).toEqual([]);
  });

  it("new: a free name is written whole", () => {
    const file = join(dir, "new.yaml");
    writeOutput(file, "hello", { existing: "new" });
    expect(readFileSync(file, "utf8")).toBe("hello");
    expect(readdirSync(dir)).toEqual(["new.yaml"]);
  });

  it("regular: a regular file is replaced; a link to one is refused, its target untouched", () => {
    const target = join(dir, "target.yaml");
    writeFileSync(target, "keep");
    const link = join(dir, "link.yaml");
    symlinkSync(target, link);
    expect(() => writeOutput(link, "x", { existing: "regular" })).toThrow(/it is a symbolic link/);
    expect(readFileSync(target, "utf8")).toBe("keep");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    writeOutput(target, "new", { existing: "regular" });
    expect(readFileSync(target, "utf8")).toBe("new");
  });
});

describe("makeFolders", () => {
  it("guards a folder from before it is made until it is removed: a signal between the two removes it", () => {
    // with no listener, SIGINT ends the process at once: `simulate --csv out/new/r.csv` stopped after its
    // folders were made, before its first temporary file, left out/new behind (round 15's test, flaky)
    const base = mkdtempSync(join(tmpdir(), "credit-sim-folders-"));
    removeEmptyFolders(); // (none held from an earlier case in this worker: the count starts unguarded)
    const before = process.listenerCount("SIGINT");
    try {
      makeFolders(join(base, "out", "new"));
      expect(process.listenerCount("SIGINT")).toBe(before + 1);
      removeEmptyFolders();
      expect(process.listenerCount("SIGINT")).toBe(before);
      expect(existsSync(join(base, "out"))).toBe(false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it("makes the folders missing on a path, and reports a level it cannot make instead of hanging", () => {
    const base = mkdtempSync(join(tmpdir(), "credit-sim-folders-"));
    try {
      makeFolders(join(base, "a", "b", "c"));
      expect(statSync(join(base, "a", "b", "c")).isDirectory()).toBe(true);
      // already there: nothing to do
      makeFolders(join(base, "a", "b"));
      writeFileSync(join(base, "file"), "x");
      expect(() => makeFolders(join(base, "file", "d"), "file/d")).toThrow(/not a folder/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
    // Node's own recursive mkdir never returns on this path (the kernel answers ENOENT for ever)
    removeEmptyFolders(); // (the folders above, made and removed with their base: no longer held)
    const listening = process.listenerCount("SIGINT");
    expect(() => makeFolders("/proc/credit-sim/x", "/proc/credit-sim/x")).toThrow(InputError);
    // nothing made there: no guard left behind for the rest of the command
    expect(process.listenerCount("SIGINT")).toBe(listening);
  });

  it.runIf(existsSync("/proc/version"))(
    "a folder no file can be made in is said so, not 'create the folder first'",
    () => {
      const e = fileError(Object.assign(new Error("x"), { code: "ENOENT" }), "/proc/version") as InputError;
      expect(e.message).toBe("cannot write: no file can be made in this folder");
      expect(e.details.hint).toBe("write the file somewhere else");
      const missing = fileError(
        Object.assign(new Error("x"), { code: "ENOENT" }),
        "/nonexistent-credit-sim/x",
      );
      expect((missing as InputError).details.hint).toBe("create the folder first");
    },
  );
});

describe("stagedFolder", () => {
  it("builds inside the target and moves its files in at the end; the target itself stays, and abandon leaves nothing", () => {
    const base = mkdtempSync(join(tmpdir(), "credit-sim-staged-"));
    try {
      const target = join(base, "out");
      mkdirSync(target);
      writeFileSync(join(target, "stale.txt"), "old run");
      const before = statSync(target).ino;
      const stage = stagedFolder(target);
      writeFileSync(join(stage.path, "new.txt"), "this run");
      // until committed, the target holds what it held, and the build is hidden inside it
      expect(readdirSync(target).filter((f) => !f.startsWith("."))).toEqual(["stale.txt"]);
      // the caller is asked about what else stands there: refused, nothing is replaced
      expect(() => stage.commit(() => new InputError("files appeared"))).toThrow(/files appeared/);
      expect(readdirSync(target)).toEqual(["stale.txt"]);
      const again = stagedFolder(target);
      writeFileSync(join(again.path, "new.txt"), "this run");
      let asked: readonly string[] = [];
      again.commit((others) => {
        asked = others;
        return null;
      });
      expect(asked).toEqual(["stale.txt"]);
      expect(readdirSync(target)).toEqual(["new.txt"]);
      expect(statSync(target).ino).toBe(before);
      const dropped = stagedFolder(target);
      writeFileSync(join(dropped.path, "half.txt"), "interrupted");
      dropped.abandon();
      expect(readdirSync(target)).toEqual(["new.txt"]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe("stagedFolder beside a killed run's", () => {
  it("a hidden folder a killed run left under this process's id is removed, as one under another's is", () => {
    const base = mkdtempSync(join(tmpdir(), "credit-sim-staged-"));
    try {
      const target = join(base, "out");
      mkdirSync(target);
      const probe = stagedFolder(target);
      const n = Number(/-(\d+)$/.exec(probe.path)![1]);
      probe.abandon();
      // the same process id, as a killed run's is the next one's in a container (PID 1): it was taken for
      // alive, kept, and its name refused the export ("cannot write: it exists")
      const stale = Array.from({ length: 5 }, (_, i) => `.credit-sim-${process.pid}-${n + 1 + i}`);
      for (const name of stale) mkdirSync(join(target, name));
      writeFileSync(join(target, stale[0]!, "half.yaml"), "interrupted");
      const stage = stagedFolder(target);
      writeFileSync(join(stage.path, "new.txt"), "this run");
      stage.commit(() => null);
      expect(readdirSync(target)).toEqual(["new.txt"]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe("OutputSet: a command's outputs put in place together", () => {
  // the descriptors this process holds on files in the test's folder (other test files share the process:
  // a count of every descriptor would move with them)
  const openHere = () =>
    readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
      } catch {
        return false; // closed meanwhile
      }
    }).length;

  it.runIf(existsSync("/proc/self/fd"))(
    "keeps no descriptor open for a held file (a run of many pages)",
    () => {
      const set = new OutputSet();
      try {
        for (let i = 0; i < 50; i++) set.write(join(dir, `p${i}.html`), `page ${i}`);
        expect(openHere()).toBe(0);
        expect(existsSync(join(dir, "p0.html"))).toBe(false);
        set.commit();
      } finally {
        set.abort();
      }
      expect(readFileSync(join(dir, "p49.html"), "utf8")).toBe("page 49");
      expect(leftovers()).toEqual([]);
    },
  );

  it("prints standard output's part once every file is in place, and nothing when a commit fails", () => {
    const printed: string[] = [];
    const ok = new OutputSet();
    ok.write("-", "the page", { stdout: (t) => printed.push(t) });
    ok.write(join(dir, "a.csv"), "rows");
    expect(printed).toEqual([]);
    ok.commit();
    expect(printed).toEqual(["the page"]);
    const failing = new OutputSet();
    failing.write("-", "never", { stdout: (t) => printed.push(t) });
    failing.hold({
      commit: () => {
        throw new InputError("refused at its commit");
      },
      abort: () => {},
    });
    expect(() => failing.commit()).toThrow(/refused/);
    expect(printed).toEqual(["the page"]);
  });
});
