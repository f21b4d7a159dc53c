// The commands credit-sim suggests are pasted into a shell: a word (shellWord) is read back by the shell
// as the text it was made from, whatever characters it holds, and a file (shellPath) is read as a file,
// never as an option — a pull request names the files.

import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellPath, shellWord } from "../../src/shared/text.js";

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
  it("is read back by sh and bash as the text it was made from, for every kind of character", () => {
    const words = TEXTS.map(shellWord);
    for (const shell of ["sh", "bash"]) expect(argv(shell, words), shell).toEqual(TEXTS);
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
    expect(shellPath("-")).toBe("-");
    expect(shellPath("scenarios/-x.yaml")).toBe("scenarios/-x.yaml");
    expect(shellPath("=ls.yaml")).toBe("'=ls.yaml'");
    expect(shellPath("$(x)-.yaml")).toBe("'$(x)-.yaml'");
    const files = TEXTS.filter((t) => t !== "" && t !== "-");
    const words = argv("sh", files.map(shellPath));
    words.forEach((w, i) => {
      expect(w.startsWith("-"), w).toBe(false);
      expect(w === files[i] || w === `./${files[i]}`, w).toBe(true);
    });
  });
});
