// A free-text prompt of the session as a terminal drives it (inquirer's real input prompt, not the testing
// screen's, which gives each key alone): the bytes of a read are keys, a paste arrives in reads of a few KB.

import { PassThrough } from "node:stream";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { MAX_ANSWER } from "../../src/cli/answer-keys.js";
import { prompts } from "../../src/cli/prompts.js";

function terminal(size: { rows?: number; columns?: number } = {}) {
  const keys = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => keys });
  // a terminal's screen, not closed as a prompt ends (each prompt's output is piped to it, and ends)
  const screen: PassThrough = Object.assign(new PassThrough(), { end: () => screen }, size);
  /** the writes to the screen */
  let renders = 0;
  let shown = "";
  screen.on("data", (d: Buffer) => {
    renders++;
    shown += d.toString("utf8");
  });
  /** what each prompt said it dropped, typed before it was shown */
  const dropped: string[] = [];
  const ask = prompts(new Chalk({ level: 0 }), keys, screen, (text) => dropped.push(text));
  /** Keys as one read of the terminal, then what was drawn since the last call. */
  const read = async (bytes: string) => {
    keys.write(bytes);
    await new Promise((r) => setImmediate(r));
  };
  const drawn = () => {
    const text = shown;
    shown = "";
    return text;
  };
  /** Waits until the prompt asking `message` is drawn (a person types once it is on the screen: it takes
   *  no key before). */
  let all = "";
  screen.on("data", (d: Buffer) => {
    all += d.toString("utf8");
  });
  const drawnOnce = async (message: string) => {
    for (let i = 0; i < 50 && !all.includes(message); i++) await new Promise((r) => setImmediate(r));
    expect(all).toContain(message);
    all = "";
  };
  return { ask, keys, read, drawn, drawnOnce, dropped, renders: () => renders };
}

describe("a free-text prompt's keys", () => {
  it("a long paste is one key per read, no longer than the longest answer, then validated as any answer", async () => {
    // inquirer drew the line again at each key and readline measured the whole line at each character:
    // 2 KB pasted cost 2.5 s of CPU, 10 KB a minute
    const t = terminal();
    const answer = t.ask.input({
      message: "Text:",
      validate: (s) => s.length <= 2000 || "text: at most 2000 characters",
    });
    await t.drawnOnce("Text:");
    const before = t.renders();
    for (let i = 0; i < 4; i++) await t.read("x".repeat(1500));
    // one drawing a read (the line, then the cursor put back), until the answer is full; a read past it
    // draws nothing
    expect(t.renders() - before).toBeLessThanOrEqual(2 * 3);
    const drawn = t.drawn();
    expect(drawn).toContain(
      `Text: [at most ${MAX_ANSWER.toLocaleString("en")} characters: no more is taken] x`,
    );
    // the last drawing's answer (broken into the screen's lines)
    expect(drawn.slice(drawn.lastIndexOf("taken]")).match(/x/g)).toHaveLength(MAX_ANSWER);

    await t.read("\r");
    expect(t.drawn()).toContain("> text: at most 2000 characters");
    // asked again, the answer kept to be mended: Ctrl-U empties it, the note goes with it
    await t.read("\u0015short");
    expect(t.drawn()).not.toContain("at most");
    await t.read("\r");
    expect(await answer).toBe("short");
  });

  it("a paste the terminal marks is text: its line breaks are spaces, not Enter", async () => {
    // a line break pasted was Enter: the prompt answered with the first line, the others lost (or read
    // by the prompts after it)
    const t = terminal();
    const answer = t.ask.input({ message: "Text:" });
    await t.drawnOnce("Text:");
    // the terminal asked to mark what is pasted while the prompt listens
    expect(t.drawn()).toContain("\u001b[?2004h");
    await t.read("\u001b[200~first line\r\nsecond\nthird\u001b[201~");
    await t.read("!\r");
    expect(await answer).toBe("first line second third!");
    // and asked to stop once it is answered
    expect(t.drawn()).toContain("\u001b[?2004l");
  });

  it("keys typed one by one, and keys within a read, are still edits in their order", async () => {
    const t = terminal();
    const answer = t.ask.input({ message: "Merchant:" });
    await t.drawnOnce("Merchant:");
    for (const key of ["a", "b", "c", "\u001b[D", "\u007f", "X"]) await t.read(key);
    // in one read: two characters, the cursor left past them, another character
    await t.read("de\u001b[D\u001b[Df");
    await t.read("\r");
    expect(await answer).toBe("aXfdec");
  });
});

