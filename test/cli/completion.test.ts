// `credit-sim completion bash|zsh`: scripts read off the real option tables, that the shells accept and
// that complete commands, flags and their values.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

async function script(shell: string): Promise<string> {
  let out = "";
  const code = await runCli(["completion", shell], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    stdinIsTTY: false,
    env: {},
    cwd: process.cwd(),
  });
  expect(code).toBe(0);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "credit-sim-completion-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash completes for the words typed so far (the last one being completed). */
function complete(file: string, words: string[], cwd?: string): string[] {
  const r = spawnSync(
    "bash",
    [
      "-c",
      `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _credit_sim; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: "utf8", cwd },
  );
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean);
}

describe("completion", () => {
  it("bash: commands, flags and listed values", async () => {
    const file = join(dir, "credit-sim.bash");
    writeFileSync(file, await script("bash"));
    expect(spawnSync("bash", ["-n", file]).status).toBe(0);
    expect(complete(file, ["credit-sim", "ex"])).toEqual(["explain"]);
    expect(complete(file, ["credit-sim", "test", "--wa"])).toEqual(["--watch"]);
    expect(complete(file, ["credit-sim", "test", "--reporter", ""])).toEqual([
      "pretty",
      "json",
      "junit",
      "github",
      "html",
    ]);
    expect(complete(file, ["credit-sim", "simulate", "--challenger", "ti"])).toEqual(["tightened"]);
    expect(complete(file, ["credit-sim", "completion", ""])).toEqual(["bash", "zsh"]);
    // an alias completes as its command: `what-if` is `whatif`
    expect(complete(file, ["credit-sim", "what-if", "--max"])).toEqual(["--max-edits"]);
    // a flag taking a value of its own (a number) completes nothing, not a file or a flag
    expect(complete(file, ["credit-sim", "simulate", "--days", ""])).toEqual([]);
  });

  it("bash: a file's name is offered as it is — never run, split or read as a pattern", async () => {
    // without bash-completion's _filedir, the script's own listed files through $(compgen -f) unquoted:
    // `[ab].yaml` was read as a pattern, so `run [` TAB completed to a.yaml, another scenario
    const file = join(dir, "credit-sim.bash");
    writeFileSync(file, await script("bash"));
    const files = mkdtempSync(join(dir, "files-"));
    const names = ["[ab].yaml", "a.yaml", "*.yaml", "c d.yaml", "$(touch PWNED).yaml", "`touch PWNED`.yaml"];
    for (const name of names) writeFileSync(join(files, name), "");
    expect(complete(file, ["credit-sim", "run", "["], files)).toEqual(["[ab].yaml"]);
    expect(complete(file, ["credit-sim", "run", "*"], files)).toEqual(["*.yaml"]);
    expect(complete(file, ["credit-sim", "run", ""], files).sort()).toEqual([...names].sort());
    expect(complete(file, ["credit-sim", "run", "$("], files)).toEqual(["$(touch PWNED).yaml"]);
    expect(existsSync(join(files, "PWNED"))).toBe(false);
  });

  it("bash: without bash-completion, the files offered are those _filedir would offer", async () => {
    // its fallback offered every file for a scenario (notes.txt to `run`), where the full path offers
    // folders and scenario files only: the same offers either way
    const file = join(dir, "credit-sim.bash");
    writeFileSync(file, await script("bash"));
    const files = mkdtempSync(join(dir, "filter-"));
    for (const name of ["a.yaml", "b.YML", "c.json", "notes.txt", "yaml", "d.yaml.bak"])
      writeFileSync(join(files, name), "");
    mkdirSync(join(files, "sub"));
    mkdirSync(join(files, "more.d"));
    const offered = (words: string[]) => complete(file, words, files).sort();
    expect(offered(["credit-sim", "run", ""])).toEqual(["a.yaml", "b.YML", "c.json", "more.d", "sub"]);
    // a file option (a page to write) and a folder argument keep their own offers
    expect(offered(["credit-sim", "run", "a.yaml", "--html", ""])).toEqual([
      "a.yaml",
      "b.YML",
      "c.json",
      "d.yaml.bak",
      "more.d",
      "notes.txt",
      "sub",
      "yaml",
    ]);
    expect(offered(["credit-sim", "init", ""])).toEqual(["more.d", "sub"]);
  });

  it("bash: no statement said twice in a row", async () => {
    const text = await script("bash");
    const doubled = text.split("\n").filter((line) => {
      // a case's arm without its pattern: `--days) return 0; return 0 ;;` is two `return 0`
      const statements = line
        .replace(/^\s*[-\w|]+\)\s/, "")
        .split(";")
        .map((s) => s.trim());
      return statements.some((s, i) => s !== "" && s === statements[i + 1]);
    });
    expect(doubled).toEqual([]);
  });

  it("zsh: a #compdef function for every command", async () => {
    const text = await script("zsh");
    expect(text.startsWith("#compdef credit-sim\n")).toBe(true);
    for (const c of ["run", "explain", "test", "whatif|what-if", "simulate", "init", "completion"])
      expect(text).toContain(`    ${c})\n      _arguments -s`);
    // where zsh is installed, it must parse the script
    if (existsSync("/usr/bin/zsh") || existsSync("/bin/zsh")) {
      const file = join(dir, "_credit-sim");
      writeFileSync(file, text);
      expect(spawnSync("zsh", ["-n", file]).status).toBe(0);
    }
  });

  it("refuses another shell", async () => {
    let err = "";
    const code = await runCli(["completion", "fish"], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (err += t) },
      stdinIsTTY: false,
      env: {},
      cwd: process.cwd(),
    });
    expect(code).toBe(2);
    expect(err).toContain('unknown shell "fish"');
  });
});
