// Bad input as a user meets it, through `credit-sim run` in-process (loader + formatter + command): every
// malformed file gets ONE message on stderr naming the file (and line:column where the parser knows them)
// and the field, with expected / found / hint where they apply; exit code 2; nothing on stdout; never a
// stack trace. test/e2e/cli.test.ts checks the exit code of one such run in a real process.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jsonReason } from "../../src/scenario/parse.js";
import { unreadable } from "../../src/scenario/read.js";
import { type CliResult, cli, ROOT } from "../helpers/cli.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "credit-sim-bad-input-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

function run(...args: string[]): Promise<CliResult> {
  return cli(["run", ...args], { cwd: dir });
}

/** "line:column" (1-based) of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in ${text}`);
  const lines = text.slice(0, index).split("\n");
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

interface Message {
  /** the file as the message names it */
  file: string;
  /** "line:column" when the parser knows them */
  pos?: string;
  field?: string;
  message: string | RegExp;
  expected?: string | RegExp;
  found?: string | RegExp;
  hint?: string | RegExp;
}

const matches = (text: string | undefined, want: string | RegExp) =>
  typeof want === "string" ? expect(text).toContain(want) : expect(text).toMatch(want);

function expectBadInput(r: CliResult, want: Message): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(r.stderr).not.toMatch(/internal error|Warning|\w+Error:|node:internal/);
  const lines = r.stderr.trimEnd().split("\n");
  // ONE message: a head line, then only its own indented expected / found / hint lines
  expect(lines[0]).toMatch(/^credit-sim: /);
  for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}(expected|found|hint): +\S/);
  const head = lines[0]!.slice("credit-sim: ".length);
  // file:line:column when the test names the position; an unnamed position may or may not be there
  const reEscape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const where = want.pos ? `${reEscape(want.file)}:${want.pos}` : `${reEscape(want.file)}(?::\\d+:\\d+)?`;
  const parts = [want.file || want.pos ? where : "", want.field ? reEscape(want.field) : ""].filter(Boolean);
  const prefix = new RegExp(`^${parts.join(": ")}: `);
  expect(head, `the message should start with ${prefix}`).toMatch(prefix);
  matches(head.replace(prefix, ""), want.message);
  const detail = (name: string) => lines.find((l) => l.startsWith(`  ${name}:`))?.replace(/^ {2}\w+: +/, "");
  if (want.expected !== undefined) matches(detail("expected"), want.expected);
  if (want.found !== undefined) matches(detail("found"), want.found);
  if (want.hint !== undefined) matches(detail("hint"), want.hint);
}

const scenarioWith = (events: string, extra = "") => `name: bad\n${extra}events:\n${events}`;

describe("names on the command line", () => {
  it("an empty file name is said so, not taken for the working folder", async () => {
    const r = await run("");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("credit-sim: an empty file name");
    expect(r.stderr).not.toContain("directory");
  });

  it("an unknown option is quoted terminal-safe", async () => {
    const r = await run("--bogus\u001b[2Jx");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option "--bogus\\x1b[2Jx"');
    expect(r.stderr).not.toContain("\u001b");
  });
});

describe("YAML merge keys", () => {
  it("an event built with `<<: *base` is said to need its fields written out", async () => {
    write(
      "m.yaml",
      "name: m\nevents:\n  - &e { day: 0, type: apply, product: open, amount: 5000 }\n  - { <<: *e, day: 1 }\n",
    );
    expectBadInput(await run("m.yaml"), {
      file: "m.yaml",
      field: "events[1].type",
      message: "event without a type",
      hint: "YAML merge keys (`<<: *name`) are not read: write the event's fields out",
    });
  });

  it("`line` on an event that has none says why, not only 'remove it': a borrow is always Jiebei's, a profile change the customer's", async () => {
    write(
      "l.yaml",
      scenarioWith(
        "  - { day: 0, type: apply, line: jiebei, product: open, amount: 10000 }\n  - { day: 1, type: borrow, line: jiebei, amount: 6000, term: 6 }\n",
      ),
    );
    expectBadInput(await run("l.yaml"), {
      file: "l.yaml",
      field: "events[1].line",
      message: 'unknown field "line"',
      hint: "a borrow is always a Jiebei cash loan: the line goes without saying — remove it",
    });
    write(
      "p.yaml",
      scenarioWith(
        "  - { day: 1, type: change_profile, field: phone, line: huabei }\n  - { day: 2, type: income, line: huabei, monthlyIncome: 5000 }\n  - { day: 3, type: purchse, line: huabei, amount: 100 }\n",
      ),
    );
    // every problem at once, each with why: a profile change's, an income's (its article), and a
    // misspelt purchase checked as a purchase
    const all = await run("p.yaml");
    expect(all.status).toBe(2);
    expect(all.stderr).toContain(
      "p.yaml:3:51: events[0].line: unknown field \"line\"\n  expected: one of type, day, date, field\n  hint:     a change_profile event is the customer's, not one line's (it counts for both): remove it",
    );
    expect(all.stderr).toContain("hint:     an income event is the customer's");
    expect(all.stderr).toContain("hint:     a purchase is always on Huabei");
  });

  it("a merge key anywhere else is said to be one, with the fields to write out — not an unknown field to remove", async () => {
    // `<<` in a profile was 'unknown field "<<"', 'remove it': removed, the fields it meant to bring vanish
    const text =
      "name: m\nbase: &b { age: 30 }\nprofile:\n  <<: *b\n  verified: true\nevents:\n  - { <<: *b, day: 0, type: note, text: x }\n";
    const r = await run(write("m.yaml", text));
    expect(r.status).toBe(2);
    for (const field of ["profile.<<", "events[0].<<"]) {
      expect(r.stderr).toContain(`: ${field}: a YAML merge key (\`<<: *name\`) is not read`);
    }
    expect(r.stderr).toContain("hint:     write out the fields it would bring in");
    expect(r.stderr).not.toContain('unknown field "<<"');
    const policy = "name: p\nextends: default\n<<: { minScore: 600 }\n";
    write("p.yaml", policy);
    expectBadInput(await run(write("s.yaml", "name: s\npolicy: ./p.yaml\nevents: []\n")), {
      file: "p.yaml",
      pos: at(policy, "<<"),
      field: "<<",
      message: "a YAML merge key (`<<: *name`) is not read",
      hint: /write out the fields it would bring in/,
    });
  });
});

describe("every problem of one file at once", () => {
  it("a policy it names is checked even when the schema refuses the file, and all are said in file order", async () => {
    write("p1.yaml", "name: t\npolicy: nothere\nevents:\n  - {day: 0, type: purchase, amount: -5}\n");
    const one = await run("p1.yaml");
    expect(one.status).toBe(2);
    const lines = one.stderr.split("\n").filter((l) => l.startsWith("credit-sim: p1.yaml:"));
    expect(lines[0]).toMatch(/p1\.yaml:2:\d+: policy: unknown policy "nothere"/);
    expect(lines[1]).toMatch(/p1\.yaml:4:\d+: events\[0\]\.amount: value out of range/);
    write(
      "p2.yaml",
      "name: t\nevents:\n  - {day: 0, type: purchse, amount: 5}\n  - {day: 1, type: policy, use: nothere}\n",
    );
    const two = await run("p2.yaml");
    expect(two.stderr).toMatch(/events\[0\]\.type: unknown event type/);
    expect(two.stderr).toMatch(/events\[1\]\.use: unknown policy "nothere"/);
    // a policy file's own problems, beside the scenario's
    write("badpol.yaml", "name: bp\nextends: default\nminScore: 2000\nbogus: 1\n");
    write("p3.yaml", "name: t\npolicy: badpol.yaml\nevents:\n  - {day: 0, type: purchse, amount: 5}\n");
    const three = await run("p3.yaml");
    expect(three.stderr).toMatch(/p3\.yaml:4:\d+: events\[0\]\.type: unknown event type/);
    expect(three.stderr).toMatch(/badpol\.yaml:3:\d+: minScore: value out of range/);
    expect(three.stderr).toMatch(/badpol\.yaml:4:\d+: bogus: unknown field/);
    expect(three.stderr).toContain("3 problems");
    // a policy named many times is read once and its problems said once; at most 20 in all
    const uses = Array.from({ length: 30 }, (_, i) => `  - {day: ${i + 1}, type: policy, use: badpol.yaml}`);
    write("p4.yaml", ["name: t", "bogus: 1", "events:", ...uses, ""].join("\n"));
    const four = await run("p4.yaml");
    expect(four.stderr.match(/badpol\.yaml:3:\d+: minScore/g)).toHaveLength(1);
    expect(four.stderr).toContain("3 problems");
  });
});

describe("invisible characters", () => {
  it("a zero-width or no-break space in a value or a key is shown as its escape, not as the word it hides in", async () => {
    const text =
      'name: t\n"na\\u200bme2": x\nevents:\n  - {day: 0, type: "pur\\u200bchase", amount: 5}\n  - {day: 0, type: apply, product: "open\\u00a0", amount: 5}\n';
    const r = await run(write("zw.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown field "na\\u200bme2"');
    expect(r.stderr).toContain('found:    "pur\\u200bchase"');
    expect(r.stderr).toContain('found:    "open\\u00a0"');
    expect(r.stderr).not.toMatch(/[\u200b\u00a0]/);
  });

  it("a control character typed inside quotes is said as that, with the escape to write — not as JSON's", async () => {
    // js-yaml's words were "expected valid JSON character", in a YAML file, with "check the YAML/JSON syntax"
    for (const [name, quote] of [
      ["double.yaml", '"'],
      ["single.yaml", "'"],
    ]) {
      const text = scenarioWith(`  - { day: 0, type: note, text: ${quote}bell\u0007here${quote} }\n`);
      expectBadInput(await run(write(name!, text)), {
        file: name!,
        pos: at(text, "\u0007"),
        message: "cannot parse: a quoted value holds a control character",
        hint: /escape in double quotes \(\\t, \\n, \\x1b\)/,
      });
    }
  });

  // it was JSON's 'bad control character in string literal', with 'check the JSON syntax (no trailing
  // commas, keys in double quotes)'
  it("a control character typed inside a JSON string is named, with JSON's escape for it", async () => {
    const text = '{"name": "t", "events": [{"day": 0, "type": "note", "text": "a\u001b[2Jb"}]}\n';
    expectBadInput(await run(write("ctl.json", text)), {
      file: "ctl.json",
      pos: at(text, "\u001b"),
      message: "cannot parse JSON: a string holds a control character (\\x1b)",
      hint: "write it as an escape (\\u001b), or remove it",
    });
  });

  // js-yaml finds one when the value ends: it was placed there (after `b`, or at the line's end), as 'the
  // file holds control characters' with 'files are YAML or JSON text' — of a flag's value too
  it("a control character outside quotes is placed where it is and named, with the escape to write", async () => {
    for (const [name, value, shown] of [
      ["flow.yaml", "  - { day: 0, type: note, text: a\u001b[2Jb }\n", "\\x1b"],
      ["block.yaml", "  - day: 0\n    type: note\n    text: a\u007fbc\n", "\\x7f"],
      ["c1.yaml", "  - { day: 0, type: note, text: a\u009b31mb }\n", "\\x9b"],
    ] as const) {
      const text = scenarioWith(value);
      expectBadInput(await run(write(name, text)), {
        file: name,
        pos: at(text, shown === "\\x1b" ? "\u001b" : shown === "\\x7f" ? "\u007f" : "\u009b"),
        message: `cannot parse: a control character (${shown}) outside quotes`,
        hint: `write it as an escape in double quotes ("${shown}"), or remove it`,
      });
    }
  });
});

describe("several files", () => {
  it("run reports every file's problems at once, not the first file's alone", async () => {
    write("a.yaml", scenarioWith("  - { day: 0, type: purchse, amount: 10 }\n"));
    write("b.yaml", scenarioWith("  - { day: -1, type: purchase, amount: 10 }\n"));
    const r = await run("a.yaml", "b.yaml");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^credit-sim: a\.yaml:\d+:\d+: events\[0\]\.type: unknown event type/m);
    expect(r.stderr).toMatch(/^credit-sim: b\.yaml:\d+:\d+: events\[0\]\.day/m);
    expect(r.stderr).toContain("2 problems");
  });

  it("a name taken twice is reported beside another file's problems", async () => {
    const ok = readFileSync(join(ROOT, "scenarios/good-customer.yaml"), "utf8");
    write("a.yaml", ok);
    write("c.yaml", ok);
    write("b.yaml", scenarioWith("  - { day: 0, type: purchse, amount: 10 }\n"));
    const r = await run("a.yaml", "b.yaml", "c.yaml");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^credit-sim: b\.yaml:\d+:\d+: events\[0\]\.type: unknown event type/m);
    expect(r.stderr).toMatch(/^credit-sim: c\.yaml:\d+:\d+: name: duplicate scenario name/m);
  });
});

