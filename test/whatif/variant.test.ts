// What-if edits on the written scenario: stable event numbers, flags → edits, the loader's validation.

import { describe, expect, it } from "vitest";
import { EVENT_TYPES, simulate } from "../../src/engine/index.js";
import { describeEvent } from "../../src/scenario/format.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { selectEvents } from "../../src/whatif/flags.js";
import { runVariant } from "../../src/whatif/run.js";
import { applyEdit, baseVariant, eventNumberAt, whatWritten } from "../../src/whatif/variant.js";
import { apply, base, inputError, LATE } from "./helpers.js";

describe("edits", () => {
  it("numbers events 1-based in file order, stable across removals", () => {
    const v = base(LATE);
    expect(selectEvents(v, "3-6")).toEqual([3, 4, 5, 6]);
    expect(selectEvents(v, "type=apply,product=increase,day>=24")).toEqual([5, 6]);
    const after = apply(apply(v, "remove", "5"), "remove", "6");
    expect(after.events.map((e) => e.id)).not.toContain(5);
    expect(after.events.map((e) => e.id)).not.toContain(6);
    expect(after.events.find((e) => e.id === 7)?.event.type).toBe("repay");
    expect(inputError(() => apply(after, "remove", "5")).message).toContain("already removed");
  });

  it("a selector that matches nothing is an input error", () => {
    expect(inputError(() => apply(base(LATE), "remove", "type=change_profile")).message).toContain(
      "no event matches",
    );
  });

  it("a field selected by = and named again is told given twice — either kind meant — not 'no event matches'", () => {
    const v = base(LATE);
    const either = inputError(() => selectEvents(v, "type=apply,type=repay"));
    expect(either.message).toBe("--remove: type is given twice: no event is both type=apply and type=repay");
    expect(either.details.hint).toBe(
      "every condition must hold; to select either, give --remove once for each: --remove type=apply --remove type=repay",
    );
    expect(inputError(() => selectEvents(v, "type=apply,type=apply")).message).toBe(
      "--remove: type is given twice (type=apply, type=apply)",
    );
    expect(inputError(() => selectEvents(v, "day>=3, day=5")).details.hint).toBe(
      "every condition must hold, and day=5 already names the one day it selects: give day once",
    );
    // a range, or two kinds left out, is two conditions on one field that both can hold
    expect(selectEvents(v, "day>=10,day<=40")).toEqual(
      selectEvents(v, "day>=10").filter((id) => selectEvents(v, "day<=40").includes(id)),
    );
    expect(selectEvents(v, "type!=apply,type!=repay").length).toBeGreaterThan(0);
  });

  it("an empty selector, an unknown field or a word compared as a number is refused, never 'everything'", () => {
    const v = base(LATE);
    for (const [text, message] of [
      ["", "nothing to select"],
      [" ", "nothing to select"],
      [",", "nothing to select"],
      ["amont>=5", 'no event has a field "amont"'],
      ["amount>=abc", '"abc" is not a number'],
    ] as const) {
      expect(() => selectEvents(v, text)).toThrow(message);
    }
    expect(inputError(() => selectEvents(v, "amont>=5")).details.hint).toMatch(/^did you mean "amount"\?/);
  });

  it("a number in a selector is read as --set, --edit and the file read one: in decimal, 0x10 refused as 16 is", () => {
    // `--remove "day>=0x10"` selected the events from day 16 on, where `--set minScore=0x10` and `--day 0x10`
    // refuse hex; `amount=0x10` matched an amount of 16
    const v = base(LATE);
    for (const text of [
      "day>=0x10",
      "day<0b11",
      "amount>=0o17",
      "day=0x10",
      "amount!=0x10",
      "type=apply,day>=0X1",
    ]) {
      const e = inputError(() => selectEvents(v, text));
      expect(e.message, text).toMatch(/: "0[xXob][0-9a-fA-F]+" is not a number$/);
      expect(e.details.hint, text).toMatch(
        /^write the number in decimal, e\.g\. (day|amount)(>=|<|=|!=)100$/,
      );
    }
    for (const text of ["day>=Infinity", "day<=1_0"])
      expect(inputError(() => selectEvents(v, text)).details.hint, text).toMatch(/^compare with a number/);
    // decimal, with an exponent as the file and the options take it, selects as before
    expect(selectEvents(v, "day>=1e1")).toEqual(selectEvents(v, "day>=10"));
    expect(selectEvents(v, "day>=1e1").length).toBeGreaterThan(0);
    // a text field compares as text: a merchant may be called 0x10
    expect(inputError(() => selectEvents(v, "merchant=0x10")).message).toContain("no event matches");
  });

  it("an empty clause in a flag's value is refused with the value that was meant, never skipped", () => {
    const v = base(LATE);
    for (const [flag, text, meant] of [
      ["remove", "type=apply,,,", "type=apply"],
      ["remove", "3,,5", "3,5"],
      ["remove", "3,", "3"],
      ["set", "minScore=620,,restoreScore=680", "minScore=620,restoreScore=680"],
      ["edit", "7:day=60,", "day=60"],
    ] as const) {
      const e = inputError(() => apply(v, flag, text));
      expect(e.message).toMatch(/: an empty clause in "/);
      expect(e.details.hint).toBe(`remove the extra comma: ${meant}`);
    }
  });

  it("a number written with a decimal comma is said as what the comma made of it, not 'cannot read \"5\"'", () => {
    const v = base(LATE);
    expect(inputError(() => apply(v, "set", "maxDebtToIncome=0,5")).message).toBe(
      "--set: 0,5 was read as 0 and 5: write 0.5 if that is meant",
    );
    // a leading 0 is no thousands: 0,035 is no 35
    expect(inputError(() => apply(v, "set", "maxDebtToIncome=0,035")).message).toBe(
      "--set: 0,035 was read as 0 and 035: write 0.035 if that is meant",
    );
    expect(inputError(() => apply(v, "add", "{day: 3, type: purchase, amount: 2,5}")).details.hint).toBe(
      "commas separate the fields of a flag's value: a decimal is written with a point",
    );
  });

  it("a comma between digits of a whole-number key (a score, a day) is grouping: 680 is told, not 6.80", () => {
    const v = base(LATE);
    const e = inputError(() => apply(v, "set", "restoreScore=6,80"));
    expect(e.message).toBe("--set: 6,80 was read as 6 and 80: write 680 if that is meant");
    expect(e.details.hint).toContain("restoreScore is a whole number");
    expect(inputError(() => apply(v, "set", "{restoreScore: 6,80}")).message).toContain("write 680");
    expect(inputError(() => apply(v, "add", "{day: 1,2, type: purchase, amount: 5}")).message).toContain(
      "write 12",
    );
    // a decimal key keeps the decimal
    expect(inputError(() => apply(v, "set", "maxDebtToIncome=0,5")).message).toContain("write 0.5");
  });

  it("a number written with thousands separators is said as what the comma made of it", () => {
    const v = base(LATE);
    expect(inputError(() => apply(v, "add", "{day: 3, type: purchase, amount: 1,000}")).message).toBe(
      "--add: 1,000 was read as 1 and 000: write 1000",
    );
    expect(inputError(() => apply(v, "set", "toleranceAmount=1,000")).message).toBe(
      "--set: 1,000 was read as 1 and 000: write 1000",
    );
    expect(inputError(() => apply(v, "edit", "2:amount=1,000,000")).message).toBe(
      "--edit 2: 1,000,000 was read as 1, 000 and 000: write 1000000",
    );
    // with fen or a yuan sign it was 'cannot read "000.50" as key=value', the comma's work unsaid
    expect(inputError(() => apply(v, "edit", "2:amount=1,000.50")).message).toBe(
      "--edit 2: 1,000.50 was read as 1 and 000.50: write 1000.50",
    );
    expect(inputError(() => apply(v, "edit", "2:amount=¥1,000")).message).toBe(
      "--edit 2: ¥1,000 was read as ¥1 and 000: write 1000",
    );
    expect(inputError(() => apply(v, "add", "{day: 3, type: purchase, amount: ￥12,345.6}")).message).toBe(
      "--add: ￥12,345.6 was read as ￥12 and 345.6: write 12345.6",
    );
    // quoted, a comma is the text's own
    expect(apply(v, "add", '{day: 3, type: note, text: "paid 1,000"}').events.at(-1)?.event).toMatchObject({
      text: "paid 1,000",
    });
  });

  it("edits a field, dropping date when day is set, and validates like the loader", () => {
    const v = apply(base(LATE), "edit", "7:day=60");
    expect(v.events.find((e) => e.id === 7)?.event).toMatchObject({ day: 60, type: "repay", amount: "full" });
    const bad = inputError(() => apply(base(LATE), "edit", "7:amount=fulll"));
    expect(bad.format()).toMatch(/did you mean "full"/);
    const negative = inputError(() => apply(base(LATE), "edit", "2:amount=-5"));
    expect(negative.details.field).toBe("amount");
  });

  it("adds an event given as key=value, the grammar --edit's changes and --set take", () => {
    const v = apply(base(LATE), "add", "day=60,type=repay,amount=full");
    expect(v.events.at(-1)).toMatchObject({ id: 16, event: { day: 60, type: "repay", amount: "full" } });
  });

  it("an --add clause that is no key=value is refused as --edit's and --set's are, not made a field", () => {
    // `=5` was a field named "=5" (unknown) and an event without a type — two problems, neither the one;
    // `day-x=5,type=repay` two unknown fields named after their clauses, and the day and type missing
    for (const [text, clause] of [
      ["=5", "=5"],
      ["=", "="],
      ["1day=5,type=repay,amount=full", "1day=5"],
      ["day=60,type-x=repay", "type-x=repay"],
      ["day-x=5,type=repay", "day-x=5"],
    ] as const) {
      const e = inputError(() => apply(base(LATE), "add", text));
      expect(e.message, text).toBe(`--add: cannot read ${JSON.stringify(clause)} as key=value`);
      expect(e.problems, text).toHaveLength(1);
    }
    // nothing at all: said as such, not as an event without a type
    for (const text of ["", "  "])
      expect(inputError(() => apply(base(LATE), "add", text)).message, JSON.stringify(text)).toBe(
        "--add needs an event",
      );
    // the mapping form keeps its `=` inside values and quotes, and key=value its colons in quotes
    expect(apply(base(LATE), "add", "day: 60, type: note, text: a=b").events.at(-1)?.event).toMatchObject({
      text: "a=b",
    });
    expect(apply(base(LATE), "add", 'day=60,type=note,text="a: b"').events.at(-1)?.event).toMatchObject({
      text: "a: b",
    });
  });

  it("--edit's NUMBER: in front of an added event is refused with the event it meant written out", () => {
    // it was 'unknown field "59:purchase amount=100"', the accepted form nowhere said
    for (const text of ["59:purchase amount=100", "#59: type=purchase,amount=100"]) {
      const e = inputError(() => apply(base(LATE), "add", text));
      expect(e.message).toContain("NUMBER:CHANGES is --edit's form");
      expect(e.message).toContain("it will be #16");
      expect(e.details.hint).toContain("--add '{day: 59, type: purchase, amount: 100}'");
      expect(e.message).not.toMatch(/unknown field/);
      // the form it leads to is accepted
      const meant = /--add '([^']+)'/.exec(e.details.hint ?? "")![1]!;
      expect(apply(base(LATE), "add", meant).events.at(-1)?.event).toMatchObject({ day: 59, amount: 100 });
    }
    // words that are no event, or a type twice: the form, with the day given
    expect(inputError(() => apply(base(LATE), "add", "59:purchase type=borrow")).details.hint).toMatch(
      /--add '\{day: 59, type: …\}'/,
    );
    expect(inputError(() => apply(base(LATE), "add", "59:buy 100")).details.hint).toMatch(
      /--add '\{day: 59, type: …\}', e\.g\. --add '\{day: 60/,
    );
  });

  it("adds an event given as a flow mapping; unknown types and fields get a did-you-mean", () => {
    const v = apply(base(LATE), "add", "{day: 60, type: repay, amount: full}");
    expect(v.events.at(-1)).toMatchObject({ id: 16, origin: "added", event: { day: 60, type: "repay" } });
    expect(
      inputError(() => apply(base(LATE), "add", "{day: 60, type: repai, amount: full}")).format(),
    ).toMatch(/did you mean "repay"/);
    expect(
      inputError(() => apply(base(LATE), "add", "{day: 60, type: repay, amout: full}")).format(),
    ).toMatch(/did you mean "amount"/);
    expect(inputError(() => apply(base(LATE), "add", "{day: 999, type: note, text: x}")).message).toContain(
      "after the last simulated day",
    );
  });

  it("a day past any horizon is said against the scenario's own last day, as one just past it", () => {
    // day 99999 read 'value out of range, expected: at most 36500' (the longest horizon's), day 999
    // 'at most day N (the scenario's until)'
    const until = base(LATE).until;
    for (const [kind, text] of [
      ["add", "{day: 99999, type: note, text: x}"],
      ["add", "{day: 1e6, type: note, text: x}"],
      ["edit", "1:day=99999"],
    ] as const) {
      const e = inputError(() => apply(base(LATE), kind, text)).format();
      expect(e, text).toContain("after the last simulated day");
      expect(e, text).toContain(`at most day ${until} (the scenario's \`until\`)`);
      expect(e, text).not.toContain("36500");
    }
  });

  it("a file without `until` has its last day said as what it is: 31 days after its last event", () => {
    // '(the scenario's until)' was said of a file that has none
    const text = [
      "name: no until",
      "start: 2024-01-01",
      "profile: { age: 30, monthlyIncome: 8000 }",
      "events:",
      "  - { day: 5, type: apply, product: open, amount: 2000 }",
      "  - { day: 40, type: purchase, amount: 100 }",
    ].join("\n");
    const v = baseVariant(loadScenarioText(text, "no-until.yaml"));
    expect(v.until).toBe(71);
    const e = inputError(() => apply(v, "add", "{day: 500, type: repay, amount: full}")).format();
    expect(e).toContain(
      "at most day 71 (the file has no `until`: 31 days after its last event or expectation, day 40)",
    );
    expect(e).toContain("to simulate that far, add `until: 500` to the file");
    expect(e).not.toContain("the scenario's");
    const given = baseVariant(loadScenarioText(`${text}\nuntil: 100`, "until.yaml"));
    expect(inputError(() => apply(given, "add", "{day: 500, type: repay, amount: full}")).format()).toContain(
      "to simulate that far, raise the file's `until` to 500",
    );
  });

  it("sets policy parameters, validated by the policy schema", () => {
    const v = apply(base(LATE), "set", "minScore=620,restoreScore=700");
    expect(v.set).toEqual({ minScore: 620, restoreScore: 700 });
    expect(runVariant(v).trace.steps[0]?.event.type).toBe("policy");
    expect(inputError(() => apply(base(LATE), "set", "minScor=620")).format()).toMatch(
      /did you mean "minScore"/,
    );
    expect(inputError(() => apply(base(LATE), "set", "minScore=2000")).message).toContain("out of range");
  });

  it("rejects hostile flag values the way the loader rejects hostile files", () => {
    expect(
      inputError(() => apply(base(LATE), "add", "{__proto__: {}, day: 1, type: note, text: x}")).message,
    ).toContain("forbidden key");
    expect(inputError(() => apply(base(LATE), "remove", "1-9999999999")).message).toMatch(/numbered 1–/);
  });
});

