// The interactive what-if session, driven by keystrokes with inquirer's own testing screen
// (keystrokes in, screen out). test/e2e/tty.test.ts drives the built CLI through a real terminal.

import { execFileSync } from "node:child_process";
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { screen } from "@inquirer/testing/vitest";
// the session must be imported after @inquirer/testing/vitest, which mocks the prompts
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { dayAnswer } from "../../src/cli/whatif-event-prompt.js";
import { runSession } from "../../src/cli/whatif-session.js";
import { loadScenario, loadScenarioText } from "../../src/scenario/load.js";
import { runVariant } from "../../src/whatif/run.js";
import { baseVariant, validateEvent } from "../../src/whatif/variant.js";

const LATE = "test/fixtures/whatif/late-payer.yaml";
const TWO_LINES = "scenarios/two-lines.yaml";

/** `cwd`: the folder the session is given (the file named relative to it), the process's by default */
function start(file = LATE, cwd?: string) {
  const printed: string[] = [];
  const written = new Map<string, string>();
  const loaded = loadScenario(file, cwd === undefined ? {} : { cwd });
  const done = runSession(runVariant(baseVariant(loaded, undefined, cwd)), {
    ...(cwd === undefined ? {} : { cwd }),
    chalk: new Chalk({ level: 0 }),
    output: (t) => printed.push(t),
    write: (f, t) => written.set(f, t),
    // the keys the prompts read: Escape is heard there
    input: screen.input,
  });
  return { done, printed: () => printed.join(""), written };
}

/** Waits until the active prompt shows `text` (a bounded number of renders). */
async function waitFor(text: string): Promise<void> {
  for (let i = 0; i < 20 && !screen.getScreen().includes(text); i++) await screen.next();
  expect(screen.getScreen()).toContain(text);
}

/** As waitFor, for a screen drawn at once on Enter (a check made there and then): drawn before a render
 *  is awaited, waitFor would wait for one that never comes. */
async function shows(text: string): Promise<void> {
  for (let i = 0; i < 150 && !screen.getScreen().includes(text); i++)
    await new Promise((r) => setTimeout(r, 20));
  expect(screen.getScreen()).toContain(text);
}

async function press(...keys: string[]): Promise<void> {
  for (const k of keys) screen.keypress(k);
}

async function menu(choice: string): Promise<void> {
  await waitFor("What now?");
  choose(choice);
}

/** Moves the list's cursor down to `choice` (disabled choices are skipped by the prompt itself) and takes it. */
function choose(choice: string): void {
  for (let i = 0; i < 40 && !screen.getScreen().includes(`❯ ${choice}`); i++) screen.keypress("down");
  expect(screen.getScreen()).toContain(`❯ ${choice}`);
  screen.keypress("enter");
}

/** The action finished: the menu is shown afresh (cursor back on the first choice). */
const backAtMenu = () => waitFor("❯ Run and compare with the original");

/** Escape left `choice`: the menu is shown again with the cursor on it. */
const leftAt = (choice: string) => waitFor("What now?").then(() => waitFor(`❯ ${choice}`));

/** Saves the variant under `name`: the suggested name cleared, `name` typed, Enter. */
async function saveAs(name: string): Promise<void> {
  await menu("Save the variant");
  await waitFor("Save as:");
  for (let i = 0; i < 120; i++) screen.keypress("backspace");
  screen.type(name);
  screen.keypress("enter");
}

/** Add an event: its type from the list, then its day. */
async function addEvent(type: string, day: number): Promise<void> {
  await menu("Add an event");
  await waitFor("Event type:");
  for (let i = 0; i < 15 && !screen.getScreen().includes(`❯ ${type}\n`); i++) screen.keypress("down");
  screen.keypress("enter");
  await waitFor("Day (0–");
  screen.type(String(day));
  screen.keypress("enter");
}