describe("the instalment cap", () => {
  // at 0 no cash loan is lent whatever its amount, term or the income: its decline's advice (borrow less,
  // over more months, or report a higher income) cannot work — refused where it is written
  it("0 is refused in a policy file and in a policy event's set, each where it is written", async () => {
    const policy = "name: nocash\nextends: default\njiebeiMaxInstalmentToIncome: 0\n";
    write("nocash.yaml", policy);
    expectBadInput(await run(write("uses-nocash.yaml", "name: t\npolicy: nocash.yaml\nevents: []\n")), {
      file: "nocash.yaml",
      pos: at(policy, "0\n"),
      field: "jiebeiMaxInstalmentToIncome",
      message: "value out of range",
      expected: "more than 0",
      found: "0",
    });
    const text = scenarioWith("  - { day: 1, type: policy, set: { jiebeiMaxInstalmentToIncome: 0 } }\n");
    expectBadInput(await run(write("set-nocash.yaml", text)), {
      file: "set-nocash.yaml",
      pos: at(text, "0 }"),
      field: "events[0].set.jiebeiMaxInstalmentToIncome",
      message: "value out of range",
      expected: "more than 0",
      found: "0",
    });
    // the least cap above it runs
    write("somecash.yaml", "name: somecash\nextends: default\njiebeiMaxInstalmentToIncome: 0.01\n");
    const ok = await run(write("uses-somecash.yaml", "name: t\npolicy: somecash.yaml\nevents: []\n"));
    expect(ok.status, ok.stderr).toBe(0);
  });
});

describe("the debt caps", () => {
  // at 0 only a customer owing nothing anywhere meets a debt cap: no cash loan is lent (a loan is debt), a
  // line used to a month-end report is suspended at the review and, counted at its limit, never restored —
  // the decline's advice (repay, or report a higher income) cannot work. Refused where it is written
  it.each(["maxDebtToIncome", "jiebeiMaxDebtToIncome"])(
    "%s: 0 is refused in a policy file and in a policy event's set, each where it is written",
    async (name) => {
      const policy = `name: nodebt\nextends: default\n${name}: 0\n`;
      write("nodebt.yaml", policy);
      expectBadInput(await run(write("uses-nodebt.yaml", "name: t\npolicy: nodebt.yaml\nevents: []\n")), {
        file: "nodebt.yaml",
        pos: at(policy, "0\n"),
        field: name,
        message: "value out of range",
        expected: "more than 0",
        found: "0",
      });
      const text = scenarioWith(`  - { day: 1, type: policy, set: { ${name}: 0 } }\n`);
      expectBadInput(await run(write("set-nodebt.yaml", text)), {
        file: "set-nodebt.yaml",
        pos: at(text, "0 }"),
        field: `events[0].set.${name}`,
        message: "value out of range",
        expected: "more than 0",
        found: "0",
      });
      // the least cap above it runs
      write("somedebt.yaml", `name: somedebt\nextends: default\n${name}: 0.01\n`);
      const ok = await run(write("uses-somedebt.yaml", "name: t\npolicy: somedebt.yaml\nevents: []\n"));
      expect(ok.status, ok.stderr).toBe(0);
    },
  );
});