describe("edits handed to applyEdit directly (the library)", () => {
  it("an edit's key that names object internals is refused, as an added event's and a flag's are", () => {
    // { patch: JSON.parse('{"__proto__": {"amount": 99999}}') } set the merged event's prototype: the
    // event was left as it was, while the variant's notes said "edited #2 …: __proto__: {"amount":99999}"
    const v = base(LATE);
    for (const key of ["__proto__", "prototype"]) {
      const patch = JSON.parse(`{"${key}": {"amount": 99999}}`) as Record<string, unknown>;
      const e = inputError(() => applyEdit(v, { kind: "edit", id: 2, patch }));
      expect(e.message).toBe(`forbidden key "${key}"`);
      expect(e.details).toMatchObject({
        field: key,
        hint: "keys that name object internals are refused; remove it",
      });
    }
  });
});

describe("event numbers", () => {
  it("one mapping from a trace step's index to the user's event number, past a day-0 set event", () => {
    const v = apply(base(LATE), "remove", "2");
    expect(eventNumberAt(v, 0)).toBe(1);
    expect(eventNumberAt(v, 1)).toBe(3);
    const set = apply(v, "set", "minScore=600");
    expect(eventNumberAt(set, 0)).toBe(0);
    expect(eventNumberAt(set, 1)).toBe(1);
    expect(eventNumberAt(set, 2)).toBe(3);
    expect(eventNumberAt(set, 99)).toBeUndefined();
    // every user step of a run maps to an event of the variant, in file order within a day
    const run = runVariant(set);
    const numbers = run.trace.steps.flatMap((s) =>
      "index" in s.event ? [eventNumberAt(set, s.event.index)] : [],
    );
    expect(new Set(numbers)).toEqual(new Set([0, ...set.events.map((e) => e.id)]));
  });
});