describe("an answer's characters", () => {
  it("a bidirectional control or an invisible one is taken as typed, and stays on the screen as its escape", async () => {
    // the answered line was left raw: U+202E reordered the rest of it, a zero-width space hid in it — where
    // the listing, the notices and a saved file show them as escapes. A file's text may hold them: taken.
    const t = terminal();
    const answer = t.ask.input({ message: "Merchant:" });
    await t.drawnOnce("Merchant:");
    await t.read("He\u202ema\u200bX \u{e0041}\r");
    expect(await answer).toBe("He\u202ema\u200bX \u{e0041}");
    const drawn = t.drawn();
    const answered = drawn.slice(drawn.lastIndexOf("✔"));
    expect(answered).toContain("✔ Merchant: He\\u202ema\\u200bX \\u{e0041}");
    expect(answered).not.toMatch(/[\u202e\u200b]|\u{e0041}/u);
  });

  it("while it is typed, a bidirectional or invisible character is drawn as U+FFFD, the line's length kept", async () => {
    // a pasted U+202E was drawn raw on the line being typed, reordering what followed it on the screen
    const t = terminal();
    const answer = t.ask.input({ message: "Merchant:" });
    await t.drawnOnce("Merchant:");
    await t.read("He\u202ema\u200bX \u{e0041}");
    const typing = t.drawn();
    expect(typing).toContain("Merchant: He\ufffdma\ufffdX \ufffd\ufffd");
    expect(typing).not.toMatch(/[\u202e\u200b]|\u{e0041}/u);
    await t.read("\r");
    expect(await answer).toBe("He\u202ema\u200bX \u{e0041}");
  });
});

describe("keys typed before a prompt is shown", () => {
  it("answer nothing: dropped and said, and the keys pressed at the prompt answer it", async () => {
    // "n⏎" typed while a search ran was held by the terminal, and answered the question after it — "Adopt
    // the first suggestion?" — which the user had not seen
    const t = terminal();
    t.keys.write("n\r");
    const adopt = t.ask.confirm({ message: "Adopt?", default: true });
    await t.drawnOnce("Adopt?");
    expect(t.dropped).toEqual(["n\r"]);
    expect(t.drawn()).not.toContain("No");
    await t.read("\r");
    expect(await adopt).toBe(true);
  });

  it("at a list and at a typed answer too; a prompt nothing was typed before says nothing", async () => {
    const t = terminal();
    // down, Enter: the second choice, chosen unseen
    t.keys.write("\u001b[B\r");
    const choice = t.ask.select({ message: "Which?", choices: ["first", "second"] });
    await t.drawnOnce("Which?");
    await t.read("\r");
    expect(await choice).toBe("first");
    t.keys.write("120\r");
    const day = t.ask.input({ message: "Day:" });
    await t.drawnOnce("Day:");
    await t.read("7\r");
    expect(await day).toBe("7");
    expect(t.dropped).toEqual(["\u001b[B\r", "120\r"]);
    const name = t.ask.input({ message: "Name:" });
    await t.drawnOnce("Name:");
    await t.read("x\r");
    expect(await name).toBe("x");
    expect(t.dropped).toHaveLength(2);
  });
});

describe("a list on a small screen", () => {
  it("is drawn no taller than the screen, its longest description and all, so it is taken away whole", async () => {
    // a policy parameter's description is nine rows at 60 columns: the list of 12 drew 24 rows on a screen
    // of 20, and the rows scrolled out of reach stayed on it at every key, and once it was left
    const t = terminal({ rows: 20, columns: 60 });
    const choices = Array.from({ length: 15 }, (_, i) => ({
      name: `parameter${i} = ${i}`,
      value: i,
      description: i === 3 ? "a long description of what the parameter does ".repeat(11) : "short",
    }));
    const chosen = t.ask.select({ message: "Which policy parameter?", pageSize: 12, choices });
    await t.drawnOnce("Which policy parameter?");
    const frames: string[] = [];
    for (const key of ["\u001b[B", "\u001b[B", "\u001b[B", "\u001b[B"]) {
      t.drawn();
      await t.read(key);
      frames.push(t.drawn());
    }
    // the frame with the long description (the cursor on the fourth choice): every row it draws
    const long = frames[2]!;
    expect(long).toContain("a long description");
    const drawnRows = long.slice(long.lastIndexOf("\u001b[G") + 3).split("\n").length;
    expect(drawnRows).toBeLessThanOrEqual(20);
    await t.read("\r");
    expect(await chosen).toBe(4);
  });

  it("keeps the page asked for where the screen has room, and where no size is known", async () => {
    const rows = async (size: { rows?: number; columns?: number }) => {
      const t = terminal(size);
      const choices = Array.from({ length: 20 }, (_, i) => ({ name: `choice ${i}`, value: i }));
      const chosen = t.ask.select({ message: "Which?", pageSize: 12, choices });
      await t.drawnOnce("Which?");
      const shown = t.drawn();
      await t.read("\r");
      expect(await chosen).toBe(0);
      return shown.match(/choice \d+/g)?.length;
    };
    expect(await rows({ rows: 40, columns: 120 })).toBe(12);
    expect(await rows({})).toBe(12);
    // 14 rows: the question, a blank line, the line of keys and a spare one around the page
    expect(await rows({ rows: 14, columns: 60 })).toBe(10);
  });
});
