// Hostile input, round 13: the what-if session's prompts show nothing of a file's name that drives the
// terminal (the session's keys are driven with inquirer's own testing screen, as whatif-session.test.ts).

import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { screen } from "@inquirer/testing/vitest";
// the session must be imported after @inquirer/testing/vitest, which mocks the prompts
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { runSession } from "../../src/cli/whatif-session.js";
import { loadScenario } from "../../src/scenario/load.js";
import { runVariant } from "../../src/whatif/run.js";
import { baseVariant } from "../../src/whatif/variant.js";

async function waitFor(text: string): Promise<void> {
  for (let i = 0; i < 20 && !screen.getScreen().includes(text); i++) await screen.next();
  expect(screen.getScreen()).toContain(text);
}

function choose(choice: string): void {
  for (let i = 0; i < 40 && !screen.getScreen().includes(`❯ ${choice}`); i++) screen.keypress("down");
  expect(screen.getScreen()).toContain(`❯ ${choice}`);
  screen.keypress("enter");
}

describe("the name 'Save as:' suggests", () => {
  // the suggestion was the scenario file's name as it is: a name from a cloned repository holding an
  // escape (OSC 0 sets the window's title; OSC 52 writes the clipboard) or a bidi override was sent to the
  // terminal raw in the prompt, and saved under it when Enter took the suggestion
  it("holds no character that drives the terminal: each is a _ in the name it suggests and saves", async () => {
    const dir = mkdtempSync(join(tmpdir(), "round13-session-"));
    const file = join(dir, "late\u001b]0;owned\u0007\u202eyaml.yaml");
    copyFileSync("test/fixtures/whatif/late-payer.yaml", file);
    const written = new Map<string, string>();
    const done = runSession(runVariant(baseVariant(loadScenario(file))), {
      chalk: new Chalk({ level: 0 }),
      output: () => undefined,
      write: (f, t) => written.set(f, t),
      input: screen.input,
    });
    await waitFor("What now?");
    choose("Save the variant");
    await waitFor("Save as:");
    const shown = screen.getScreen();
    expect(shown).toContain("whatif/late_]0;owned__yaml-whatif.yaml");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach the terminal
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    screen.keypress("enter");
    await waitFor("What now?");
    expect([...written.keys()]).toEqual(["whatif/late_]0;owned__yaml-whatif.yaml"]);
    choose("Quit");
    await done;
  });
});
