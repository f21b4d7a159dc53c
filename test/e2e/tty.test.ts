// The built CLI in a real pseudo-terminal (util-linux `script`, part of every Debian/Ubuntu base system):
// the interactive what-if session (keystrokes in, screen out, the exit code of Ctrl-C as a user sees it)
// and simulate's progress bar. test/cli/whatif-session.test.ts drives the session in-process.

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, cli, ROOT } from "../helpers/cli.js";

const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
const KEY = { down: "\u001b[B", up: "\u001b[A", enter: "\r", space: " ", ctrlC: "\u0003", ctrlD: "\u0004" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|\r/g;

class Terminal {
  private out = "";
  private seen = 0;
  readonly exit: Promise<number | null>;
  private readonly child: ChildProcess;

  /** `env`: over the terminal's own (a key set to undefined is taken out); `cwd`: where it runs */
  constructor(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT) {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    this.child = spawn("script", ["-qfec", `stty cols 160 rows 60; exec ${quoted}`, "/dev/null"], {
      cwd,
      // a developer's terminal: under CI (the suite's own CI=true) whatif opens no session
      env: Object.fromEntries(
        Object.entries({
          ...process.env,
          TERM: "xterm-256color",
          NO_COLOR: "1",
          FORCE_COLOR: "",
          CI: "",
          ...env,
        }).filter(([, v]) => v !== undefined),
      ),
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout!.on("data", (d: Buffer) => {
      this.out += d.toString("utf8");
    });
    this.exit = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** Everything written to the terminal, escapes and all. */
  get raw(): string {
    return this.out;
  }

  /** Everything shown since the last `expect`, without escapes. */
  get screen(): string {
    return this.out.replace(ANSI, "");
  }

  /** Waits until `text` appears after what was already matched. */
  async expect(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.screen.slice(this.seen);
      const m = typeof text === "string" ? rest.indexOf(text) : rest.search(text);
      if (m >= 0) {
        this.seen += m + 1;
        return rest;
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(text)}; screen:\n${rest.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the terminal has been sent `sequence` (an escape, which `expect` does not see): a prompt
   *  writes its text and its cursor escapes in separate writes, and the text can arrive first. */
  async sent(sequence: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.out.includes(sequence)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(sequence)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  send(...keys: string[]): void {
    this.child.stdin!.write(keys.join(""));
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  /** `signal` to the command itself: script's child, the shell that exec'd it. */
  signal(signal: NodeJS.Signals): void {
    const ps = spawnSync("ps", ["-o", "pid=", "--ppid", String(this.child.pid)], { encoding: "utf8" });
    process.kill(Number(ps.stdout.trim()), signal);
  }
}

/** The prompt's line was erased between the last `from` written and `to`: what inquirer writes as it
 *  finishes a prompt to be taken away (an answered one stays, a new line under it). */
const wiped = (raw: string, from: string, to: string): boolean => {
  const rest = raw.slice(raw.lastIndexOf(from));
  return rest.slice(0, rest.indexOf(to)).includes("\u001b[2K");
};

const sessions: Terminal[] = [];
afterEach(() => {
  for (const t of sessions.splice(0)) t.kill();
});
const open = (args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT) => {
  const t = new Terminal(args, env, cwd);
  sessions.push(t);
  return t;
};

describe.skipIf(!hasScript)("whatif in a real terminal", () => {
  it("remove, run, compare, save, then `run` the saved file", { tags: ["slow"] }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "whatif-pty-"));
    const saved = join(dir, "fewer-applications.yaml");
    const t = open(["whatif", "test/fixtures/whatif/late-payer.yaml"]);
    await t.expect("What-if session: Late payer");
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.down, KEY.enter);
    await t.expect("Remove which events?");
    await t.expect("#15");
    // #5 and #6: the fifth and sixth lines
    t.send(KEY.down, KEY.down, KEY.down, KEY.down, KEY.space, KEY.down, KEY.space, KEY.enter);
    await t.expect("✓ removed #5 (apply for +¥2,000.00 limit on day 24), #6");
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.enter);
    const comparison = await t.expect("─ base   ┄ what-if");
    expect(comparison).toContain("Decisions that differ (2)");
    expect(comparison).toMatch(/24\s+#5 apply for \+¥2,000\.00 limit\s+declined\s+\(event removed\)/);
    expect(comparison).toMatch(/declines\s+5\s+3\s+−2/);
    await t.expect("❯ Run and compare with the original");
    // Save is the second choice from the bottom: up wraps round to Quit, once more to Save
    t.send(KEY.up, KEY.up, KEY.enter);
    await t.expect("Save as:");
    t.send(saved, KEY.enter);
    await t.expect(`✓ saved ${saved}`);
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.up, KEY.enter);
    expect(await t.exit).toBe(0);

    const run = await cli(["run", saved, "--no-chart"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Late payer (what-if)");
    expect(readFileSync(saved, "utf8")).toContain("removed #5");
  });

  it("--no-color reaches the prompts too, on a terminal that has colour", { tags: ["slow"] }, async () => {
    // the terminal's colour is on (no NO_COLOR): inquirer's own detection would colour its prompts
    const t = open(["whatif", "test/fixtures/whatif/late-payer.yaml", "--no-color"], { NO_COLOR: undefined });
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.down, KEY.down, KEY.down, KEY.enter);
    await t.expect("Event type:");
    t.send(KEY.ctrlC);
    expect(await t.exit).toBe(130);
    // no colour, bold or dim (SGR) anywhere: the cursor's moves are all the escapes there are
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes are what is looked for
    expect(t.raw).not.toMatch(/\u001b\[[0-9;]*m/);
  });

  it("a whatif/ folder planted as a link is refused before 'Replace it?', whatever name is typed in it", {
    tags: ["slow"],
  }, async () => {
    // the session's own folder, as a cloned repository may plant it: 'whatif/late-payer-whatif.yaml
    // exists. Replace it?' was asked of the file reached through the link, and yes wrote there
    const dir = mkdtempSync(join(tmpdir(), "whatif-pty-"));
    mkdirSync(join(dir, "work"));
    mkdirSync(join(dir, "elsewhere"));
    copyFileSync(join(ROOT, "test/fixtures/whatif/late-payer.yaml"), join(dir, "work", "late-payer.yaml"));
    writeFileSync(join(dir, "elsewhere", "late-payer-whatif.yaml"), "theirs\n");
    symlinkSync("../elsewhere", join(dir, "work", "whatif"));
    const t = open(["whatif", "late-payer.yaml"], {}, join(dir, "work"));
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.up, KEY.up, KEY.enter);
    await t.expect("Save as:");
    // the default cleared, the name the session would suggest first, there through the link
    t.send("\u007f", "whatif/late-payer-whatif.yaml", KEY.enter);
    const said = await t.expect("cannot write into it: it is a symbolic link");
    expect(said).not.toContain("Replace it?");
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.up, KEY.enter);
    expect(await t.exit).toBe(0);
    expect(readFileSync(join(dir, "elsewhere", "late-payer-whatif.yaml"), "utf8")).toBe("theirs\n");
  });

  it("Ctrl-C leaves cleanly with exit 130 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whatif-pty-"));
    const t = open(["whatif", "test/fixtures/whatif/late-payer.yaml"]);
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.up, KEY.up, KEY.enter);
    await t.expect("Save as:");
    t.send(join(dir, "half"));
    t.send(KEY.ctrlC);
    expect(await t.exit).toBe(130);
    expect(t.screen).toContain("left the what-if session");
    // the prompt taken away (its line erased), not left above the line that says the session is left
    expect(wiped(t.raw, "half", "left the what-if session")).toBe(true);
    expect(t.screen).not.toMatch(/Error|\n\s+at /);
    expect(existsSync(join(dir, "half"))).toBe(false);
  });

  it("a kill or the window closed during the session: the cursor shown and paste marks off, then the signal's exit", {
    tags: ["slow"],
  }, async () => {
    // the prompt hides the cursor and the session asks for paste marks: ended by a signal, neither was put
    // back, and the shell was left without a cursor
    for (const [signal, code] of [
      ["SIGTERM", 143],
      ["SIGHUP", 129],
    ] as const) {
      const t = open(["whatif", "test/fixtures/whatif/late-payer.yaml"]);
      await t.expect("❯ Run and compare with the original");
      await t.sent("\u001b[?25l");
      expect(t.raw.lastIndexOf("\u001b[?25l")).toBeGreaterThan(t.raw.lastIndexOf("\u001b[?25h"));
      t.signal(signal);
      expect(await t.exit).toBe(code);
      expect(t.raw.lastIndexOf("\u001b[?25h")).toBeGreaterThan(t.raw.lastIndexOf("\u001b[?25l"));
      expect(t.raw.lastIndexOf("\u001b[?2004l")).toBeGreaterThan(t.raw.lastIndexOf("\u001b[?2004h"));
      expect(t.screen).not.toMatch(/Error|\n\s+at /);
    }
  });

  it("Escape at a typed answer takes the prompt away and goes back to the menu", {
    tags: ["slow"],
  }, async () => {
    const t = open(["whatif", "test/fixtures/whatif/late-payer.yaml"]);
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.up, KEY.up, KEY.enter);
    await t.expect("Save as:");
    t.send("half");
    await t.expect("half");
    t.send("\u001b");
    await t.expect("back to the menu: nothing changed");
    expect(wiped(t.raw, "half", "back to the menu")).toBe(true);
    // the menu's cursor on the choice left; Quit just under it
    await t.expect("❯ Save the variant as a new scenario file");
    t.send(KEY.down, KEY.enter);
    expect(await t.exit).toBe(0);
  });

  it("keys typed while a search runs answer nothing: dropped, said, and the question after it still asked", {
    tags: ["slow"],
  }, async () => {
    // "n⏎" typed during the search was held by the terminal and answered "Adopt the first suggestion?",
    // which was not on the screen yet
    const t = open(["whatif", "scenarios/zhang-ming.yaml"]);
    await t.expect("❯ Run and compare with the original");
    // the search: the third choice from the bottom (up wraps round to Quit)
    t.send(KEY.up, KEY.up, KEY.up, KEY.enter);
    await t.expect("❯ avoid the suspension");
    t.send(KEY.enter);
    await t.expect("✔ Find the smallest change to your own events that would… avoid the suspension");
    t.send("n", KEY.enter);
    await t.expect("One change would have done it");
    await t.expect("keys pressed before this question was shown were ignored: press them again");
    const asked = await t.expect("Adopt the first suggestion as your edits?");
    expect(asked).not.toContain("✔ Adopt");
    t.send(KEY.enter);
    await t.expect("✔ Adopt the first suggestion as your edits? Yes");
    await t.expect("What now? (1 edit)");
    t.send(KEY.ctrlD);
    expect(await t.exit).toBe(0);
    expect(t.screen).toContain("left the what-if session: 1 edit not saved");
  });

  it("Ctrl-D at a prompt ends the input: exit 0, the prompt wiped, the cursor shown, nothing written", {
    tags: ["slow"],
  }, async () => {
    // it exited 130 as inquirer's "force closed" once the process had nothing left to do, the list left
    // on the screen
    const dir = mkdtempSync(join(tmpdir(), "whatif-pty-"));
    const t = open(["whatif", "test/fixtures/whatif/late-payer.yaml"]);
    await t.expect("❯ Run and compare with the original");
    t.send(KEY.up, KEY.up, KEY.enter);
    await t.expect("Save as:");
    // a name typed, then cleared (Ctrl-U): Ctrl-D on the empty line
    t.send(join(dir, "half"), "\u0015", KEY.ctrlD);
    expect(await t.exit).toBe(0);
    const after = t.raw.slice(t.raw.lastIndexOf("Save as:"));
    expect(after.replace(ANSI, "")).toMatch(/left the what-if session\n*$/);
    // the cursor shown again after the prompt was taken away
    expect(after).toContain("\u001b[?25h");
    expect(t.screen).not.toMatch(/Error|force closed|\n\s+at /);
    expect(existsSync(join(dir, "half"))).toBe(false);
  });
});

describe.skipIf(!hasScript)("simulate in a real terminal", () => {
  it("shows a progress bar on stderr, and leaves the result on stdout untouched", () => {
    const out = join(mkdtempSync(join(tmpdir(), "credit-sim-tty-")), "tty.json");
    // the bar is drawn at the start and at the end whatever the size: 300 accounts show both
    const cmd = `${JSON.stringify(process.execPath)} bin/credit-sim simulate --accounts 300 --days 100 --json > ${out}`;
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
    delete env.CI; // the bar also stays off in CI
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: ROOT, encoding: "utf8", env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/simulating .*0\/300 accounts/);
    expect(r.stdout).toMatch(/100% \| 300\/300 accounts/);
    expect(JSON.parse(readFileSync(out, "utf8")).meta.accounts).toBe(300);
  });
});