describe("listing", () => {
  it("a request for review names its line when it has one, Huabei too: without one it reviews whichever is suspended", () => {
    expect(whatWritten({ day: 1, type: "request_review", line: "huabei" })).toBe(
      "request an early review of Huabei",
    );
    expect(whatWritten({ day: 1, type: "request_review", line: "jiebei" })).toBe(
      "request an early review of Jiebei",
    );
    expect(whatWritten({ day: 1, type: "request_review" })).toBe("request an early review");
  });

  it("says every type of event in the trace's words: one wording on every surface", () => {
    // the listing said "repayment in full", "application for +¥2,000.00 limit", "identity verification"
    // where the trace, explain, HTML and the comparison beside it said "repay full", "apply for …"
    const events = [
      "{ day: 0, type: apply, product: open, amount: 9000 }",
      "{ day: 0, type: apply, line: jiebei, product: open, amount: 20000 }",
      "{ day: 2, type: purchase, amount: 300, merchant: Taobao }",
      "{ day: 2, type: purchase, amount: 1200, instalments: 3 }",
      "{ day: 3, type: borrow, amount: 1000, term: 6 }",
      "{ day: 4, type: change_profile, field: phone }",
      "{ day: 5, type: external_debt, amount: 2000 }",
      "{ day: 6, type: external_repayment, amount: 500 }",
      "{ day: 7, type: external_inquiry }",
      "{ day: 8, type: income, monthlyIncome: 12000 }",
      "{ day: 9, type: policy, use: tightened, set: { minScore: 600 } }",
      "{ day: 10, type: contact_support }",
      "{ day: 11, type: verify_identity }",
      "{ day: 12, type: request_review, line: jiebei }",
      "{ day: 13, type: request_review }",
      "{ day: 14, type: note, text: a note }",
      "{ day: 40, type: repay, amount: 100 }",
      "{ day: 41, type: repay, line: jiebei, amount: minimum }",
      "{ day: 60, type: apply, product: increase, amount: 1000 }",
      "{ day: 61, type: apply, line: jiebei, product: increase, amount: 1000 }",
      "{ day: 70, type: repay, amount: full }",
      "{ day: 80, type: close, line: jiebei }",
    ];
    const loaded = loadScenarioText(
      [
        "name: every event",
        "until: 90",
        "profile: { age: 35, monthlyIncome: 10000, verified: true, creditHistoryMonths: 60 }",
        "events:",
        ...events.map((e) => `  - ${e}`),
      ].join("\n"),
      "every-event.yaml",
    );
    const typesWritten = new Set(loaded.written.events.map((e) => e.type));
    expect(
      EVENT_TYPES.filter((t) => !typesWritten.has(t)),
      "add an event of each new type to `events` above (this test's every-event timeline)",
    ).toEqual([]);
    const steps = simulate(loaded.scenario).steps.filter((s) => "index" in s.event);
    expect(steps).toHaveLength(events.length);
    for (const step of steps) {
      const written = loaded.written.events["index" in step.event ? step.event.index : -1]!;
      // a step adds what it did: a repayment's amount applied, when it is not the amount written
      const said = describeEvent(step).replace(/ \((¥[\d,.]+ applied|nothing \w+)\)$/, "");
      expect(said, step.event.type).toBe(whatWritten(written));
    }
  });
});

describe("a control character typed into an edit flag", () => {
  // it was 'cannot parse: the file holds control characters', 'scenario, policy and persona files are YAML
  // or JSON text' — of a flag's value, placed after the value
  it("is named where it is, with the escape to write, not as a file's", () => {
    const v = base(LATE);
    for (const [flag, text] of [
      ["edit", "2:merchant=a\u001b[2Jb"],
      ["add", "{day: 3, type: note, text: a\u001b[2Jb}"],
    ] as const) {
      const e = inputError(() => apply(v, flag, text));
      expect(e.message).toBe("cannot parse: a control character (\\x1b) outside quotes");
      expect(e.details.hint).toBe('write it as an escape in double quotes ("\\x1b"), or remove it');
    }
  });
});
