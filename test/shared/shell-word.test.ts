// shellWord: a file's name as one word of a suggested shell command, shown on a terminal (printable) —
// pasted back into bash, it must be the very name, whatever the name holds.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { printable, shellWord } from "../../src/shared/text.js";

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

describe("shellWord", () => {
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