describe("interactive what-if session", () => {
  it("removes the later applications, runs the comparison, saves, and quits", async () => {
    const s = start();
    expect(s.printed()).toMatch(/#5\s+24\s+2024-01-25\s+apply for \+¥2,000\.00 limit\s+declined/);
    await menu("Remove events");
    await waitFor("Remove which events?");
    await press("down", "down", "down", "down", "space", "down", "space");
    expect(screen.getScreen()).toMatch(/◉ #5 {3}day {2}24/);
    expect(screen.getScreen()).toMatch(/◉ #6 {3}day {2}26/);
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ removed #5 (apply for +¥2,000.00 limit on day 24), #6");
    // the answer is echoed by number alone: the line above says each in full
    expect(await screen.getFullOutput()).toMatch(
      /✔ Remove which events\? \(space selects, enter confirms\) #5, #6\n/,
    );

    await menu("Run and compare");
    await backAtMenu();
    const shown = s.printed();
    expect(shown).not.toContain("No edits yet");
    expect(shown).toContain("Decisions that differ (2)");
    expect(shown).toMatch(/24\s+#5 apply for \+¥2,000\.00 limit\s+declined\s+\(event removed\)/);
    expect(shown).toMatch(/declines\s+5\s+3\s+−2/);
    expect(shown).toContain("─ base   ┄ what-if");

    await menu("Save the variant");
    await waitFor("Save as:");
    expect(screen.getScreen()).toContain("late-payer-whatif.yaml");
    screen.keypress("enter");
    await backAtMenu();
    const [file, text] = [...s.written][0]!;
    // outside the scenario folders `credit-sim test` scans, with the schema line on top
    expect(file).toBe("whatif/late-payer-whatif.yaml");
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/scenario\.schema\.json\n/);
    const saved = loadScenarioText(text, file);
    expect(saved.scenario.name).toBe("Late payer (what-if)");
    expect(saved.written.events.filter((e) => e.type === "apply")).toHaveLength(3);

    await menu("Quit");
    await s.done;
  });

  it("every list the menu leads to ends in a way back to the menu, which changes nothing", async () => {
    // inquirer's lists take no Escape: a parameter or an event type chosen by mistake could only be left
    // by typing its value in again, or by adding an event and undoing it
    const s = start();
    const back = async (choice: string, prompt: string) => {
      await menu(choice);
      await waitFor(prompt);
      // the list loops: up from its first choice is its last
      screen.keypress("up");
      expect(screen.getScreen()).toContain("❯ ← back to the menu");
      screen.keypress("enter");
      await backAtMenu();
      expect(screen.getScreen()).toMatch(/What now\?\n/);
    };
    await back("Edit an event", "Edit which event?");
    await back("Add an event", "Event type:");
    await back("Change a policy parameter", "Which policy parameter?");
    await back("Switch the policy", "Run under which policy?");
    // the search's goals too: chosen by mistake, it ran a search (and asked to adopt) to get out
    await back("Find the smallest change", "Find the smallest change to your own events");
    // and a field of an event chosen
    await menu("Edit an event");
    await waitFor("Edit which event?");
    screen.keypress("enter");
    await waitFor("Edit which field of #1?");
    screen.keypress("up");
    expect(screen.getScreen()).toContain("❯ ← back to the menu");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).not.toMatch(/✓|unchanged/);
    await menu("Quit");
    await s.done;
  });

  it("Escape at any prompt goes back to the menu, changing nothing", async () => {
    // a newcomer's Escape did nothing at a list (inquirer's take none) and nothing at a value's prompt
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    screen.keypress("escape");
    // the menu comes back with its cursor on the choice left, not on the first item
    await leftAt("Add an event");
    expect(screen.getScreen()).not.toContain("❯ Run and compare");
    // half-way through: a parameter chosen, its value asked
    await menu("Change a policy parameter");
    await waitFor("Which policy parameter?");
    screen.keypress("enter");
    await waitFor("from day 0");
    screen.keypress("escape");
    await leftAt("Change a policy parameter");
    // an event's field asked for
    await menu("Edit an event");
    await waitFor("Edit which event?");
    screen.keypress("enter");
    await waitFor("Edit which field of #1?");
    screen.keypress("enter");
    await waitFor("New ");
    screen.keypress("escape");
    await leftAt("Edit an event");
    // Enter takes it again, straight away
    screen.keypress("enter");
    await waitFor("Edit which event?");
    screen.keypress("escape");
    await leftAt("Edit an event");
    expect(s.printed()).toContain("back to the menu: nothing changed");
    expect(s.printed()).not.toMatch(/✓|unchanged/);
    // at the menu itself, Escape leaves it where it is (asked afresh)
    screen.keypress("escape");
    await screen.next();
    await leftAt("Edit an event");
    await menu("Quit");
    await s.done;
    expect(s.written.size).toBe(0);
  });

  it("run and compare before any edit says there is nothing to compare yet, not only that nothing differs", async () => {
    const s = start();
    await menu("Run and compare");
    await backAtMenu();
    expect(s.printed()).toContain("No edits yet: the variant is the original");
    expect(s.printed()).toContain("Decisions that differ: none");
    await menu("Quit");
    await s.done;
  });

  it("Ctrl-D on an empty line ends the input: the session is left as Quit leaves it, and says what is not saved", async () => {
    // readline closed the prompt's interface and the prompt waited: the session ended only as the process
    // exited, with inquirer's "force closed" (exit 130) and its list left on the screen
    const ctrlD = { name: "d", ctrl: true };
    const atMenu = start();
    await waitFor("What now?");
    screen.keypress(ctrlD);
    await atMenu.done;
    expect(atMenu.printed()).toMatch(/left the what-if session\n$/);

    // after an edit, at a prompt inside a choice: no question left to answer, the edits said not saved
    const edited = start();
    await menu("Remove events");
    await waitFor("Remove which events?");
    await press("space", "enter");
    await backAtMenu();
    await menu("Add an event");
    await waitFor("Event type:");
    screen.keypress(ctrlD);
    await edited.done;
    expect(edited.printed()).toMatch(/left the what-if session: 1 edit not saved\n$/);
    expect(edited.written.size).toBe(0);
  });

  it("Ctrl-D at a list ends the input whatever keys were pressed at it: a list shows no line to delete from", async () => {
    // the keys pressed at a list (space to tick an event, a to tick them all) were text on the hidden
    // line of its readline, and Ctrl-D deleted from it: nothing happened
    const s = start();
    await menu("Remove events");
    await waitFor("Remove which events?");
    // as a terminal sends it: the character, which readline reads, then the key
    screen.type(" ");
    screen.keypress({ name: "d", ctrl: true });
    await s.done;
    expect(s.printed()).toMatch(/left the what-if session\n$/);
    expect(s.written.size).toBe(0);
  });

  it("Ctrl-D with text on the line deletes the character under the cursor, as readline does, and asks on", async () => {
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    screen.keypress("enter");
    await waitFor("Day (0–");
    screen.type("120");
    await press("left", "left");
    screen.keypress({ name: "d", ctrl: true });
    expect(screen.getScreen()).toMatch(/Day \(0–\d+, or a date\): 10$/);
    screen.keypress("escape");
    await leftAt("Add an event");
    expect(s.printed()).not.toContain("left the what-if session");
    await menu("Quit");
    await s.done;
  });

  it("edits a field with the loader's validation, then undoes it", async () => {
    const s = start();
    await menu("Edit an event");
    await waitFor("Edit which event?");
    // #7 is the repayment of day 85: the 7th line
    await press("down", "down", "down", "down", "down", "down");
    expect(screen.getScreen()).toMatch(/❯ #7 {3}day {2}85 {2}repay full/);
    screen.keypress("enter");
    await waitFor("Edit which field of #7?");
    // the fields, not the type: day first
    expect(screen.getScreen()).not.toContain("type: repay");
    expect(screen.getScreen()).toMatch(/❯ day: 85/);
    screen.keypress("enter");
    await waitFor("New day for #7");
    // replace the default (85) with a bad value, then a good one
    screen.type("99999");
    screen.keypress("enter");
    await waitFor("after the last simulated day");
    // one line: the labels are not padded as they are in a block, where values align beneath each other;
    // said against the scenario's own last day, not the longest horizon's 36500
    expect(screen.getScreen()).toMatch(
      /— expected: at most day \d+ \(the scenario's `until`\) — found: day 99999/,
    );
    for (let i = 0; i < 5; i++) screen.keypress("backspace");
    screen.type("60");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ edited #7 (repay full on day 85): day: 60");

    await menu("Run and compare");
    await backAtMenu();
    expect(s.printed()).toMatch(/suspensions\s+1\s+0/);

    await menu("Undo the last edit");
    await backAtMenu();
    expect(s.printed()).toContain("↶ undid: edited #7");
    await menu("Quit");
    await s.done;
  });

  it("an event's day edited takes a date as adding one does, counted from the start", async () => {
    const s = start();
    await menu("Edit an event");
    await waitFor("Edit which event?");
    await press("down", "down", "down", "down", "down", "down");
    screen.keypress("enter");
    await waitFor("Edit which field of #7?");
    screen.keypress("enter");
    await shows("New day for #7 (0–420, or a date; Enter keeps it):");
    for (let i = 0; i < 2; i++) screen.keypress("backspace");
    // a date outside the scenario is refused where it is typed, with the dates it takes
    screen.type("2026-01-01");
    screen.keypress("enter");
    await shows("2024-01-01");
    expect(screen.getScreen()).not.toContain("write date:");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    // 2024-03-01 is day 60 from a 2024-01-01 start (a leap year)
    screen.type("2024-03-01");
    screen.keypress("enter");
    await shows("❯ Run and compare with the original");
    expect(s.printed()).toContain("✓ edited #7 (repay full on day 85): day: 60");
    await menu("Undo the last edit");
    await backAtMenu();
    await menu("Quit");
    await s.done;
  });

  it("an edit prompt keeps the value on Enter (no edit made) and clears a field with null", async () => {
    const s = start();
    const editField = async (field: string) => {
      await menu("Edit an event");
      await waitFor("Edit which event?");
      screen.keypress("down"); // #2, the purchase at JD
      screen.keypress("enter");
      await waitFor("Edit which field of #2?");
      for (let i = 0; i < 6 && !screen.getScreen().includes(`❯ ${field}:`); i++) screen.keypress("down");
      screen.keypress("enter");
      await waitFor(`New ${field} for #2`);
    };
    await editField("merchant");
    // what the prompt says is what Enter does: an empty answer takes the default, the value now
    expect(screen.getScreen()).toContain("(Enter keeps it, null clears it): (JD)");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("unchanged: #2 merchant");
    expect(s.printed()).not.toContain("✓ edited");
    // nothing to undo, no edit counted
    expect(screen.getScreen()).toMatch(/\? What now\?\n/);
    expect(screen.getScreen()).toContain("(nothing to undo)");
    // a field the event cannot go without is not offered to be cleared
    await editField("amount");
    expect(screen.getScreen()).toContain("New amount for #2 (Enter keeps it):");
    screen.keypress("enter");
    await backAtMenu();
    // nor its day: the event's other time field (date) is not offered, so none would be left
    await editField("day");
    expect(screen.getScreen()).toContain("New day for #2 (0–420, or a date; Enter keeps it):");
    screen.keypress("enter");
    await backAtMenu();

    await editField("merchant");
    screen.type("null");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("merchant: (removed)");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("switching the policy: the one it runs under, or Enter alone at the file prompt, is no edit", async () => {
    const s = start();
    const pick = async (choice: string) => {
      await menu("Switch the policy");
      await waitFor("Run under which policy? (now: default)");
      for (let i = 0; i < 4 && !screen.getScreen().includes(`❯ ${choice}`); i++) screen.keypress("down");
      screen.keypress("enter");
    };
    await pick("default");
    await backAtMenu();
    expect(s.printed()).toContain("unchanged: policy default");
    // the file prompt says how to go back, and Enter alone does (it was refused as a policy named "null")
    await pick("a policy file…");
    await waitFor("Enter alone goes back");
    screen.keypress("enter");
    await backAtMenu();
    expect(screen.getScreen()).not.toContain('"null"');
    expect(screen.getScreen()).toMatch(/\? What now\?\n/);
    expect(screen.getScreen()).toContain("(nothing to undo)");
    // a file that is not there is still refused, and a built-in name typed there still switches
    await pick("a policy file…");
    await waitFor("Policy file");
    screen.type("nope.yaml");
    screen.keypress("enter");
    await waitFor("policy file not found");
    for (let i = 0; i < 9; i++) screen.keypress("backspace");
    screen.type("tightened");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ policy tightened");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a policy file is checked as the path typed, the one it then runs under (as --policy takes it), not as a YAML value", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-session-policy-"));
    writeFileSync(join(dir, "late.yaml"), readFileSync(LATE));
    writeFileSync(join(dir, "lenient.yaml"), "name: lenient\nextends: default\ngraceDays: 10\n");
    const s = start(join(dir, "late.yaml"));
    await menu("Switch the policy");
    await waitFor("Run under which policy?");
    choose("a policy file…");
    await waitFor("Policy file");
    // read as YAML this was lenient.yaml, accepted, then run as a file named with its quotes and refused
    // after the prompt had gone
    screen.type('"lenient.yaml"');
    screen.keypress("enter");
    await waitFor("policy file not found");
    expect(screen.getScreen()).toContain('"\\"lenient.yaml\\""');
    for (let i = 0; i < 14; i++) screen.keypress("backspace");
    // read as YAML, a comment: a policy named "null"
    screen.type("#lenient.yaml");
    screen.keypress("enter");
    await waitFor('found: "#lenient.yaml"');
    expect(screen.getScreen()).not.toContain('"null"');
    for (let i = 0; i < 13; i++) screen.keypress("backspace");
    screen.type("lenient.yaml");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).not.toContain("✗");
    expect(s.printed()).toContain("✓ policy lenient.yaml");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a policy parameter's prompt says what a value is (its unit and range), as the menu's description did", async () => {
    const s = start();
    await menu("Change a policy parameter");
    await waitFor("Which policy parameter?");
    choose("toleranceAmount");
    await waitFor("toleranceAmount from day 0 (yuan, 0 or more):");
    for (let i = 0; i < 6; i++) screen.keypress("backspace");
    screen.type("20");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ policy toleranceAmount=20");
    await menu("Change a policy parameter");
    await waitFor("Which policy parameter?");
    choose("graceDays");
    await waitFor("graceDays from day 0 (a whole number, 0–27):");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("unchanged: graceDays");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a policy parameter that runs but rewards what it means to deter warns, as `whatif --set` and `run` warn", async () => {
    const s = start();
    await menu("Change a policy parameter");
    await waitFor("Which policy parameter?");
    choose("penaltyRatePerDay");
    await waitFor("penaltyRatePerDay from day 0");
    for (let i = 0; i < 8; i++) screen.keypress("backspace");
    screen.type("0.0001");
    screen.keypress("enter");
    await backAtMenu();
    const shown = s.printed();
    expect(shown).toContain(
      "✓ policy penaltyRatePerDay=0.0001\nwarning: --set: penaltyRatePerDay: a penalty below the interest it replaces",
    );
    expect(shown).toContain("set penaltyRatePerDay to 0.0005 or more");
    // told once: a later edit that leaves it says none
    await menu("Change a policy parameter");
    await waitFor("Which policy parameter?");
    choose("toleranceAmount");
    await waitFor("toleranceAmount from day 0");
    for (let i = 0; i < 6; i++) screen.keypress("backspace");
    screen.type("20");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed().split("warning:")).toHaveLength(2);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a new event's amount and income prompts refuse what the event would refuse, and give it what they accepted", async () => {
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    choose("income");
    await waitFor("Day (0–420, or a date):");
    screen.type("50");
    screen.keypress("enter");
    await waitFor("New monthly income");
    // three decimals: refused here, at the prompt, not once the event is applied
    screen.type("8000.123");
    screen.keypress("enter");
    await waitFor("too many decimal places");
    for (let i = 0; i < 8; i++) screen.keypress("backspace");
    screen.type("9000");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toMatch(/✓ added #16 \(.*9,000.* on day 50\)/);

    await menu("Add an event");
    await waitFor("Event type:");
    choose("purchase");
    await waitFor("Day (0–420, or a date):");
    screen.type("60");
    screen.keypress("enter");
    await waitFor("Amount (yuan):");
    screen.type("abc");
    screen.keypress("enter");
    await waitFor("wrong type");
    // the field named once
    expect(screen.getScreen()).toContain("> amount: wrong type — expected: a number");
    for (let i = 0; i < 3; i++) screen.keypress("backspace");
    // read as a file reads it: 12 and a comment is 12 (Number() of the text was NaN, refused at the end)
    screen.type("12 # a coffee");
    screen.keypress("enter");
    await waitFor("Merchant (optional):");
    screen.keypress("enter");
    await waitFor("Split it into monthly instalments?");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #17 (purchase ¥12.00 on day 60)");
    expect(s.printed()).not.toContain("✗");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  // the trace prints a date beside each day, and the command line's day options take one: the prompt
  // refused "2024-03-01" as 'expected: a number' with a hint to write `date:`, which it has no field for
  it("a new event's day may be answered as its date, a date outside the scenario told with the span it takes", async () => {
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    choose("income");
    await waitFor("Day (0–420, or a date):");
    screen.type("2023-12-31");
    screen.keypress("enter");
    await waitFor("is before the scenario starts");
    expect(screen.getScreen()).toContain("a date from 2024-01-01 to 2025-02-24");
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2024-02-20");
    screen.keypress("enter");
    await waitFor("New monthly income");
    screen.type("9000");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toMatch(/✓ added #16 \(.*9,000.* on day 50\)/);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  // 2024-13-01 was told "is before the scenario starts (2024-01-01, day 0)": read as day 0 minus the start
  // 1e2 taken as day 100 looked like a slip of the prompt's: a file's `day: 1e2` is day 100 too (YAML 1.2
  // reads it as a number, as it reads +5 and 5.0), so the prompt takes what the loader takes, no more
  it("takes a day as a file's `day:` reads it, and refuses what a file's is refused", () => {
    const v = baseVariant(loadScenario(LATE));
    const file = (day: string) =>
      loadScenarioText(
        `name: T\nstart: 2024-01-01\nuntil: 420\nprofile: { age: 30, monthlyIncome: 8000 }\nevents:\n  - { day: ${day}, type: contact_support }\n`,
        "t.yaml",
      ).scenario.events[0]!.day;
    for (const t of ["1e2", "+5", "5.0", "05", "100"]) expect(dayAnswer(v)(` ${t} `), t).toBe(file(t));
    for (const t of ["0x10", "5.5", "5_0", "1,000", "-3"]) {
      expect(() => file(t), t).toThrow();
      expect(() => validateEvent({ type: "contact_support", day: dayAnswer(v)(t) }, ""), t).toThrow();
    }
  });

  it("a day answered as a date not on the calendar, or not written YYYY-MM-DD, is told so, with the date meant", async () => {
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    choose("income");
    await waitFor("Day (0–420, or a date):");
    screen.type("2024-13-01");
    screen.keypress("enter");
    await shows("is not a date on the calendar");
    expect(screen.getScreen()).not.toContain("before the scenario starts");
    // told with the days and the dates the prompt takes, as a word is: "expected: a day's number (day 0 is
    // the start), or its date as YYYY-MM-DD" gave neither the first day nor the last
    const range = "expected: a day from 0 to 420, or a date from 2024-01-01 to 2025-02-24";
    expect(screen.getScreen()).toContain(range);
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("2024-2-20");
    screen.keypress("enter");
    await shows("not written YYYY-MM-DD");
    expect(screen.getScreen()).toContain("write 2024-02-20");
    expect(screen.getScreen()).toContain(range);
    // a word is neither: told with the days and the dates the prompt takes ("expected: a number" left the
    // date out, which the prompt itself offers)
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("soon");
    screen.keypress("enter");
    await shows("is neither a day's number nor a date");
    expect(screen.getScreen()).toContain(range);
    // a number in another base, as a file's day is told (YAML keeps 0x10 as text): the day meant
    for (let i = 0; i < 10; i++) screen.keypress("backspace");
    screen.type("0x10");
    screen.keypress("enter");
    await shows("write the number in decimal (0x10 is 16)");
    expect(screen.getScreen()).toContain(range);
    screen.keypress("escape");
    await leftAt("Add an event");
    await menu("Quit");
    await s.done;
  });

  it("a new application's amount is a limit: refused at the prompt unless whole hundreds of yuan", async () => {
    const s = start();
    await addEvent("apply", 90);
    await waitFor("Which line?");
    screen.keypress("enter");
    await waitFor("Product:");
    choose("increase");
    await waitFor("Amount (yuan):");
    // a purchase's amount would take it: an application's is the limit asked, in whole hundreds
    screen.type("3033.33");
    screen.keypress("enter");
    await waitFor("not whole hundreds");
    expect(screen.getScreen()).toContain("write 3000 or 3100");
    for (let i = 0; i < 7; i++) screen.keypress("backspace");
    screen.type("3000");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toMatch(/✓ added #16 \(apply for \+¥3,000\.00 limit on day 90\)/);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a new Jiebei loan and a repayment elsewhere are asked for what they need (term, amount), not refused for it", async () => {
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    choose("borrow");
    await waitFor("Day (0–420, or a date):");
    screen.type("50");
    screen.keypress("enter");
    await waitFor("Term (months):");
    screen.keypress("down");
    screen.keypress("enter");
    await waitFor("Amount (yuan):");
    screen.type("3000");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).not.toContain("missing required field");
    expect(s.printed()).toMatch(/✓ added #16 \(.*¥3,000\.00.*6 months.* on day 50\)/);

    await menu("Add an event");
    await waitFor("Event type:");
    choose("external_repayment");
    await waitFor("Day (0–420, or a date):");
    screen.type("60");
    screen.keypress("enter");
    await waitFor("Debt repaid elsewhere (yuan):");
    screen.type("500");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toMatch(/✓ added #17 \(.*¥500\.00.* on day 60\)/);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a new event of a type without prompts of its own is asked its line as a choice, Huabei first", async () => {
    const s = start();
    await addEvent("close", 70);
    await waitFor("Which line?");
    expect(screen.getScreen()).toMatch(/❯ Huabei\n\s+Jiebei/);
    expect(screen.getScreen()).toContain("the revolving line: purchases, billed monthly");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #16 (close Huabei on day 70)");
    expect(s.printed()).not.toContain("✗");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a new repayment on Jiebei is written with line: jiebei and clears Jiebei's balance, not Huabei's", async () => {
    const s = start(TWO_LINES);
    await addEvent("repay", 250);
    await waitFor("Which line?");
    screen.keypress("down");
    expect(screen.getScreen()).toMatch(/❯ Jiebei/);
    expect(screen.getScreen()).toContain("cash loans: borrowed, repaid in monthly instalments");
    screen.keypress("enter");
    await waitFor("Repay how much?");
    screen.keypress("enter"); // full
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #26 (repay on Jiebei full on day 250)");

    await menu("Run and compare");
    await backAtMenu();
    const shown = s.printed();
    expect(shown).toMatch(/Huabei balance\s+¥0\.00\s+¥0\.00\s+same/);
    expect(shown).toMatch(/Jiebei balance\s+¥11,281\.50\s+¥0\.00\s+−¥11,281\.50/);

    await menu("Save the variant");
    await waitFor("Save as:");
    screen.keypress("enter");
    await backAtMenu();
    const [file, text] = [...s.written][0]!;
    // saved in day order: after the file's own repayment of that day, as it ran
    const day250 = loadScenarioText(text, file).written.events.filter((e) => e.day === 250);
    expect(day250).toEqual([
      { day: 250, type: "repay", amount: "full" },
      { day: 250, type: "repay", line: "jiebei", amount: "full" },
    ]);
    await menu("Quit");
    await s.done;
  });

  it("a new request for an early review on Jiebei is reviewed on Jiebei", async () => {
    const s = start(TWO_LINES);
    await addEvent("request_review", 200);
    await waitFor("Which line?");
    screen.keypress("down");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #26 (request an early review of Jiebei on day 200)");
    await menu("Run and compare");
    await backAtMenu();
    // Jiebei is the suspended line, and the review of it is declined for its recent arrears
    expect(s.printed()).toMatch(
      /200\s+#26 request an early review of Jiebei\s+\(event added\)\s+Jiebei declined/,
    );
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a new request for review may name no line: it reviews whichever is suspended", async () => {
    const s = start(TWO_LINES);
    await addEvent("request_review", 200);
    await waitFor("Which line?");
    await press("down", "down");
    expect(screen.getScreen()).toMatch(/❯ Whichever is suspended/);
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #26 (request an early review on day 200)");
    await menu("Save the variant");
    await waitFor("Save as:");
    screen.keypress("enter");
    await backAtMenu();
    const [file, text] = [...s.written][0]!;
    const events = loadScenarioText(text, file).written.events;
    expect(events.filter((e) => e.type === "request_review")).toEqual([{ day: 200, type: "request_review" }]);
    await menu("Quit");
    await s.done;
  });

  it("an amount left empty is said to be missing, not found to be null", async () => {
    const s = start(TWO_LINES);
    await addEvent("purchase", 30);
    await waitFor("Amount (yuan):");
    screen.keypress("enter");
    await waitFor("> amount:");
    expect(screen.getScreen()).toContain("> amount: missing required field — expected: a number");
    expect(screen.getScreen()).not.toContain("null");
    screen.keypress("escape");
    await leftAt("Add an event");
    await menu("Quit");
    await s.done;
  });

  it("a number an answer is refused for is quoted as typed, as a flag's is: 1E4, not 10000", async () => {
    const s = start(TWO_LINES);
    await addEvent("purchase", 30);
    await waitFor("Amount (yuan):");
    screen.type("1E12");
    screen.keypress("enter");
    await waitFor("> amount:");
    expect(screen.getScreen()).toContain(
      "> amount: value out of range — expected: at most 1000000000 — found: 1E12",
    );
    screen.keypress("escape");
    await leftAt("Add an event");
    await menu("Change a policy parameter");
    await waitFor("Which policy parameter?");
    choose("minScore");
    await waitFor("minScore from day 0");
    for (let i = 0; i < 6; i++) screen.keypress("backspace");
    screen.type("10.0e2");
    screen.keypress("enter");
    await waitFor("found: 10.0e2");
    screen.keypress("escape");
    await leftAt("Change a policy parameter");
    await menu("Quit");
    await s.done;
  });

  it("a new event's day is told what a file's day is told: full-width digits, past the last day, empty", async () => {
    // the day's prompt had a message of its own ('a whole number of days from 0 to 420'), where the
    // amount's, checked by the loader, said what to write: １２０ (a CJK input method's digits) is 120
    const s = start();
    await menu("Add an event");
    await waitFor("Event type:");
    choose("purchase");
    await waitFor("Day (0–420, or a date):");
    const answer = async (text: string, told: string) => {
      for (let i = 0; i < 20; i++) screen.keypress("backspace");
      screen.type(text);
      screen.keypress("enter");
      await waitFor(told);
    };
    await answer("１２０", "> day: wrong type");
    expect(screen.getScreen()).toContain(
      '> day: wrong type — expected: a number — found: "１２０" — hint: write 120: a number is written in ASCII digits (0–9)',
    );
    // as --add says it
    await answer("1200", "> day: the event is after the last simulated day");
    expect(screen.getScreen()).toContain("hint: to simulate that far, raise the file's `until` to 1200");
    await answer("-1", "> day: value out of range — expected: at least 0");
    await answer("", "> day: the event has no day — expected: a whole number of days from 0 to 420");
    // the amount's prompt tells it the same way
    await answer("120", "Amount (yuan):");
    screen.type("１２０");
    screen.keypress("enter");
    await waitFor("> amount: wrong type");
    expect(screen.getScreen()).toContain("hint: write 120: a number is written in ASCII digits (0–9)");
    for (let i = 0; i < 3; i++) screen.keypress("backspace");
    screen.type("120");
    screen.keypress("enter");
    await waitFor("Merchant (optional):");
    screen.keypress("enter");
    await waitFor("Split it into monthly instalments?");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #16 (purchase ¥120.00 on day 120)");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a merchant too long is refused at its prompt and asked again, the event's other answers kept", async () => {
    // it was taken as typed and refused only once the event was whole: '✗ … merchant: value out of range',
    // the type, day and amount asked again from the start
    const s = start(TWO_LINES);
    await addEvent("purchase", 30);
    await waitFor("Amount (yuan):");
    screen.type("100");
    screen.keypress("enter");
    await waitFor("Merchant (optional):");
    screen.type("m".repeat(201));
    screen.keypress("enter");
    await waitFor("at most 200 characters");
    expect(screen.getScreen()).toMatch(/> merchant: .*at most 200 characters/);
    expect(s.printed()).not.toContain("✗");
    // asked again with the answer kept: one character less is a merchant
    screen.keypress("backspace");
    screen.keypress("enter");
    await waitFor("Split it into monthly instalments?");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toMatch(/✓ added #26 \(purchase ¥100\.00 at m{200} on day 30\)/);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a new purchase may be split into instalments, as a file's `instalments:`; Enter keeps it whole", async () => {
    const s = start(TWO_LINES);
    await addEvent("purchase", 30);
    await waitFor("Amount (yuan):");
    screen.type("3000");
    screen.keypress("enter");
    await waitFor("Merchant (optional):");
    screen.type("Apple Store");
    screen.keypress("enter");
    await waitFor("Split it into monthly instalments?");
    expect(screen.getScreen()).toContain("❯ no: billed whole on the next statement");
    choose("6 instalments");
    await backAtMenu();
    expect(s.printed()).toContain(
      "✓ added #26 (purchase ¥3,000.00 at Apple Store in 6 instalments on day 30)",
    );
    // the answer echoed short, as the event list's pick echoes its number
    expect(await screen.getFullOutput()).toMatch(/✔ Split it into monthly instalments\? 6 instalments\n/);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a type without a line is not asked one", async () => {
    const s = start(TWO_LINES);
    await addEvent("purchase", 30);
    // straight from the day to the purchase's own fields
    await waitFor("Amount (yuan):");
    expect(screen.getScreen()).not.toContain("Which line?");
    screen.type("100");
    screen.keypress("enter");
    await waitFor("Merchant (optional):");
    screen.keypress("enter");
    await waitFor("Split it into monthly instalments?");
    screen.keypress("enter");
    await backAtMenu();
    expect(await screen.getFullOutput()).toMatch(/✔ Split it into monthly instalments\? no\n/);
    await addEvent("contact_support", 31);
    await backAtMenu();
    expect(s.printed()).toContain("✓ added #27 (contact customer service on day 31)");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("editing an event's line offers the lines, the one it is on first; choosing it again is no edit", async () => {
    const s = start(TWO_LINES);
    const editLine = async (listed: string) => {
      await menu("Edit an event");
      await waitFor("Edit which event?");
      await press("down", "down", "down", "down");
      expect(screen.getScreen()).toContain(`❯ #5   day  36  ${listed}`);
      // what each event is starts in one column, whatever its number's and its day's digits
      const rows = screen
        .getScreen()
        .split("\n")
        .map((l) => /^\W*#\d+ +day +\d+ {2}/.exec(l)?.[0].length)
        .filter((n) => n !== undefined);
      expect(rows.length).toBeGreaterThan(5);
      expect(new Set(rows).size).toBe(1);
      screen.keypress("enter");
      await waitFor("Edit which field of #5?");
      screen.keypress("down");
      expect(screen.getScreen()).toMatch(/❯ line:/);
      // a line not written is shown as the line the engine reads
      if (listed === "repay full") expect(screen.getScreen()).toContain("line: (not set: Huabei)");
      screen.keypress("enter");
      await waitFor("Which line for #5?");
    };
    // #5: a Huabei repayment written without a line
    await editLine("repay full");
    expect(screen.getScreen()).toMatch(/❯ Huabei/);
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("unchanged: #5 line");
    expect(s.printed()).not.toContain("✓ edited");

    await editLine("repay full");
    screen.keypress("down");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain('✓ edited #5 (repay full on day 36): line: "jiebei"');
    // now on Jiebei: the listing says so, and the prompt starts there
    await editLine("repay on Jiebei full");
    expect(screen.getScreen()).toMatch(/❯ Jiebei/);
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("unchanged: #5 line");
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("finds the smallest change and adopts it", async () => {
    const s = start();
    await menu("Find the smallest change");
    await waitFor("avoid the suspension");
    screen.keypress("enter");
    await waitFor("Adopt the first suggestion");
    expect(s.printed()).toMatch(
      /1\. Had you made the repayment of day 85 by day \d+, the account would not have been suspended/,
    );
    expect(s.printed()).toMatch(/tried \d+ variants/);
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toMatch(/✓ edited #7 .*day: \d+/);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("searches the timeline as edited, and adopting adds the suggestion to the edits", async () => {
    // it searched the original: after an edit that brought a suspension it answered "never suspended"
    const s = start("scenarios/good-customer.yaml");
    await menu("Remove events");
    await waitFor("Remove which events?");
    // #4 and #6, the repayments of days 35 and 65
    await press("down", "down", "down", "space", "down", "down", "space");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("✓ removed #4 (repay full on day 35), #6 (repay full on day 65)");
    await menu("Find the smallest change");
    await waitFor("avoid the suspension");
    screen.keypress("enter");
    await waitFor("Adopt the first suggestion, added to your edits? (undo takes it back)");
    const shown = s.printed();
    expect(shown).toContain("with your edit: suspended once, first on day 70");
    expect(shown).toMatch(
      /1\. Had you made the repayment of day 96 by day 70, the account would not have been suspended/,
    );
    expect(shown).not.toContain("never suspended");
    expect(shown).not.toContain("as it happened");
    screen.keypress("enter");
    await backAtMenu();
    // only the suggestion's edit is news; the user's stays, and the two together avoid the suspension
    const adopted = s.printed().slice(shown.length);
    expect(adopted).toMatch(/✓ edited #8 \(repay full on day 96\): day: 70/);
    expect(adopted).not.toContain("removed #4");
    await menu("Show the timeline");
    await backAtMenu();
    expect(s.printed()).toContain(
      "edits: removed #4 (repay full on day 35), #6 (repay full on day 65); edited #8 (repay full on day 96): day: 70",
    );
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("Ctrl-C rejects with inquirer's ExitPromptError (the command turns it into exit 130)", async () => {
    const s = start();
    await waitFor("What now?");
    screen.keypress({ name: "c", ctrl: true });
    await expect(s.done).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(s.written.size).toBe(0);
    expect(s.printed()).toMatch(/\nleft the what-if session\n$/);
  });

  it("Ctrl-C after an edit says what is not saved, as Ctrl-D does", async () => {
    const s = start();
    await menu("Remove events");
    await waitFor("Remove which events?");
    await press("down", "space", "enter");
    await backAtMenu();
    await menu("Edit an event");
    await waitFor("Edit which event?");
    screen.keypress({ name: "c", ctrl: true });
    await expect(s.done).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(s.printed()).toMatch(/\nleft the what-if session: 1 edit not saved\n$/);
  });

  it("a folder or a name that is not .yaml is refused before asking to replace anything", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    const s = start();
    for (const [target, refusal] of [
      [dir, "is a directory"],
      [join(dir, "notes.txt"), "must end in .yaml or .yml"],
    ] as const) {
      await menu("Save the variant");
      await waitFor("Save as:");
      for (let i = 0; i < 80; i++) screen.keypress("backspace");
      screen.type(target);
      screen.keypress("enter");
      await backAtMenu();
      expect(s.printed()).toContain(refusal);
    }
    expect(s.printed()).not.toContain("Replace it?");
    expect(s.written.size).toBe(0);
    await menu("Quit");
    await s.done;
  });

  it("a link (to a file, or to nothing) or a pipe at the name is refused before asking to replace it", async () => {
    // "lnk.yaml exists. Replace it?" was asked, and answered yes, then "cannot write: it is a
    // symbolic link": the question offered what was never to be done
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    writeFileSync(join(dir, "mine.txt"), "mine\n");
    symlinkSync("mine.txt", join(dir, "link.yaml"));
    symlinkSync("nowhere.yaml", join(dir, "dangling.yaml"));
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const s = start();
    for (const [name, refusal] of [
      ["link.yaml", "cannot write: it is a symbolic link"],
      ["dangling.yaml", "cannot write: it is a symbolic link"],
      ["pipe.yaml", "cannot write: not a regular file"],
    ] as const) {
      await saveAs(join(dir, name));
      // asked anyway (the fault), the answer is no, so that the test goes on to say so
      for (let i = 0; i < 20 && !/What now\?|Replace it\?/.test(screen.getScreen()); i++) await screen.next();
      if (screen.getScreen().includes("Replace it?")) {
        screen.type("n");
        screen.keypress("enter");
      }
      await backAtMenu();
      expect(s.printed()).toContain(`${name}: ${refusal}`);
    }
    expect(s.printed()).not.toContain("Replace it?");
    expect(s.written.size).toBe(0);
    expect(readFileSync(join(dir, "mine.txt"), "utf8")).toBe("mine\n");
    await menu("Quit");
    await s.done;
  });

  it("never saves over what it reads, named from the folder it is given, not the process's", async () => {
    // the scenario read as late.yaml of its folder was looked for beside the process: saving over it by
    // its full name was asked 'Replace it?'
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    const text = readFileSync(LATE, "utf8");
    writeFileSync(join(dir, "late.yaml"), text);
    const s = start("late.yaml", dir);
    await addEvent("external_inquiry", 30);
    await backAtMenu();
    await saveAs(join(dir, "late.yaml"));
    await backAtMenu();
    expect(s.printed()).toContain("save: the output would replace a file this command reads");
    expect(s.written.size).toBe(0);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("saves a name typed relative to the folder it is given, not the process's", async () => {
    // out/ is in the session's folder, not the process's: it was 'no such folder: out', and a name typed
    // there would have been written beside the process
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    writeFileSync(join(dir, "late.yaml"), readFileSync(LATE, "utf8"));
    mkdirSync(join(dir, "out"));
    const s = start("late.yaml", dir);
    await addEvent("external_inquiry", 30);
    await backAtMenu();
    await saveAs("out/late-v.yaml");
    await backAtMenu();
    expect(s.printed()).not.toContain("no such folder");
    expect([...s.written.keys()]).toEqual([join(dir, "out", "late-v.yaml")]);
    await menu("Quit");
    await s.done;
  });

  it("a policy file moved before the save is hinted from the session's folder, not the process's", async () => {
    // what the saved file would name is read as `run` would read it: the near name found was shown from the
    // process's folder, a full path of a file in the session's
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    const policy = join(dir, "mine.yaml");
    writeFileSync(
      join(dir, "late.yaml"),
      readFileSync(LATE, "utf8").replace("policy: default", "policy: ./mine.yaml"),
    );
    writeFileSync(policy, "name: mine\nextends: default\n");
    const s = start("late.yaml", dir);
    await addEvent("external_inquiry", 30);
    await backAtMenu();
    mkdirSync(join(dir, "sub"));
    renameSync(policy, join(dir, "sub", "mine.yaml"));
    await saveAs("late-v.yaml");
    await backAtMenu();
    expect(s.printed()).toContain("written here, the file could not be run: policy file not found");
    expect(
      s
        .printed()
        .split("\n")
        .filter((l) => l.includes("hint:")),
    ).toEqual(['  hint:     did you mean "sub/mine.yaml"?']);
    expect(s.written.size).toBe(0);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("a policy file typed that is not there is hinted from the session's folder, not the process's", async () => {
    // the near name one folder down was shown from the process's folder: a full path of a file in the
    // session's
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    writeFileSync(join(dir, "late.yaml"), readFileSync(LATE, "utf8"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "mine.yaml"), "name: mine\nextends: default\n");
    const s = start("late.yaml", dir);
    await menu("Switch the policy");
    await waitFor("Run under which policy?");
    choose("a policy file…");
    await waitFor("Policy file");
    screen.type("mine.yaml");
    screen.keypress("enter");
    await waitFor("policy file not found");
    expect(screen.getScreen()).toContain('did you mean "sub/mine.yaml"?');
    for (let i = 0; i < 9; i++) screen.keypress("backspace");
    screen.keypress("enter");
    await backAtMenu();
    await menu("Quit");
    await s.done;
  });

  it("never saves over what it reads: the scenario, a hard link to it, a policy file it names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    const scenario = join(dir, "late.yaml");
    const text = readFileSync(LATE, "utf8").replace("policy: default", "policy: mine.yaml");
    writeFileSync(scenario, text);
    writeFileSync(join(dir, "mine.yaml"), "name: mine\nextends: default\n");
    linkSync(scenario, join(dir, "hard.yaml"));
    const s = start(scenario);
    await addEvent("external_inquiry", 30);
    await backAtMenu();
    for (const target of [scenario, join(dir, "hard.yaml"), join(dir, "mine.yaml")]) {
      await saveAs(target);
      await backAtMenu();
    }
    expect(s.printed().match(/save: the output would replace a file this command reads/g)).toHaveLength(3);
    expect(s.printed()).not.toContain("Replace it?");
    expect(s.written.size).toBe(0);
    expect(readFileSync(scenario, "utf8")).toBe(text);
    await menu("Quit");
    await waitFor("Leave without saving");
    screen.keypress("enter");
    await s.done;
  });

  it("asks before replacing an existing file, and keeps it when told no", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "whatif-session-")), "v.yaml");
    writeFileSync(target, "name: mine\nevents: []\n");
    const s = start();
    await menu("Save the variant");
    await waitFor("Save as:");
    // clear the suggested name, type the existing file's
    for (let i = 0; i < 80; i++) screen.keypress("backspace");
    screen.type(target);
    screen.keypress("enter");
    await waitFor("exists. Replace it?");
    screen.type("n");
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("not saved");
    expect(s.written.size).toBe(0);
    await menu("Quit");
    await s.done;
  });

  it("shows a field's value with its C1 and bidirectional controls as escapes, and Enter keeps the value", async () => {
    // the values were shown as the YAML library writes them: a C1 control (U+009B, a CSI to many
    // terminals) or U+202E raw on the terminal, in the field menu and as the prompt's default
    const dir = mkdtempSync(join(tmpdir(), "whatif-session-"));
    const file = join(dir, "s.yaml");
    writeFileSync(
      file,
      'name: s\nevents:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n  - { day: 1, type: purchase, amount: 10, merchant: "JD\\u009b2J\\u202eevil" }\n',
    );
    const s = start(file);
    await menu("Edit an event");
    await waitFor("Edit which event?");
    screen.keypress("down");
    screen.keypress("enter");
    await waitFor("Edit which field of #2?");
    expect(screen.getScreen()).toContain('merchant: "JD\\u009b2J\\u202eevil"');
    choose("merchant:");
    await waitFor("New merchant for #2");
    expect(screen.getScreen()).toContain('(Enter keeps it, null clears it): ("JD\\u009b2J\\u202eevil")');
    expect(await screen.getFullOutput()).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    screen.keypress("enter");
    await backAtMenu();
    expect(s.printed()).toContain("unchanged: #2 merchant");
    await menu("Quit");
    await s.done;
  });

  it("a window resized during the session: what is printed next fits the window as it is now", async () => {
    let out = "";
    // a terminal's stream, whose width follows the window as process.stdout's does
    const stdout = { isTTY: true, columns: 120, write: (t: string) => (out += t) };
    const done = runCli(["whatif", LATE, "--no-color"], {
      stdout,
      stderr: { write: () => true },
      stdinIsTTY: true,
      env: { TERM: "xterm", NO_COLOR: "1" },
      cwd: process.cwd(),
    });
    await waitFor("What now?");
    stdout.columns = 60;
    const before = out.length;
    await menu("Run and compare");
    await backAtMenu();
    const lines = out.slice(before).split("\n");
    expect(lines.some((l) => l.includes("final score"))).toBe(true);
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(60);
    // laid out for 60 columns (not laid out for 120 and folded): the chart's day axis stays on one line
    expect(out.slice(before)).toMatch(/day 0 +day 420/);
    await menu("Quit");
    expect(await done).toBe(0);
  });
});