describe("amounts", () => {
  it("negative", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: -5 }\n");
    expectBadInput(await run(write("neg.yaml", text)), {
      file: "neg.yaml",
      pos: at(text, "-5"),
      field: "events[0].amount",
      message: "value out of range",
      expected: "more than 0",
      found: "-5",
      hint: /positive yuan/,
    });
  });

  it("zero", async () => {
    const text = scenarioWith("  - { day: 0, type: repay, amount: 0 }\n");
    expectBadInput(await run(write("zero.yaml", text)), {
      file: "zero.yaml",
      pos: at(text, "0 }"),
      field: "events[0].amount",
      message: /out of range|invalid value/,
      found: "0",
    });
  });

  it("minus zero is said as written, not as the 0 a reader may think was never refused", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: -0 }\n");
    expectBadInput(await run(write("minus-zero.yaml", text)), {
      file: "minus-zero.yaml",
      pos: at(text, "-0"),
      field: "events[0].amount",
      message: "value out of range",
      expected: "more than 0",
      found: "-0",
    });
    write(
      "minus-zero.json",
      '{"name": "z", "events": [{"day": 0, "type": "borrow", "amount": -0, "term": 3}]}',
    );
    expectBadInput(await run("minus-zero.json"), {
      file: "minus-zero.json",
      message: "value out of range",
      found: "-0",
    });
    // a range's bounds, compared with each other after the schema
    const range = scenarioWith("  - { day: 0, type: note, text: x }\n").concat(
      "expect:\n  - { day: 0, balance: { min: -0, max: -5 } }\n",
    );
    expectBadInput(await run(write("minus-zero-range.yaml", range)), {
      file: "minus-zero-range.yaml",
      field: "expect[0].balance",
      message: "the range is empty",
      found: "min -0 > max -5",
    });
  });

  it("a thousands separator inside { … }: what YAML read, and the number to write (not 'remove it')", async () => {
    // the comma ends the field: amount 5, then a key 000 — removing that key would leave ¥5
    const text = scenarioWith("  - { day: 0, type: purchase, amount: 5,000 }\n");
    expectBadInput(await run(write("thousands.yaml", text)), {
      file: "thousands.yaml",
      pos: at(text, "5,000"),
      field: "events[0].amount",
      message: 'amount: 5,000 was read as amount 5 and a field "000"',
      expected: "a number without thousands separators",
      found: "5,000",
      hint: "write amount: 5000",
    });
    const fen = scenarioWith("  - { day: 0, type: purchase, amount: 1,250.50, merchant: JD }\n");
    expectBadInput(await run(write("fen.yaml", fen)), {
      file: "fen.yaml",
      pos: at(fen, "1,250"),
      field: "events[0].amount",
      message: /^amount: 1,250\.50 was read as amount 1/,
      found: "1,250.50",
      hint: "write amount: 1250.50",
    });
  });

  it("…told before the value the split left (an application's 5 is 'not whole hundreds', 0 'out of range')", async () => {
    // the split was dropped as a second problem at the same place: "write 100" for ¥5,000 meant
    const text = scenarioWith("  - { day: 0, type: apply, product: open, amount: 5,000 }\n");
    expectBadInput(await run(write("apply-thousands.yaml", text)), {
      file: "apply-thousands.yaml",
      pos: at(text, "5,000"),
      field: "events[0].amount",
      message: 'amount: 5,000 was read as amount 5 and a field "000"',
      hint: "write amount: 5000",
    });
  });

  it.each([
    ["2,5", "2.5"],
    ["0,035", "0.035"],
    ["0,5", "0.5"],
  ])(
    "a decimal comma inside { … } (%s): what YAML read, and the decimal to write — not its digits run together",
    async (written, decimal) => {
      const text = scenarioWith(`  - { day: 0, type: purchase, amount: ${written}, merchant: JD }\n`);
      expectBadInput(await run(write("comma.yaml", text)), {
        file: "comma.yaml",
        pos: at(text, written),
        field: "events[0].amount",
        message: `amount: ${written} was read as amount ${written.split(",")[0]} and a field "${written.split(",")[1]}"`,
        expected: "a number with a decimal point",
        found: written,
        hint: `write amount: ${decimal} if that is meant: a decimal is written with a point`,
      });
    },
  );

  it("a comma between digits of a whole-number field (a day) is grouping: the digits together are told, not a decimal", async () => {
    const text = scenarioWith("  - { day: 1,2, type: purchase, amount: 5, merchant: JD }\n");
    expectBadInput(await run(write("day-comma.yaml", text)), {
      file: "day-comma.yaml",
      pos: at(text, "1,2"),
      field: "events[0].day",
      message: 'day: 1,2 was read as day 1 and a field "2"',
      expected: "a number without thousands separators",
      found: "1,2",
      hint: "write day: 12",
    });
  });

  it("non-numeric", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: abc }\n");
    expectBadInput(await run(write("nan.yaml", text)), {
      file: "nan.yaml",
      pos: at(text, "abc"),
      field: "events[0].amount",
      message: "wrong type",
      expected: "a number",
      found: '"abc"',
    });
  });

  it("a number as a string", async () => {
    const text = scenarioWith('  - { day: 0, type: purchase, amount: "100" }\n');
    expectBadInput(await run(write("str.yaml", text)), {
      file: "str.yaml",
      pos: at(text, '"100"'),
      field: "events[0].amount",
      message: "wrong type",
      found: '"100"',
    });
  });

  it("full-width digits (a CJK input method's): the number to write in ASCII", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: ￥１，０００.５０ }\n");
    expectBadInput(await run(write("wide.yaml", text)), {
      file: "wide.yaml",
      pos: at(text, "￥"),
      field: "events[0].amount",
      message: "wrong type",
      found: '"￥１，０００.５０"',
      hint: /^write 1000\.50: a number is written in ASCII digits/,
    });
  });

  it.each([
    ["١٠٠٠", "1000"],
    ["१,०००", "1000"],
    ["¥۱۲۰", "120"],
  ])(
    "another script's digits (%s): the number to write in ASCII, as full-width ones are told",
    async (amount, plain) => {
      const text = scenarioWith(`  - { day: 0, type: purchase, amount: "${amount}" }\n`);
      expectBadInput(await run(write("script.yaml", text)), {
        file: "script.yaml",
        pos: at(text, `"${amount}"`),
        field: "events[0].amount",
        message: "wrong type",
        found: `"${amount}"`,
        hint: new RegExp(`^write ${plain}: a number is written in ASCII digits`),
      });
    },
  );

  it.each([["￥-50"], ["-¥50"], ["－￥５０"], ["-50元"]])(
    "a negative amount written with a yuan sign (%s): said to be positive, not left without a hint",
    async (amount) => {
      const text = scenarioWith(`  - { day: 0, type: purchase, amount: "${amount}" }\n`);
      expectBadInput(await run(write("neg-yen.yaml", text)), {
        file: "neg-yen.yaml",
        field: "events[0].amount",
        message: "wrong type",
        hint: /^amounts are positive numbers of yuan, without a sign or "¥": write 50 if ¥50 is meant/,
      });
    },
  );

  it("a number as a string with a minus and nothing else keeps the quoted number's hint", async () => {
    const text = scenarioWith('  - { day: 0, type: purchase, amount: "-50" }\n');
    const r = await run(write("neg-quoted.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain("amounts are positive numbers of yuan, without a sign");
  });

  it("debt elsewhere adding up past what is counted exactly, at the event that takes it there", async () => {
    // each amount within its bound, the sum was not: past 2^53 fen a repayment of ¥0.01 changed nothing
    const lines = [
      "  - { day: 0, type: external_debt, amount: 1000000000 }",
      "  - { day: 1, type: external_repayment, amount: 1000000000 }",
      ...Array<string>(999).fill("  - { day: 2, type: external_debt, amount: 1000000000 }"),
      "  - { day: 3, type: external_debt, amount: 0.01 }",
    ];
    const text = scenarioWith(`${lines.join("\n")}\n`, "profile: { externalDebt: 1000000000 }\n");
    expectBadInput(await run(write("debt.yaml", text)), {
      file: "debt.yaml",
      pos: at(text, "amount: 0.01").replace(/:(\d+)$/, (_, c: string) => `:${Number(c) + 8}`),
      field: "events[1001].amount",
      message: "the debt elsewhere would be more than credit-sim counts",
      expected: "at most ¥1,000,000,000,000.00 owed elsewhere at any time",
      found: "¥1,000,000,000,000.01 owed elsewhere after it (day 3)",
      hint: /external_repayment/,
    });
    // at the bound itself it runs
    const within = scenarioWith(
      `${lines.slice(0, -1).join("\n")}\n`,
      "profile: { externalDebt: 1000000000 }\n",
    );
    const r = await run(write("within.yaml", within));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("infinite", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: .inf }\n");
    expectBadInput(await run(write("inf.yaml", text)), {
      file: "inf.yaml",
      pos: at(text, ".inf"),
      field: "events[0].amount",
      message: "wrong type",
      expected: "a finite number",
      // as the file writes it, as 1e308 and -0 are (JavaScript's `Infinity` is no YAML)
      found: ".inf",
    });
  });

  it("three decimals", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: 12.345 }\n");
    expectBadInput(await run(write("dec.yaml", text)), {
      file: "dec.yaml",
      pos: at(text, "12.345"),
      field: "events[0].amount",
      message: "too many decimal places",
      expected: /2 decimal places/,
      found: "12.345",
    });
  });

  it("three decimals in a policy's yuan parameter (a limit, a drawdown minimum)", async () => {
    const policy = "name: fen\nextends: default\nminLimit: 500.555\n";
    const policyFile = write("fen-policy.yaml", policy);
    const text = scenarioWith(
      "  - { day: 0, type: apply, product: open, amount: 5000 }\n",
      "policy: fen-policy.yaml\n",
    );
    expectBadInput(await run(write("fen.yaml", text)), {
      // a policy file's problems name it by its full path
      file: policyFile, // named relative to the working folder, as the user names files
      pos: at(policy, "500.555"),
      field: "minLimit",
      message: "too many decimal places",
      expected: /2 decimal places/,
      found: "500.555",
    });
  });

  it("a large amount with two decimals is fine (no float tolerance trap)", async () => {
    const r = await run(
      write("big.yaml", scenarioWith("  - { day: 0, type: purchase, amount: 134222770.92 }\n")),
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("a misspelt repay keyword", async () => {
    const text = scenarioWith("  - { day: 0, type: repay, amount: ful }\n");
    expectBadInput(await run(write("ful.yaml", text)), {
      file: "ful.yaml",
      pos: at(text, "ful"),
      field: "events[0].amount",
      message: "invalid value",
      expected: /full, statement, minimum/,
      found: '"ful"',
      hint: 'did you mean "full"?',
    });
  });
});

describe("a file of another kind", () => {
  // each key was "unknown field … remove it" (and "missing required field … add it"): a fix that would
  // leave a policy of nothing, when the file was simply given in the wrong place
  const scenario = scenarioWith("  - { day: 0, type: apply, product: open, amount: 5000 }\n", "until: 40\n");
  const policy = "name: strict\nextends: default\nminScore: 650\n";

  it("a scenario given as a policy, or as a persona, is named a scenario", async () => {
    const file = write("story.yaml", scenario);
    for (const r of [
      await run(file, "--policy", file),
      await cli(["simulate", file, "--accounts", "5", "--days", "30"], { cwd: dir }),
    ])
      expectBadInput(r, {
        file: "story.yaml",
        message: /^a scenario file, not a (policy|persona) file$/,
        found: "a scenario (until, events)",
        hint: /--policy, `policy:` and `extends` name a policy file/,
      });
  });

  it("a policy given as a scenario, or as a persona, is named a policy", async () => {
    const file = write("strict.yaml", policy);
    for (const r of [
      await run(file),
      await cli(["simulate", file, "--accounts", "5", "--days", "30"], { cwd: dir }),
    ])
      expectBadInput(r, {
        file: "strict.yaml",
        message: /^a policy file, not a (scenario|persona) file$/,
        found: "a policy (extends, minScore)",
        hint: /--policy FILE/,
      });
  });

  it("a persona given as a scenario, or as a policy, is named a persona", async () => {
    // as a scenario it was "events: missing required field … add `events: …`", as a policy "none of its
    // keys but name and description is a policy field": neither said the file is a persona
    const file = write(
      "p.yaml",
      "name: p\ndescription: d\nshare: 1\nprofile: { verified: 1 }\nspending: { perMonth: 1, amount: 10 }\n",
    );
    for (const r of [await run(file), await run(write("s.yaml", scenario), "--policy", file)])
      expectBadInput(r, {
        file: "p.yaml",
        message: /^a persona file, not a (scenario|policy) file$/,
        found: "a persona (share, spending)",
        hint: /a persona is what `simulate` takes/,
      });
  });

  it("a scenario with a misspelt key is still a scenario, its typo named", async () => {
    const text = "name: typo\nevnts:\n  - { day: 0, type: apply, product: open, amount: 5000 }\n";
    const r = await run(write("typo.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "events"?');
  });
});

describe("policies", () => {
  it("an unknown policy name, with did-you-mean", async () => {
    const text = "name: bad\npolicy: defualt\nevents: []\n";
    expectBadInput(await run(write("pol.yaml", text)), {
      file: "pol.yaml",
      pos: at(text, "defualt"),
      field: "policy",
      message: 'unknown policy "defualt"',
      expected: /default, (.+, )?tightened/,
      found: '"defualt"',
      hint: 'did you mean "default"?',
    });
  });

  it("an unknown policy in a policy event", async () => {
    const text = scenarioWith("  - { day: 3, type: policy, use: tightend }\n");
    expectBadInput(await run(write("use.yaml", text)), {
      file: "use.yaml",
      pos: at(text, "tightend"),
      field: "events[0].use",
      message: 'unknown policy "tightend"',
      hint: 'did you mean "tightened"?',
    });
  });

  it("an unknown --policy is the option's fault, not the file's", async () => {
    const file = write("ok.yaml", "name: ok\nevents: []\n");
    expectBadInput(await run(file, "--policy", "defualt"), {
      file: "",
      field: "--policy",
      message: 'unknown policy "defualt"',
      hint: 'did you mean "default"?',
    });
  });

  it("a policy file that does not exist", async () => {
    const text = "name: bad\npolicy: ./nowhere.yaml\nevents: []\n";
    // said where it is named, with the file it resolved to
    expectBadInput(await run(write("nf.yaml", text)), {
      file: "nf.yaml",
      pos: "2:9",
      field: "policy",
      message: `policy file not found: ${join(dir, "nowhere.yaml")}`,
      hint: "a path here starts at this scenario file's folder",
    });
  });

  it("a policy file's `extends` that names no file is said at its `extends` line, a path from its own folder", async () => {
    // it was '/…/nosuch.yaml: policy file not found', hint 'it is relative to the current folder' (it is
    // not: from p.yaml's folder), with no line; through a scenario, at the scenario's `policy:` with
    // found "./p.yaml", a file that is there
    mkdirSync(join(dir, "pol"));
    write("pol/p.yaml", "name: pp\nextends: ./nosuch.yaml\nminScore: 600\n");
    const want = {
      file: "pol/p.yaml",
      pos: "2:10",
      field: "extends",
      message: `policy file not found: ${join(dir, "pol", "nosuch.yaml")}`,
      found: '"./nosuch.yaml"',
      hint: "a path here starts at this policy file's folder",
    };
    expectBadInput(await run(write("s.yaml", "name: s\npolicy: ./pol/p.yaml\nevents: []\n")), want);
    expectBadInput(await run(write("t.yaml", "name: t\nevents: []\n"), "--policy", "pol/p.yaml"), want);
    // a folder where a file should be, alike
    write("pol/p.yaml", "name: pp\nextends: ./\nminScore: 600\n");
    expectBadInput(await run("t.yaml", "--policy", "pol/p.yaml"), {
      ...want,
      message: `is a directory, not a policy file: ${join(dir, "pol")}`,
      found: '"./"',
      hint: "give a policy file",
    });
  });

  it("a policy path that loops through symbolic links is said to loop, where it is named", async () => {
    symlinkSync("loop.yaml", join(dir, "loop.yaml"));
    const text = "name: bad\npolicy: ./loop.yaml\nevents: []\n";
    expectBadInput(await run(write("lp.yaml", text)), {
      file: "lp.yaml",
      pos: "2:9",
      field: "policy",
      message: /^the path of the policy file loops through symbolic links/,
      hint: "give the path of the file itself",
    });
  });

  it("a policy file with an `extends` cycle, its files named as `extends` names them", async () => {
    write("p1.yaml", "name: p1\nextends: ./p2.yaml\n");
    write("p2.yaml", "name: p2\nextends: ./p1.yaml\n");
    const r = await run(write("cycle.yaml", "name: bad\npolicy: ./p1.yaml\nevents: []\n"));
    expectBadInput(r, {
      file: "cycle.yaml",
      pos: "2:9",
      field: "policy",
      message: /^policies extend each other in a cycle/,
      // never the runner's absolute paths
      found: "p1.yaml → p2.yaml → p1.yaml",
      hint: /extends/,
    });
  });

  it("a policy file that extends itself", async () => {
    write("self.yaml", "name: self\nextends: ./self.yaml\n");
    const r = await run(write("s.yaml", "name: bad\npolicy: ./self.yaml\nevents: []\n"));
    expectBadInput(r, { file: "s.yaml", pos: "2:9", message: /cycle/ });
  });

  it("a chain of `extends` is bounded (64 levels): a longer one is bad input, never an overflowed stack", async () => {
    // p0 extends p1 … extends pN-1, which extends the built-in default
    const chain = (prefix: string, n: number) => {
      for (let i = 0; i < n; i++)
        write(
          `${prefix}${i}.yaml`,
          `name: ${prefix}${i}\nextends: ${i + 1 < n ? `./${prefix}${i + 1}.yaml` : "default"}\n`,
        );
    };
    chain("ok", 64);
    const ok = await run(write("ok.yaml", "name: fine\npolicy: ./ok0.yaml\nevents: []\n"), "--no-chart");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    chain("long", 100);
    expectBadInput(await run(write("long.yaml", "name: bad\npolicy: ./long0.yaml\nevents: []\n")), {
      file: "long.yaml",
      pos: "2:9",
      field: "policy",
      message: /^policies extend each other more than 64 levels deep/,
      found: "a chain of 66 policy files or more",
      hint: /extend a policy nearer the base/,
    });
  });

  it("a policy file missing a parameter", async () => {
    const full = readFileSync(join(ROOT, "policies/default.yaml"), "utf8");
    const policy = full.replace(/^name: .*$/m, "name: mine").replace(/^minScore: .*\n/m, "");
    expect(policy).not.toMatch(/^minScore:/m);
    write("mine.yaml", policy);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./mine.yaml\nevents: []\n")), {
      file: "mine.yaml",
      field: "minScore",
      message: "missing required field",
      expected: "a number",
      found: /missing/,
    });
  });

  it("a policy file with a misspelt parameter", async () => {
    const text = "name: mine\nextends: default\nminScor: 600\n";
    write("typo.yaml", text);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./typo.yaml\nevents: []\n")), {
      file: "typo.yaml",
      pos: at(text, "minScor"),
      field: "minScor",
      message: 'unknown field "minScor"',
      hint: 'did you mean "minScore"?',
    });
  });

  it("a policy file that extends an unknown built-in is reported at its own `extends`", async () => {
    const text = "name: mine\nextends: defualt\n";
    write("ext.yaml", text);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./ext.yaml\nevents: []\n")), {
      file: "ext.yaml",
      pos: at(text, "defualt"),
      field: "extends",
      message: 'unknown policy "defualt"',
      hint: 'did you mean "default"?',
    });
  });

  it("a policy parameter out of range", async () => {
    const text = "name: mine\nextends: default\nminScore: 5000\n";
    write("range.yaml", text);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./range.yaml\nevents: []\n")), {
      file: "range.yaml",
      pos: at(text, "5000"),
      field: "minScore",
      message: "value out of range",
      expected: "at most 950",
      found: "5000",
    });
  });

  it("a whole-number parameter far out of range is told its own range, in a file and in a `set`", async () => {
    const text = "name: mine\nextends: default\nminScore: 1e300\n";
    write("far.yaml", text);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./far.yaml\nevents: []\n")), {
      file: "far.yaml",
      pos: at(text, "1e300"),
      field: "minScore",
      message: "value out of range",
      expected: "at most 950",
      found: "1e300",
    });
    const set = scenarioWith("  - { day: 1, type: policy, set: { reviewDayOfMonth: -1e300 } }\n");
    expectBadInput(await run(write("set.yaml", set)), {
      file: "set.yaml",
      pos: at(set, "-1e300"),
      field: "events[0].set.reviewDayOfMonth",
      message: "value out of range",
      expected: "at least 1",
    });
  });

  it("a custom calendar whose bill falls due after the next statement: told once, with the days that work", async () => {
    // statements on the 29th, due on the 31st: the bill of 28 February fell due on 31 March, after the
    // statement of 29 March, which stated it as carried, its minimum folded in, before it was due
    const text = "name: mine\nextends: default\nstatementDayOfMonth: 29\ndueDayOfMonth: 31\n";
    write("cal.yaml", text);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./cal.yaml\nevents: []\n")), {
      file: "cal.yaml",
      pos: at(text, "31"),
      field: "dueDayOfMonth",
      message: "a bill would fall due on or after the next statement",
      found:
        "statementDayOfMonth 29, dueDayOfMonth 31: e.g. the bill stated on 2023-02-28 falls due on 2023-03-31, after the next statement (2023-03-29)",
      hint: "with statements on the 29th, a due day on the 1st–27th; or, due on the 31st, a statement day on the 1st–27th",
    });
  });

  it("a due day on the statement day, in a `set` and after a `use`: told at the parameter set, against the policy in effect", async () => {
    // the bill falls due the day the next statement states it as carried
    const text = scenarioWith(
      "  - { day: 0, type: policy, use: tightened }\n  - { day: 5, type: policy, set: { statementDayOfMonth: 10 } }\n",
    );
    expectBadInput(await run(write("same.yaml", text)), {
      file: "same.yaml",
      pos: at(text, "10 }"),
      field: "events[1].set.statementDayOfMonth",
      message: "a bill would fall due on or after the next statement",
      found:
        /falls due on the day of the next statement \(2023-02-10\) \(dueDayOfMonth of policy tightened\)$/,
      hint: "with statements on the 10th, a due day on the 1st–9th or 11th–31st",
    });
    // the statement and the due day moved together, in one `set` or in two events of one day: fine
    const fine = scenarioWith(
      "  - { day: 5, type: policy, set: { statementDayOfMonth: 10 } }\n  - { day: 5, type: policy, set: { dueDayOfMonth: 1 } }\n  - { day: 9, type: policy, set: { statementDayOfMonth: 25, dueDayOfMonth: 5 } }\n",
    );
    expect((await run(write("fine.yaml", fine), "--no-chart")).status).toBe(0);
  });

  it("a limit band that never applies (a band from a score no higher offers more), with every other problem of the file", async () => {
    const text = [
      "name: mine",
      "extends: default",
      "dueDayOfMonth: 1",
      "limitBands:",
      "  - { minScore: 620, maxLimit: 8000 }",
      "  - { minScore: 680, maxLimit: 6000 }",
      "jiebeiLimitBands:",
      "  - { minScore: 700, maxLimit: 9000 }",
      "  - { minScore: 700, maxLimit: 5000 }",
      "",
    ].join("\n");
    write("bands.yaml", text);
    const r = await run(write("m.yaml", "name: bad\npolicy: ./bands.yaml\nevents: []\n"));
    expect(r.status).toBe(2);
    const heads = r.stderr.split("\n").filter((l) => l.startsWith("credit-sim: "));
    expect(heads).toEqual([
      `credit-sim: bands.yaml:${at(text, "1\n")}: dueDayOfMonth: a bill would fall due on or after the next statement`,
      `credit-sim: bands.yaml:${at(text, "{ minScore: 680")}: limitBands[1]: a limit band that never applies: a band from a score no higher offers more`,
      `credit-sim: bands.yaml:${at(text, "{ minScore: 700, maxLimit: 5000")}: jiebeiLimitBands[1]: a limit band that never applies: a band from a score no higher offers more`,
      "credit-sim: bands.yaml: 3 problems",
    ]);
    expect(r.stderr).toContain(
      "found:    from 680: ¥6,000; limitBands[0] from 620: ¥8,000, so a score of 680 or more gets ¥8,000",
    );
    // the due day this file writes meets the statement day of the policy it extends, named so
    expect(r.stderr).toContain("(statementDayOfMonth of policy default)");
    expect(r.stderr).toContain("hint:     give this band a maxLimit above ¥8,000, or remove it");
    expect(r.stderr).toContain("hint:     one band per score: remove this one, or give it another minScore");
  });

  it("parameters that cross but still make a policy load and run: the stricter binds", async () => {
    // bands in any order, a grace into the next statement (due on the 22nd, statements on the 25th), a
    // restoration score below the keeping one, a band below the smallest line, a trigger after charge-off
    const text = [
      "name: mine",
      "extends: default",
      "statementDayOfMonth: 25",
      "dueDayOfMonth: 22",
      "graceDays: 10",
      "restoreScore: 600",
      "minLimit: 4000",
      "limitBands: [{ minScore: 700, maxLimit: 9000 }, { minScore: 620, maxLimit: 3000 }]",
      "suspendOverdueDays: 200",
      "",
    ].join("\n");
    write("crossed.yaml", text);
    const r = await run(write("m.yaml", "name: fine\npolicy: ./crossed.yaml\nevents: []\n"), "--no-chart");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("a penalty below the interest it replaces runs, with a warning at the rate the file writes", async () => {
    // the overdue principal bears the penalty instead of interest: below it, a yuan left unpaid on a due
    // date costs less a day than one paid and revolved (Huabei) or one still lent (Jiebei) — the policy's
    // choice, as crossed thresholds are, so it runs, but said where it is written, with what would not
    const text = [
      "name: cheap",
      "extends: default",
      "penaltyRatePerDay: 0.0002",
      "jiebeiRatePerDay: 0.0007",
      "",
    ].join("\n");
    write("cheap.yaml", text);
    const r = await run(write("m.yaml", "name: fine\npolicy: ./cheap.yaml\nevents: []\n"), "--no-chart");
    expect(r.status).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toEqual([
      `credit-sim: warning: cheap.yaml:${at(text, "0.0002")}: penaltyRatePerDay: a penalty below the interest it replaces: a missed Huabei bill bears less a day, yuan for yuan, than one whose minimum is paid and the rest revolved: penaltyRatePerDay 0.0002, revolvingRatePerDay 0.0005 (revolvingRatePerDay of policy default); set penaltyRatePerDay to 0.0005 or more, or revolvingRatePerDay to 0.0002 or less`,
      `credit-sim: warning: cheap.yaml:${at(text, "0.0007")}: jiebeiRatePerDay: a penalty below the interest it replaces: a missed Jiebei instalment's principal bears less a day than the loan's principal not yet due: jiebeiPenaltyRatePerDay 0.0006, jiebeiRatePerDay 0.0007 (jiebeiPenaltyRatePerDay of policy default); set jiebeiPenaltyRatePerDay to 0.0007 or more, or jiebeiRatePerDay to 0.0006 or less`,
    ]);
    // a penalty equal to the interest (the default's Huabei rates) is no warning
    write("even.yaml", "name: even\nextends: default\njiebeiPenaltyRatePerDay: 0.0004\n");
    const even = await run(write("e.yaml", "name: fine\npolicy: ./even.yaml\nevents: []\n"), "--no-chart");
    expect(even.stderr).toBe("");
    expect(even.status).toBe(0);
  });

  it("a policy event's set whose penalty falls below the interest runs, with the warning where the set writes it", async () => {
    const text = [
      "name: set cheap",
      "events:",
      "  - { day: 10, type: policy, set: { penaltyRatePerDay: 0.0001 } }",
      "  - { day: 20, type: policy, set: { penaltyRatePerDay: 0.0005 } }",
      "",
    ].join("\n");
    const r = await run(write("s.yaml", text), "--no-chart");
    expect(r.status).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([
      `credit-sim: warning: s.yaml:${at(text, "0.0001")}: events[0].set.penaltyRatePerDay: a penalty below the interest it replaces: a missed Huabei bill bears less a day, yuan for yuan, than one whose minimum is paid and the rest revolved: penaltyRatePerDay 0.0001, revolvingRatePerDay 0.0005 (revolvingRatePerDay of policy default); set penaltyRatePerDay to 0.0005 or more, or revolvingRatePerDay to 0.0001 or less`,
    ]);
  });

  it("a policy event with neither use nor set", async () => {
    const text = scenarioWith("  - { day: 3, type: policy }\n");
    expectBadInput(await run(write("pe.yaml", text)), {
      file: "pe.yaml",
      pos: at(text, "{ day: 3"),
      field: "events[0]",
      message: "a policy event needs `use` or `set`",
      hint: /use: tightened/,
    });
  });

  it("a misspelt field of a limit band, in a `set` and in a policy file: the band's fields, not the policy's", async () => {
    const text = scenarioWith(
      "  - { day: 3, type: policy, set: { limitBands: [{ score: 620, maxLimit: 2000 }] } }\n",
    );
    expectBadInput(await run(write("band.yaml", text)), {
      file: "band.yaml",
      pos: at(text, "score"),
      field: "events[0].set.limitBands[0].score",
      message: 'unknown field "score"',
      expected: "one of minScore, maxLimit",
      hint: 'did you mean "minScore"?',
    });
    const policy = "name: mine\nextends: default\njiebeiLimitBands: [{ minScore: 660, maxLimt: 5000 }]\n";
    write("bands.yaml", policy);
    expectBadInput(await run(write("m.yaml", "name: bad\npolicy: ./bands.yaml\nevents: []\n")), {
      file: "bands.yaml",
      pos: at(policy, "maxLimt"),
      field: "jiebeiLimitBands[0].maxLimt",
      message: 'unknown field "maxLimt"',
      expected: "one of minScore, maxLimit",
      hint: 'did you mean "maxLimit"?',
    });
  });

  it("a misspelt bound of an expectation's range: min or max, not the expectation's fields", async () => {
    const text = scenarioWith("  - { day: 0, type: note, text: x }\n", "").concat(
      "expect:\n  - { day: 0, score: { mn: 600 } }\n",
    );
    expectBadInput(await run(write("range.yaml", text)), {
      file: "range.yaml",
      pos: at(text, "mn"),
      field: "expect[0].score.mn",
      message: 'unknown field "mn"',
      expected: "one of min, max",
      hint: 'did you mean "min"?',
    });
  });

  it.each([
    ["score: 800-900", "score", "write { min: 800, max: 900 }"],
    ["score: 700 - 750", "score", "write { min: 700, max: 750 }"],
    ["balance: 0..100.5", "balance", "write { min: 0, max: 100.5 }"],
    ["score: 700~750", "score", "write { min: 700, max: 750 }"],
    ["score: 900-800", "score", "write { min: 800, max: 900 }"],
  ])(
    "an expectation's range written as text (%s) is told the {min, max} to write",
    async (value, field, hint) => {
      const text = scenarioWith("  - { day: 0, type: note, text: x }\n", "").concat(
        `expect:\n  - { day: 0, ${value} }\n`,
      );
      expectBadInput(await run(write("range-text.yaml", text)), {
        file: "range-text.yaml",
        field: `expect[0].${field}`,
        message: "invalid value",
        expected: "a number or {min, max}",
        hint,
      });
    },
  );

  it.each([
    ["score: { min: 1.5, max: 900 }", "score.min", "a whole number", "1.5", undefined],
    // read as text (YAML keeps a number past 2^53 so, not rounded): the digits it has too many of
    [
      "score: { min: 700, max: 9007199254740993 }",
      "score.max",
      "a number",
      '"9007199254740993"',
      /15 significant digits/,
    ],
  ] as const)(
    "an expectation's {min, max} with a bound refused (%s) is told the bound and why",
    async (value, field, expected, found, hint) => {
      // it was 'invalid value', expected 'a number or {min, max}', found 'an object': a {min, max} it was
      const text = scenarioWith("  - { day: 0, type: note, text: x }\n", "").concat(
        `expect:\n  - { day: 0, ${value} }\n`,
      );
      expectBadInput(await run(write("range-bound.yaml", text)), {
        file: "range-bound.yaml",
        field: `expect[0].${field}`,
        message: "wrong type",
        expected,
        found,
        ...(hint === undefined ? {} : { hint }),
      });
    },
  );

  it("every problem of an expectation's {min, max} at once, each at its own field and line", async () => {
    // it was one problem, 'invalid value' of the whole score, found 'an object', when a field was unknown
    const text = scenarioWith("  - { day: 0, type: note, text: x }\n", "").concat(
      'expect:\n  - { day: 0, score: { min: "x", max: 9999, foo: 1 } }\n',
    );
    const r = await run(write("range-all.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("credit-sim: "))).toEqual([
      `credit-sim: range-all.yaml:${at(text, '"x"')}: expect[0].score.min: wrong type`,
      `credit-sim: range-all.yaml:${at(text, "9999")}: expect[0].score.max: value out of range`,
      `credit-sim: range-all.yaml:${at(text, "foo")}: expect[0].score.foo: unknown field "foo"`,
      "credit-sim: range-all.yaml: 3 problems",
    ]);
    expect(r.stderr).not.toMatch(/a number or \{min, max\}|found: +an object/);
  });

  it("a policy event with an empty set", async () => {
    const text = scenarioWith("  - { day: 3, type: policy, set: {} }\n");
    expectBadInput(await run(write("pe.yaml", text)), {
      file: "pe.yaml",
      field: "events[0]",
      message: "a policy event needs `use` or `set`",
    });
  });

  it("an unknown `set` parameter", async () => {
    const text = scenarioWith("  - { day: 3, type: policy, set: { minScor: 600 } }\n");
    expectBadInput(await run(write("set.yaml", text)), {
      file: "set.yaml",
      pos: at(text, "minScor"),
      field: "events[0].set.minScor",
      message: 'unknown field "minScor"',
      expected: /minScore/,
      hint: 'did you mean "minScore"?',
    });
  });

  it("a `set` value out of range", async () => {
    const text = scenarioWith("  - { day: 3, type: policy, set: { graceDays: -1 } }\n");
    expectBadInput(await run(write("set.yaml", text)), {
      file: "set.yaml",
      pos: at(text, "-1"),
      field: "events[0].set.graceDays",
      message: "value out of range",
      expected: "at least 0",
    });
  });

  it("a grace long enough to reach a second statement", async () => {
    const text = scenarioWith("  - { day: 3, type: policy, set: { graceDays: 28 } }\n");
    expectBadInput(await run(write("grace.yaml", text)), {
      file: "grace.yaml",
      pos: at(text, "28"),
      field: "events[0].set.graceDays",
      message: "value out of range",
      expected: "at most 27",
    });
  });
});

