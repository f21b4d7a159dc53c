// The commands credit-sim suggests are pasted into a shell: a word (shellWord) is read back by the shell
// as the text it was made from, whatever characters it holds, and a file (shellPath) is read as a file,
// never as an option — a pull request names the files.

import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { printable, shellPath, shellWord } from "../../src/shared/text.js";

/** What `shell` makes of `words`, one argument a line (NUL-separated, so a line break stays one). */
const argv = (shell: string, words: readonly string[]): string[] =>
  execFileSync(shell, ["-c", `printf '%s\\0' ${words.join(" ")}`], { encoding: "utf8" })
    .split("\0")
    .slice(0, -1);

const TEXTS = [
  "plain.yaml",
  "scenarios/zhang-ming.yaml",
  "a b.yaml",
  "line\nbreak.yaml",
  "tab\there.yaml",
  "it's.yaml",
  "''",
  "bang!.yaml",
  "!!",
  'double"quote',
  "back\\slash",
  "$(touch PWNED)",
  "`touch PWNED`",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a parameter expansion, as a file may name it
  "${HOME}",
  "a;b&c|d",
  "<in>out",
  "(sub)",
  "*.yaml",
  "?",
  "[ab]",
  "{a,b}",
  "~",
  "~root/x",
  "#comment",
  "%1",
  "^old^new",
  "张明.yaml",
  "😀.yaml",
  "e\u0301.yaml",
  "zero\u200bwidth",
  "\u202eevil",
  "",
  "-",
  "--output=pwn.yaml",
  "=ls",
  "a=b",
];

describe("shellWord", () => {
  it("is read back by bash (and sh, where no $'…' is needed) as the text it was made from, for every kind of character", () => {
    const words = TEXTS.map(shellWord);
    expect(argv("bash", words)).toEqual(TEXTS);
    // sh too (dash, on Debian), for the words that need no $'…' (POSIX.1-2024's, which dash lacks)
    const plain = TEXTS.filter((t) => !shellWord(t).startsWith("$'"));
    expect(argv("sh", plain.map(shellWord))).toEqual(plain);
  });

  it("leaves a plain word bare, and quotes one that starts with = (zsh reads =ls as the path of ls)", () => {
    expect(shellWord("scenarios/zhang-ming.yaml")).toBe("scenarios/zhang-ming.yaml");
    expect(shellWord("minScore=600")).toBe("minScore=600");
    expect(shellWord("-5")).toBe("-5");
    expect(shellWord("=ls")).toBe("'=ls'");
    expect(shellWord("=ls.yaml")).toBe("'=ls.yaml'");
  });
});

describe("shellPath", () => {
  it("names a file whose name starts with a dash by its folder, so no command reads it as an option", () => {
    // `credit-sim test --output=pwn.yaml -u`, pasted, updated every golden trace of scenarios/ and wrote
    // the report over pwn.yaml
    expect(shellPath("--output=pwn.yaml")).toBe("./--output=pwn.yaml");
    expect(shellPath("-u.yaml")).toBe("./-u.yaml");
    // - as an operand is standard input, refused by every command: a file named - is ./-
    expect(shellPath("-")).toBe("./-");
    expect(shellPath("scenarios/-x.yaml")).toBe("scenarios/-x.yaml");
    expect(shellPath("=ls.yaml")).toBe("'=ls.yaml'");
    expect(shellPath("$(x)-.yaml")).toBe("'$(x)-.yaml'");
    const files = TEXTS.filter((t) => t !== "" && t !== "-");
    const words = argv("bash", files.map(shellPath));
    words.forEach((w, i) => {
      expect(w.startsWith("-"), w).toBe(false);
      expect(w === files[i] || w === `./${files[i]}`, w).toBe(true);
    });
  });
});

// A name a terminal would show escaped (a control, a bidirectional override, a runner's command), shown
// on a terminal (printable) — pasted back into bash, it must be the very name, whatever the name holds.

/** The bytes bash reads `word` as (what a pasted command would open). */
function asBashReadsIt(word: string): Buffer {
  // stdin not a socket (what Node gives a child), or bash sources ~/.bashrc as for an ssh command
  const r = spawnSync("bash", ["-c", `printf %s ${word}`], {
    env: { LC_ALL: "C.UTF-8" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(r.stderr.toString()).toBe("");
  return r.stdout;
}

const NAMES = [
  "scenarios/plain.yaml",
  "with space.yaml",
  "it's $(touch PWNED).yaml",
  "back\\slash 'and' quote.yaml",
  "it's \u001b[2Jhere",
  "tab\there\nnewline\rreturn",
  "bidi \u202egnp.yaml",
  "c1 \u009b31m.yaml",
  "del \u007f.yaml",
  "ci ##[stop-commands] ##vso[task].yaml",
  "::warning::x.yaml",
  "中文 场景.yaml",
  "\u001b2 digit after an escape",
];

describe("shellWord on a name a terminal shows escaped", () => {
  it.each(NAMES)("%j, shown on a terminal, pastes back as the name", (name) => {
    const word = shellWord(name);
    // shown as it is: nothing left for printable to escape (an escape inside quotes would be read literally)
    expect(printable(`credit-sim run ${word}`)).toBe(`credit-sim run ${word}`);
    expect(asBashReadsIt(word).equals(Buffer.from(name, "utf8"))).toBe(true);
  });

  it("a name without controls stays bare or single-quoted", () => {
    expect(shellWord("scenarios/a.yaml")).toBe("scenarios/a.yaml");
    expect(shellWord("it's.yaml")).toBe("'it'\\''s.yaml'");
    expect(shellWord("it's \u001b.yaml")).toBe("$'it\\'s \\x1b.yaml'");
    // only the hash that makes a runner's command is escaped
    expect(shellWord("# ##[x] \u202e")).toBe("$'# #\\x23[x] \\xe2\\x80\\xae'");
  });
});