describe("days and dates", () => {
  it("an event dated before the start", async () => {
    const text = scenarioWith("  - { date: 2024-01-31, type: note, text: x }\n", "start: 2024-02-01\n");
    expectBadInput(await run(write("before.yaml", text)), {
      file: "before.yaml",
      pos: at(text, "2024-01-31"),
      field: "events[0].date",
      message: "the event is before the scenario starts",
      expected: "on or after start 2024-02-01",
      found: "2024-01-31 (day -1)",
    });
  });

  it("a negative day", async () => {
    const text = scenarioWith("  - { day: -1, type: note, text: x }\n");
    expectBadInput(await run(write("neg.yaml", text)), {
      file: "neg.yaml",
      pos: at(text, "-1"),
      field: "events[0].day",
      message: "value out of range",
      expected: "at least 0",
      found: "-1",
      hint: /start/,
    });
  });

  it("a fractional day", async () => {
    const text = scenarioWith("  - { day: 1.5, type: note, text: x }\n");
    expectBadInput(await run(write("frac.yaml", text)), {
      file: "frac.yaml",
      pos: at(text, "1.5"),
      field: "events[0].day",
      message: "wrong type",
      expected: "a whole number",
    });
  });

  it("both day and date", async () => {
    const text = scenarioWith("  - { day: 0, date: 2024-01-01, type: note, text: x }\n");
    expectBadInput(await run(write("both.yaml", text)), {
      file: "both.yaml",
      pos: at(text, "{ day"),
      field: "events[0]",
      message: "the event gives both day and date",
      hint: "keep one of them",
    });
  });

  it("neither day nor date", async () => {
    const text = scenarioWith("  - { type: note, text: x }\n");
    expectBadInput(await run(write("none.yaml", text)), {
      file: "none.yaml",
      field: "events[0]",
      message: "the event has no day",
      expected: "day: N or date: YYYY-MM-DD",
    });
  });

  it("an impossible event date (2024-02-30)", async () => {
    const text = scenarioWith("  - { date: 2024-02-30, type: note, text: x }\n");
    expectBadInput(await run(write("date.yaml", text)), {
      file: "date.yaml",
      pos: at(text, "2024-02-30"),
      field: "events[0].date",
      message: "not a calendar date",
      expected: "YYYY-MM-DD",
      found: "2024-02-30",
    });
  });

  it("an impossible start date", async () => {
    const text = "name: bad\nstart: 2023-02-29\nevents: []\n";
    expectBadInput(await run(write("start.yaml", text)), {
      file: "start.yaml",
      pos: at(text, "2023-02-29"),
      field: "start",
      message: "not a calendar date",
      found: "2023-02-29",
    });
  });

  it("a malformed date", async () => {
    const text = "name: bad\nstart: 2024-1-5\nevents: []\n";
    expectBadInput(await run(write("fmt.yaml", text)), {
      file: "fmt.yaml",
      pos: at(text, "2024-1-5"),
      field: "start",
      message: "invalid value",
      expected: /YYYY-MM-DD/,
      found: '"2024-1-5"',
    });
  });

  it("`until` beyond the maximum", async () => {
    const text = "name: bad\nuntil: 99999999\nevents: []\n";
    expectBadInput(await run(write("until.yaml", text)), {
      file: "until.yaml",
      pos: at(text, "99999999"),
      field: "until",
      message: "value out of range",
      expected: "at most 36500",
      found: "99999999",
    });
  });

  it("an event day beyond the maximum", async () => {
    const text = scenarioWith("  - { day: 40000, type: note, text: x }\n");
    expectBadInput(await run(write("far.yaml", text)), {
      file: "far.yaml",
      pos: at(text, "40000"),
      field: "events[0].day",
      message: "value out of range",
      expected: "at most 36500",
    });
  });

  it("a whole number far past its field's bounds is told the field's own bound, not the largest whole number", async () => {
    // zod's whole numbers check ±(2^53 − 1) besides the field's own range: past both, only the field's
    const text = scenarioWith(
      "  - { day: 1e300, type: note, text: x }\n",
      "until: 1e300\nprofile: { age: -1e20, creditHistoryMonths: 1e20 }\n",
    );
    const r = await run(write("huge.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain("9007199254740991");
    const said = (field: string) =>
      r.stderr.split("\ncredit-sim: ").filter((m) => m.includes(`: ${field}: value out of range`));
    for (const [field, bound] of [
      ["until", "at most 36500"],
      ["profile.age", "at least 18"],
      ["profile.creditHistoryMonths", "at most 1200"],
      ["events[0].day", "at most 36500"],
    ]) {
      expect(said(field!), field).toHaveLength(1);
      expect(said(field!)[0]).toContain(`expected: ${bound}`);
    }
  });

  it.each([["-5"], ["99999999"]])("--until %s", async (value) => {
    const file = write("ok.yaml", "name: ok\nevents: []\n");
    expectBadInput(await run(file, "--until", value), {
      file: "",
      field: "--until",
      message: /^-?\d+ is too (small|large)$/,
      expected: /0 to 36500/,
      found: value,
    });
  });

  it("an expectation after the last simulated day", async () => {
    const text = "name: bad\nuntil: 10\nevents: []\nexpect:\n  - { day: 20, status: none }\n";
    expectBadInput(await run(write("late.yaml", text)), {
      file: "late.yaml",
      pos: at(text, "{ day: 20"),
      field: "expect[0]",
      message: "the expectation is after the last simulated day",
      found: "day 20",
      hint: /until/,
    });
  });
});

describe("names and keys", () => {
  it("duplicate scenario names across two files", async () => {
    const a = write("a.yaml", "name: Same\nevents: []\n");
    const b = write("b.yaml", "# another\nname: Same\nevents: []\n");
    expectBadInput(await run(a, b), {
      file: "b.yaml",
      field: "name",
      message: 'duplicate scenario name "Same"',
      found: /a\.yaml/,
      hint: /unique/,
    });
  });

  it("one file named twice, by any path, runs once: it is no duplicate of itself", async () => {
    const a = write("once.yaml", "name: Once\nevents: []\n");
    const r = await run(a, a.replace(/once\.yaml$/, "./once.yaml"), a);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^Once$/gm)).toHaveLength(1);
  });

  it("duplicate keys in one file", async () => {
    const text = "name: one\nevents: []\nname: two\n";
    expectBadInput(await run(write("dup.yaml", text)), {
      file: "dup.yaml",
      pos: at(text, "name", 2),
      field: "name",
      message: 'duplicate key "name"',
      hint: /once/,
    });
  });

  it("duplicate keys inside an event", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amount: 5, amount: 6 }\n");
    expectBadInput(await run(write("dup.yaml", text)), {
      file: "dup.yaml",
      pos: at(text, "amount", 2),
      field: "events[0].amount",
      message: 'duplicate key "amount"',
    });
  });

  it.each([["__proto__"], ["constructor"], ["prototype"]])("a `%s` key at the top", async (key) => {
    const text = `name: bad\nevents: []\n${key}: { polluted: true }\n`;
    expectBadInput(await run(write("proto.yaml", text)), {
      file: "proto.yaml",
      pos: at(text, key),
      field: key,
      message: `forbidden key "${key}"`,
      hint: /remove it/,
    });
  });

  it("a `__proto__` key inside an event, in JSON", async () => {
    const text =
      '{"name": "bad", "events": [{"day": 0, "type": "note", "text": "x", "__proto__": {"a": 1}}]}';
    expectBadInput(await run(write("proto.json", text)), {
      file: "proto.json",
      pos: at(text, '"__proto__"'),
      field: "events[0].__proto__",
      message: 'forbidden key "__proto__"',
    });
  });

  it("every forbidden key is reported at once, wherever it is", async () => {
    const text =
      "name: bad\nevents:\n  - { day: 0, type: note, text: x, __proto__: 1 }\n  - { day: 1, type: note, text: y, constructor: 2 }\nexpect:\n  - { day: 1, prototype: 3 }\n";
    const r = await run(write("keys.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('keys.yaml:3:36: events[0].__proto__: forbidden key "__proto__"');
    expect(r.stderr).toContain('events[1].constructor: forbidden key "constructor"');
    expect(r.stderr).toContain('expect[0].prototype: forbidden key "prototype"');
    // the keys are taken out, and what is left is validated: the expectation checks nothing without it
    expect(r.stderr).toContain("expect[0]: the expectation checks nothing");
    expect(r.stderr).toContain("keys.yaml: 4 problems");
  });

  it("a repayment of nothing is told what a repayment may be; an unknown tag is named as such", async () => {
    const zero = scenarioWith("  - { day: 0, type: repay, amount: 0 }\n");
    expectBadInput(await run(write("zero.yaml", zero)), {
      file: "zero.yaml",
      pos: at(zero, "0 }"),
      field: "events[0].amount",
      message: "value out of range",
      hint: "a repayment is a positive amount of yuan, or full, statement or minimum",
    });
    const tagged = "name: !foo x\nevents: []\n";
    expectBadInput(await run(write("tag.yaml", tagged)), {
      file: "tag.yaml",
      pos: "1:7",
      message: "cannot parse: an unknown tag (a `!word` before a value)",
    });
  });

  it.each([
    ["a plain value", 'name: x\ndescription: !!js/function "function () {}"\nevents: []\n', "!!js/function"],
    ["a block mapping", "name: x\nevents: []\nprofile: !custom\n  age: 30\n  verified: true\n", "!custom"],
    ["a flow mapping", 'name: x\nevents: [{ day: 0, type: note, text: it\'s, x: !foo "!foo" }]\n', "!foo"],
    ["a verbatim tag", "name: x\nevents: []\nseed: !<tag:example.com,2024:n> 1\n", "!<tag:"],
    ["YAML's own type", "name: x\nevents: []\nprofile: !!set\n  ? a\n", "!!set"],
  ])(
    "a tag the file may not hold is placed at the tag, not at the end of its value: %s",
    async (_what, text, tag) => {
      // it was the value's end: the line's last column, or the line after a block value
      const r = await run(write("tagged.yaml", text));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^credit-sim: tagged\\.yaml:${at(text, tag)}: cannot parse: `));
    },
  );

  it("a key YAML reads as null is said as that, not as a field named null; YAML's own types are named", async () => {
    // `~: x` was 'unknown field "null"' (a field nobody wrote), `!!binary` 'an unknown tag'
    for (const [name, text, field] of [
      ["tilde.yaml", "name: n\n~: x\nevents: []\n", "(key)"],
      ["word.yaml", "name: n\nnull: x\nevents: []\n", "(key)"],
      [
        "inner.yaml",
        scenarioWith("  - { day: 0, type: apply, product: open, amount: 5000, ~: 3 }\n"),
        "events[0].(key)",
      ],
    ] as const) {
      expectBadInput(await run(write(name, text)), {
        file: name,
        pos: name === "inner.yaml" ? at(text, "~: 3") : "2:1",
        field,
        message: "a key YAML reads as null (`~` or `null`): a field needs a name",
        hint: 'write the field\'s name before the colon (quoted, "null", if you meant the word)',
      });
    }
    // a key written "null", in quotes, is a field of that name
    const quoted = 'name: n\n"null": x\nevents: []\n';
    expectBadInput(await run(write("quoted.yaml", quoted)), {
      file: "quoted.yaml",
      field: "null",
      message: 'unknown field "null"',
    });
    for (const [tag, value, message, hint] of [
      ["binary", "aGVsbG8=", "!!binary is bytes (base64)", "write the value as plain text"],
      [
        "timestamp",
        "2024-01-01",
        "!!timestamp is a date and time",
        "write a day number or a date as plain text (2024-01-01)",
      ],
      [
        "set",
        "{ a: null }",
        "!!set is a collection of YAML's own",
        "write a plain list [ … ] or mapping { … }",
      ],
    ] as const) {
      const text = `name: !!${tag} ${value}\nevents: []\n`;
      expectBadInput(await run(write(`${tag}.yaml`, text)), {
        file: `${tag}.yaml`,
        message: `cannot parse: ${message}, a YAML type scenario files do not use`,
        hint: `remove the !!${tag} tag and ${hint}`,
      });
    }
  });

  it("a key that is a list", async () => {
    const text = "name: bad\nevents: []\n? [a, b]\n: 1\n";
    expectBadInput(await run(write("key.yaml", text)), {
      file: "key.yaml",
      pos: at(text, "[a, b]"),
      message: /key must be a plain word/,
    });
  });

  it("forbidden and duplicate keys are reported with the file's other problems, up to the cap", async () => {
    const proto =
      "name: z\n__proto__: { polluted: true }\nevents:\n  - { day: 0, type: purchse, amount: -5 }\n";
    const r = await run(write("proto-and-more.yaml", proto));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('proto-and-more.yaml:2:1: __proto__: forbidden key "__proto__"');
    expect(r.stderr).toContain("events[0].type: unknown event type");
    expect(r.stderr).toContain("events[0].amount: value out of range");
    expect(r.stderr).toContain("proto-and-more.yaml: 3 problems");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const dup =
      "name: z\nname: y\nevents:\n  - {day: 0, type: note, text: a, text: b}\n  - {day: 1, type: note, text: a, text: b}\n  - {day: -1, type: note, text: c}\n";
    const d = await run(write("dup-and-more.yaml", dup));
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('dup-and-more.yaml:2:1: name: duplicate key "name"');
    expect(d.stderr).toContain('dup-and-more.yaml:4:35: events[0].text: duplicate key "text"');
    expect(d.stderr).toContain('dup-and-more.yaml:5:35: events[1].text: duplicate key "text"');
    expect(d.stderr).toMatch(/dup-and-more\.yaml:6:\d+: events\[2\]\.day: /);
    expect(d.stderr).toContain("dup-and-more.yaml: 4 problems");

    // many of them: the first are listed, and it says there are more
    const many = `name: z\nevents: []\nprofile:\n${"  k: 1\n".repeat(5000)}`;
    const m = await run(write("many-dups.yaml", many));
    expect(m.status).toBe(2);
    expect(m.stderr).toContain("many-dups.yaml: 20 problems shown, and more");
  });

  it("a duplicate key and a syntax error below it are both said, each at its line", async () => {
    const text =
      "name: z\nname: y\nevents:\n  - {day: 0, type: note, text: a, text: b}\n  - { day: 1, type: note, text: c\n  - day: 2\n    type: note\n";
    const r = await run(write("dup-then-syntax.yaml", text));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain('dup-then-syntax.yaml:2:1: name: duplicate key "name"');
    expect(r.stderr).toContain(
      `dup-then-syntax.yaml:${at(text, "text", 2)}: events[0].text: duplicate key "text"`,
    );
    expect(r.stderr).toMatch(/dup-then-syntax\.yaml:[5-7]:\d+: cannot parse: /);
    expect(r.stderr).toContain("dup-then-syntax.yaml: 4 problems");
  });

  it("a key that is a one-item list or a mapping, which YAML would read as a plain key", async () => {
    // `[events]: [...]` reads as `events` in js-yaml: refused, not run
    const one = "name: bad\n[events]: [{ day: 0, type: apply, product: open, amount: 5000 }]\n";
    const r1 = await run(write("key1.yaml", one));
    expect(r1.status).toBe(2);
    // taken out of the data, the key leaves the scenario without events: both are said
    expect(r1.stderr).toContain(`key1.yaml:${at(one, "[events]")}: (key): a key must be a plain word`);
    expect(r1.stderr).toContain("events: missing required field");
    // an alias standing for a list or a mapping is such a key too
    const alias = "name: bad\nx: &k [events]\n*k : []\n";
    const r = await run(write("key3.yaml", alias));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/key3\.yaml:3:1: \(key\): a key must be a plain word/);
    const map = "name: bad\nevents: []\n{a: 1}: 2\n";
    expectBadInput(await run(write("key2.yaml", map)), {
      file: "key2.yaml",
      field: "(key)",
      message: /plain word/,
    });
  });

  it("a misspelt event type", async () => {
    const text = scenarioWith("  - { day: 0, type: purchse, amount: 5 }\n");
    expectBadInput(await run(write("type.yaml", text)), {
      file: "type.yaml",
      pos: at(text, "purchse"),
      field: "events[0].type",
      message: "unknown event type",
      expected: /one of apply, purchase, borrow, repay/,
      found: '"purchse"',
      hint: 'did you mean "purchase"?',
    });
  });

  it("an event without a type", async () => {
    const text = scenarioWith("  - { day: 0, amount: 5 }\n");
    expectBadInput(await run(write("notype.yaml", text)), {
      file: "notype.yaml",
      field: "events[0].type",
      message: "event without a type",
      expected: /one of apply/,
    });
  });

  it("a misspelt event field", async () => {
    const text = scenarioWith("  - { day: 0, type: purchase, amout: 5 }\n");
    expectBadInput(await run(write("field.yaml", text)), {
      file: "field.yaml",
      pos: at(text, "amout"),
      field: "events[0].amout",
      message: /unknown field "amout"/,
      expected: /amount/,
      hint: 'did you mean "amount"?',
    });
  });

  it("a misspelt top-level field", async () => {
    const text = "name: bad\nevnets: []\n";
    expectBadInput(await run(write("top.yaml", text)), {
      file: "top.yaml",
      pos: at(text, "evnets"),
      field: "evnets",
      message: /unknown field "evnets"/,
      hint: 'did you mean "events"?',
    });
  });

  it("a misspelt profile field", async () => {
    const text = "name: bad\nprofile: { monthlyIncom: 9000 }\nevents: []\n";
    expectBadInput(await run(write("prof.yaml", text)), {
      file: "prof.yaml",
      pos: at(text, "monthlyIncom"),
      field: "profile.monthlyIncom",
      message: /unknown field/,
      hint: 'did you mean "monthlyIncome"?',
    });
  });

  it("a missing name", async () => {
    const text = "description: nameless\nevents: []\n";
    expectBadInput(await run(write("noname.yaml", text)), {
      file: "noname.yaml",
      pos: "1:1",
      field: "name",
      message: "missing required field",
      expected: "a string",
      found: /missing/,
    });
  });

  it("a missing required event field", async () => {
    const text = scenarioWith("  - { day: 0, type: apply, amount: 5000 }\n");
    expectBadInput(await run(write("noproduct.yaml", text)), {
      file: "noproduct.yaml",
      pos: at(text, "{ day"),
      field: "events[0].product",
      message: "missing required field",
      expected: "one of open, increase",
    });
  });

  it("events that are not a list", async () => {
    const text = "name: bad\nevents: purchase\n";
    expectBadInput(await run(write("evs.yaml", text)), {
      file: "evs.yaml",
      pos: at(text, "purchase"),
      field: "events",
      message: "wrong type",
      expected: "a list",
      found: '"purchase"',
    });
  });

  it("an event that is not a mapping", async () => {
    const text = scenarioWith("  - purchase\n");
    expectBadInput(await run(write("ev.yaml", text)), {
      file: "ev.yaml",
      pos: at(text, "purchase"),
      field: "events[0]",
      message: "wrong type",
      expected: /a mapping/,
    });
  });

  it("an expectation with an unknown reason code, with did-you-mean", async () => {
    const text = "name: bad\nevents: []\nexpect:\n  - { day: 0, reasons: [OVERDUE_RECNT] }\n";
    expectBadInput(await run(write("reason.yaml", text)), {
      file: "reason.yaml",
      pos: at(text, "OVERDUE_RECNT"),
      field: "expect[0].reasons[0]",
      message: "unknown reason code",
      expected: /credit-sim reasons/,
      found: '"OVERDUE_RECNT"',
      hint: 'did you mean "OVERDUE_RECENT"?',
    });
  });

  it("an expectation with an unknown status", async () => {
    const text = "name: bad\nevents: []\nexpect:\n  - { day: 0, status: suspnded }\n";
    expectBadInput(await run(write("status.yaml", text)), {
      file: "status.yaml",
      pos: at(text, "suspnded"),
      field: "expect[0].status",
      message: "invalid value",
      hint: 'did you mean "suspended"?',
    });
  });
});

describe("files", () => {
  it("a missing file", async () => {
    expectBadInput(await run("nowhere.yaml"), {
      file: "nowhere.yaml",
      message: "scenario file not found",
      hint: /path/,
    });
  });

  it("a directory given as a file", async () => {
    mkdirSync(join(dir, "folder.yaml"));
    expectBadInput(await run("folder.yaml"), {
      file: "folder.yaml",
      message: "is a directory, not a scenario file",
    });
  });

  it.runIf(process.platform !== "win32")("a device given as a file", async () => {
    expectBadInput(await run("/dev/zero"), { file: "/dev/zero", message: /is a device/ });
  });

  it("an empty file", async () => {
    expectBadInput(await run(write("empty.yaml", "")), { file: "empty.yaml", message: "the file is empty" });
  });

  it("a whitespace-only file", async () => {
    expectBadInput(await run(write("blank.yaml", "  \n\n\t\n   ")), {
      file: "blank.yaml",
      message: "the file is empty",
    });
  });

  it("a file with only comments", async () => {
    expectBadInput(await run(write("comments.yaml", "# nothing here\n# at all\n")), {
      file: "comments.yaml",
      message: "the file is empty",
    });
  });

  it("a file that is not UTF-8", async () => {
    expectBadInput(await run(write("latin1.yaml", Buffer.from("name: caf\xe9\nevents: []\n", "latin1"))), {
      file: "latin1.yaml",
      message: "the file is not UTF-8 text",
      hint: /UTF-8/,
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name: a\nevents: []\n", "utf16le")]);
    expectBadInput(await run(write("utf16.yaml", utf16)), {
      file: "utf16.yaml",
      message: /not UTF-8/,
      found: "UTF-16 text",
    });
  });

  it.each([
    ["UTF-16LE without a mark", Buffer.from("name: a\nevents: []\n", "utf16le"), "UTF-16 text"],
    ["UTF-16BE without a mark", Buffer.from("name: a\nevents: []\n", "utf16le").swap16(), "UTF-16 text"],
    [
      "UTF-32LE with its mark",
      Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from("n\0\0\0a\0\0\0", "latin1")]),
      "UTF-32 text",
    ],
    ["UTF-32BE without a mark", Buffer.from("\0\0\0n\0\0\0a\0\0\0m\0\0\0e", "latin1"), "UTF-32 text"],
    // a letter outside ASCII among the first eight broke the zero bytes' pattern: "holds control characters"
    [
      "UTF-16LE beginning in Chinese",
      Buffer.from("# 张明的故事\nname: a\nevents: []\n", "utf16le"),
      "UTF-16 text",
    ],
    ["UTF-16LE with a name in Chinese", Buffer.from("name: 张明\nevents: []\n", "utf16le"), "UTF-16 text"],
    [
      "UTF-16BE beginning in Chinese",
      Buffer.from("name: 张明\nevents: []\n", "utf16le").swap16(),
      "UTF-16 text",
    ],
  ])(
    "%s is told as such, not as a file of control characters (YAML's own detection)",
    async (_, bytes, found) => {
      // ASCII in UTF-16 decodes as UTF-8 with a NUL after each letter: it was told "holds control characters"
      expectBadInput(await run(write("wide.yaml", bytes)), {
        file: "wide.yaml",
        message: "the file is not UTF-8 text",
        found,
        hint: /save it as UTF-8/,
      });
    },
  );

  it("a UTF-8 file holding a NUL is not told it is UTF-16 text", async () => {
    const r = await run(write("nul.yaml", "name: a\nevents: []\n# a comment\0 and more text after it\n"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nul.yaml:3:12: cannot parse: a control character \(\\x00\)/);
    expect(r.stderr).not.toMatch(/UTF-16/);
  });

  it("a picture or a video that begins with zero bytes is not told it is UTF-16 or UTF-32 text", async () => {
    // an icon (00 00 01 00) and an MP4 (00 00 00 18 ftyp) begin with zeros, not in ASCII's pattern
    for (const bytes of [
      Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0x68, 4]),
      Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0, 0, 0, 0]),
    ]) {
      const r = await run(write("picture.yaml", bytes));
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/UTF-(16|32) text/);
    }
  });

  it("a UTF-8 byte-order mark is fine", async () => {
    const r = await run(write("bom.yaml", "\uFEFFname: bom\nevents: []\n"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("a list at the top", async () => {
    expectBadInput(await run(write("list.yaml", "- name: a\n- name: b\n")), {
      file: "list.yaml",
      pos: "1:1",
      message: "the file must hold a mapping (key: value pairs) at the top",
      found: "a list of 2",
    });
  });

  it("a scalar at the top, described without quoting it", async () => {
    expectBadInput(await run(write("scalar.yaml", "just some words\n")), {
      file: "scalar.yaml",
      pos: "1:1",
      message: /must hold a mapping/,
      found: "a line of text",
    });
  });

  it("invalid YAML syntax", async () => {
    const text = "name: bad\nevents: [\n  { day: 0, type: note\n";
    const r = await run(write("syntax.yaml", text));
    expectBadInput(r, {
      file: "syntax.yaml",
      pos: /* somewhere in the file */ undefined,
      message: /^cannot parse/,
    });
    expect(r.stderr).toMatch(/^credit-sim: syntax\.yaml:\d+:\d+: cannot parse/);
  });

  describe("several syntax errors", () => {
    /** Each "credit-sim: FILE:L:C: message" line of stderr, as "L:C message". */
    const said = (stderr: string) =>
      [...stderr.matchAll(/^credit-sim: [^:\n]+\.yaml:(\d+:\d+): (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);

    it("each is said, one message each, where it is and with its fix (the parser reads on past each)", async () => {
      const text = [
        "name: bad",
        "events:",
        "  - day: 2",
        "     type: note", // a key out of line
        "  - { day: 3, type: repay amount: 1 }", // ": " inside braces
        "\tdescription: x", // a tab
        "policy: @mine", // a reserved character
        "tags: [a, b", // never closed
        "profile: {}",
        "",
      ].join("\n");
      const r = await run(write("several.yaml", text));
      expect(r.status).toBe(2);
      expect(said(r.stderr)).toEqual([
        "4:10 cannot parse: bad indentation of a mapping entry",
        `${at(text, "repay amount")} cannot parse: a value holding ": " unquoted, inside { … } or [ … ]`,
        `${at(text, "\t")} cannot parse: tabs are not allowed as indentation`,
        `${at(text, "@")} cannot parse: a value starting with a character YAML reserves (@ or \`)`,
        `${at(text, "profile")} cannot parse: a { or [ never closed`,
      ]);
      expect(r.stderr).toContain("(line 8 leaves one open)");
      expect(r.stderr).toContain("several.yaml: 5 problems");
      expect(r.stderr).not.toMatch(/^\s+at |YAMLParseError|Error:/m);
    });

    it("nothing is said past what the parser cannot place: a token it did not expect, a cut it made", async () => {
      // after the stray ], a second one is no error of its own line's to say
      const stray = "name: bad\nevents: []\nfoo: a: b\nbar: ]\nbaz: }\nqux: c: d\n";
      const r = await run(write("stray.yaml", stray));
      expect(said(r.stderr)).toEqual([
        "3:7 cannot parse: bad indentation of a mapping entry",
        "4:6 cannot parse: unexpected flow seq end",
      ]);
      // a later mistake more than 256 KB into the file is not read for (the first is said alone)
      const long = `name: bad\nfoo: a: b\nevents:\n${"  - { day: 1, type: note, text: x }\n".repeat(10_000)}bar: c: d\n`;
      const l = await run(write("long.yaml", long));
      expect(said(l.stderr)).toEqual(["2:7 cannot parse: bad indentation of a mapping entry"]);
    });
  });

  it.each([
    [
      "a value holding ': ', unquoted",
      "name: bad\ndescription: a student: small\nevents: []\n",
      "2:23",
      /bad indentation/,
      /same column.*quoted/,
    ],
    ["a key out of line", "name: bad\n  events: []\n", "2:9", /bad indentation/, /same column/],
    [
      "a comma missing in braces",
      "name: bad\nevents:\n  - { day: 1, type: note text: hi }\n",
      "3:30",
      /comma missing/,
      /comma/,
    ],
    [
      "a brace never closed",
      "name: bad\nevents:\n  - { day: 1, type: note, text: hi\n",
      "4:1",
      /never closed/,
      /close each/,
    ],
    [
      "a note's text holding ': ', unquoted in braces (not a comma missing)",
      "name: bad\nevents:\n  - { day: 1, type: note, text: called: no answer }\n",
      "3:39",
      /holding ": " unquoted, inside/,
      /quote it.*"a: b"/,
    ],
    [
      "a value of words holding ': ' in braces: the comma, or the quotes",
      "name: bad\nevents:\n  - { day: 1, type: note, text: called the bank: no answer }\n",
      "3:48",
      /comma missing/,
      /comma.*quoted/,
    ],
    [
      "a brace left open before the next item (not a comma missing)",
      "name: bad\nevents:\n  - { day: 1, type: note, text: hi\n  - { day: 2, type: note, text: ho }\n",
      "4:3",
      /never closed/,
      /close each \{ with \}.*line 3/,
    ],
    [
      "a list item indented deeper than the one before",
      "name: bad\nevents:\n  - { day: 1, type: note, text: hi }\n   - { day: 2, type: note, text: ho }\n",
      "4:4",
      /bad indentation of a list item/,
      /items of one list start their "-" in the same column: column 3, as on line 3/,
    ],
    [
      "a list item indented less than the one before",
      "name: bad\nevents:\n  - { day: 1, type: note, text: hi }\n - { day: 2, type: note, text: ho }\n",
      "4:2",
      /bad indentation of a list item/,
      /items of one list start their "-" in the same column: column 3, as on line 3/,
    ],
    [
      "a key of a list item's mapping indented less than the keys above it",
      "name: bad\nevents:\n  - day: 0\n    type: apply\n    product: open\n   amount: 5000\n",
      "6:4",
      /bad indentation of a key/,
      /keys of one mapping start in the same column: column 5, as on line 5/,
    ],
    [
      "a key indented less than its siblings, after a deeper mapping: the column nearest it",
      "name: bad\nevents:\n  - day: 0\n    type: policy\n    set:\n      minScore: 600\n   text: x\n",
      "7:4",
      /bad indentation of a key/,
      /same column: column 5, as on line 5/,
    ],
  ])("YAML syntax: %s, said with how to mend it", async (_, text, pos, message, hint) => {
    expectBadInput(await run(write("syntax.yaml", text)), { file: "syntax.yaml", pos, message, hint });
  });

  it("tabs as indentation", async () => {
    const text = "name: bad\nevents:\n\t- { day: 0, type: note, text: x }\n";
    expectBadInput(await run(write("tabs.yaml", text)), {
      file: "tabs.yaml",
      pos: "3:1",
      message: /tabs/,
      hint: /spaces/,
    });
  });

  it("more than one YAML document", async () => {
    const text = "name: a\nevents: []\n---\nname: b\nevents: []\n";
    expectBadInput(await run(write("multi.yaml", text)), {
      file: "multi.yaml",
      pos: at(text, "---"),
      message: /more than one YAML document/,
      hint: /one scenario per file/,
    });
  });

  it("valid JSON is accepted", async () => {
    const r = await run(
      write("ok.json", '{"name": "json", "events": [{"day": 0, "type": "note", "text": "hello"}]}'),
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("json");
  });

  it("valid JSON with a schema error gets line and column", async () => {
    const text =
      '{\n  "name": "json",\n  "events": [\n    {"day": 0, "type": "purchse", "amount": 5}\n  ]\n}\n';
    expectBadInput(await run(write("typo.json", text)), {
      file: "typo.json",
      pos: at(text, '"purchse"'),
      field: "events[0].type",
      message: "unknown event type",
      hint: 'did you mean "purchase"?',
    });
  });

  it("invalid JSON", async () => {
    const text = '{\n  "name": "json",\n  "events": [],\n}\n';
    expectBadInput(await run(write("bad.json", text)), {
      file: "bad.json",
      pos: at(text, "}", 1),
      message: /^cannot parse JSON/,
      hint: /trailing commas/,
    });
  });

  it("a file with carriage returns alone for line breaks is placed by line and column as an editor shows it", async () => {
    for (const eol of ["\r", "\r\n", "\n"]) {
      const text = ["name: t", "events:", "  - { day: 0, type: purchse, amount: 5 }", ""].join(eol);
      expectBadInput(await run(write("cr.yaml", text)), {
        file: "cr.yaml",
        pos: "3:21",
        field: "events[0].type",
        message: "unknown event type",
        hint: 'did you mean "purchase"?',
      });
    }
  });

  it("invalid JSON is placed by line and column whatever the line breaks", async () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["{", '  "name": "json",', '  "events": [],', "}", ""].join(eol).replace("[],", "[],,");
      const r = await run(write("eol.json", text));
      expectBadInput(r, { file: "eol.json", pos: "3:16", message: /^cannot parse JSON/ });
    }
  });

  it("invalid JSON whose parser names no position (an unexpected token) is placed by line and column too", async () => {
    // V8 says "Unexpected token ',', "…" is not valid JSON" with no position for these: the message
    // named the file alone, however long it was
    const cases: [string, string][] = [
      ['{\n  "name": "json",\n  "events": [1,,2]\n}\n', ",2]"],
      ['{\n  "name": "json",\n  "events": [\n    {"day": 0, "type": purchase}\n  ]\n}\n', "purchase}"],
      ['{\n  "name": \'json\',\n  "events": []\n}\n', "'json'"],
      ['{\n  "name": "json",\n  "events": [],\n  "until": -x\n}\n', "x\n"],
      ['{\n  "name": "json",\n  "events": [],\n  "until": tru\n}\n', "\n}"],
      ['{\n  "name": "json",\n  "events": [01]\n}\n', "1]"],
    ];
    for (const [text, needle] of cases) {
      const r = await run(write("token.json", text));
      expectBadInput(r, { file: "token.json", pos: at(text, needle), message: /^cannot parse JSON/ });
    }
  });

  it("invalid JSON is said in JSON.parse's own words, less any excerpt of the file", () => {
    const said = (text: string) => {
      try {
        JSON.parse(text);
      } catch (e) {
        return jsonReason((e as Error).message);
      }
      throw new Error("parsed");
    };
    expect(said('{"a": 1 "b": 2}')).toMatch(/^expected ',' or '}' after property value/);
    expect(said("[1, 2 3]")).toMatch(/^expected ',' or ']' after array element/);
    expect(said('{"a": 1,}')).toMatch(/^expected double-quoted property name/);
    expect(said('"abc')).toMatch(/^unterminated string/);
    expect(said('{"a": x}')).toBe("unexpected token");
  });

  it("invalid JSON is never quoted, however far into the file the mistake is", async () => {
    const secret = `{"aws_secret_access_key": wJalrXUtnFEMI/K7MDENG, "pad": "${"x".repeat(40)}"}`;
    const r = await run(write("creds.json", secret));
    expectBadInput(r, { file: "creds.json", message: /^cannot parse JSON/ });
    expect(r.stderr).not.toMatch(/wJalr|ess_key|aws_/);
    for (const text of [secret, '{"token": ghp_abcdefSECRET}', '{"a": 1,}', "[1,2", '{"a":1} x', '"abc'])
      try {
        JSON.parse(text);
      } catch (e) {
        const words = jsonReason((e as Error).message);
        expect(words).not.toMatch(/ghp|wJalr|token"|abc|"/);
        expect(words.length).toBeGreaterThan(0);
      }
  });

  it("truncated JSON", async () => {
    expectBadInput(await run(write("cut.json", '{"name": "json", "events": [')), {
      file: "cut.json",
      message: /^cannot parse JSON/,
    });
  });

  it("a huge file (over 5 MB)", async () => {
    const big = `name: huge\nevents: []\n# ${"x".repeat(5 * 1024 * 1024)}\n`;
    expectBadInput(await run(write("huge.yaml", big)), {
      file: "huge.yaml",
      message: "file too large",
      expected: "at most 5242880 bytes",
      found: /\d+ bytes/,
      hint: /split/,
    });
  });

  it("a huge policy or persona file is not told to split its timeline", async () => {
    const big = `name: huge\n# ${"x".repeat(5 * 1024 * 1024)}\n`;
    const policy = write("huge-policy.yaml", big);
    const r = await run(write("uses.yaml", "name: s\npolicy: ./huge-policy.yaml\nevents: []\n"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("file too large");
    expect(r.stderr).toContain("a policy file holds a name and its parameters");
    expect(r.stderr).not.toContain("timeline");
    const p = await cli(["simulate", `./${policy}`, "--accounts", "10"], { cwd: dir });
    expect(p.status).toBe(2);
    expect(p.stderr).toContain("a persona file holds a name and its parameters");
  });

  it("an alias bomb (billion laughs)", async () => {
    const rows = ["lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    const names = "abcdefghi";
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1];
      rows.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const text = `name: bomb\nevents: []\nx:\n${rows.map((r) => `  ${r}`).join("\n")}\n`;
    expectBadInput(await run(write("bomb.yaml", text)), {
      file: "bomb.yaml",
      message: /alias/,
      hint: /alias/,
    });
  });

  it("deep nesting", async () => {
    const text = `name: deep\nevents: []\nx: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    expectBadInput(await run(write("deep.yaml", text)), { file: "deep.yaml", message: /nested more than/ });
    const json = `{"name": "deep", "events": [], "x": ${"[".repeat(100)}${"]".repeat(100)}}`;
    expectBadInput(await run(write("deep.json", json)), { file: "deep.json", message: /nested more than/ });
  });

  it("the first bad file fails the run before anything is printed", async () => {
    const good = write("good.yaml", "name: good\nevents: []\n");
    const bad = write("bad.yaml", "name: bad\nevents: [\n");
    const r = await run(good, bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^credit-sim: bad\.yaml:/);
  });
});

describe("a file the system will not read", () => {
  it("an invalid argument on reading is said as a read's refusal, not as a path that cannot be written", () => {
    // /proc/self/pagemap is a regular file whose read(2) of a length that is not a multiple of 8 is EINVAL:
    // it was 'the scenario file cannot be read (the path cannot be written this way)'
    const einval = Object.assign(new Error("EINVAL: invalid argument, read"), {
      code: "EINVAL",
      syscall: "read",
    });
    for (const kind of ["scenario", "policy", "persona", "result"] as const) {
      const e = unreadable(einval, "/proc/self/pagemap", kind);
      expect(e.message).toBe(`the ${kind} file cannot be read (the system refuses to read it this way)`);
    }
  });
});
