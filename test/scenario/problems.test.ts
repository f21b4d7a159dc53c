// Every problem of a file at once: up to MAX_PROBLEMS, in file order, each with line:column, the field
// path, expected / found and a fix ("did you mean" where a near name exists). In-process: the loader's
// own InputError, as the CLI prints it.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPersonaText } from "../../src/population/persona.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { InputError, MAX_PROBLEMS } from "../../src/shared/errors.js";
import { inputErrorOf } from "../helpers/input-error.js";

function problems(text: string, file = "first.yaml"): InputError {
  try {
    loadScenarioText(text, file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("loaded without a problem");
}

const heads = (e: InputError) =>
  e.problems.map((p) => `${p.details.line}:${p.details.column} ${p.details.field}: ${p.message}`);

describe("every problem at once", () => {
  const first = [
    "name: First",
    "profile: { income: 9000 }",
    "events:",
    "  - { day: 0, type: aply, product: open, amount: 5000 }",
    "  - {day:5,type:purchase}",
    "  - { day: 9, type: purchase, amount: 12.345, merchant: Taobao }",
    "  - { day: 10, type: apply, product: increse, amount: 100 }",
    "  - { day: 11, type: policy, set: { minScor: 600 } }",
    "expect:",
    "  - { day: 30, reasons: [OVERDUE_RECNT] }",
    "  - { day: 40, limit: 1e308 }",
    "",
  ].join("\n");

  it("reports them in file order, each with line:column and field", () => {
    expect(heads(problems(first))).toEqual([
      '2:12 profile.income: unknown field "income"',
      "4:21 events[0].type: unknown event type",
      "5:6 events[1]: a key and its value run together: YAML needs a space after the colon",
      "6:39 events[2].amount: too many decimal places",
      "7:38 events[3].product: invalid value",
      '8:37 events[4].set.minScor: unknown field "minScor"',
      "10:26 expect[0].reasons[0]: unknown reason code",
      "11:23 expect[1].limit: value out of range",
    ]);
  });

  it("says did you mean for fields, event types, products, policy parameters and reason codes", () => {
    const hints = problems(first).problems.map((p) => p.details.hint);
    expect(hints).toEqual(
      expect.arrayContaining([
        'did you mean "monthlyIncome"?',
        'did you mean "apply"?',
        'did you mean "increase"?',
        'did you mean "minScore"?',
        'did you mean "OVERDUE_RECENT"?',
      ]),
    );
    // expected and found on every problem that has a value to show
    for (const p of problems(first).problems) expect(p.details.expected).toBeTruthy();
  });

  it("tells a flow mapping without a space after the colon for what it is", () => {
    const e = problems("name: c\nevents:\n  - {day:5,type:purchase}\n");
    expect(e.problems).toHaveLength(1);
    expect(e.message).toMatch(/space after the colon/);
    expect(e.details).toMatchObject({ line: 3, column: 6, field: "events[0]", expected: "`day: 5`" });
    // a block item written the same way
    const block = problems("name: c\nevents:\n  - day:5\n");
    expect(block.details.hint).toMatch(/space after each colon/);
  });

  it("prints one block per problem and a count", () => {
    const text = problems(first).format("credit-sim: ");
    expect(text.split("\n").filter((l) => l.startsWith("credit-sim: "))).toHaveLength(9);
    expect(text.split("\n").at(-1)).toBe("credit-sim: first.yaml: 8 problems");
  });

  it("stops at MAX_PROBLEMS and says there are more", () => {
    const e = problems(`name: many\nevents:\n${"  - { day: -1, type: note, text: x }\n".repeat(30)}`);
    expect(e.problems).toHaveLength(MAX_PROBLEMS);
    expect(e.truncated).toBe(true);
    expect(e.format().split("\n").at(-1)).toMatch(/20 problems shown, and more/);
  });

  it("does not name a missing field beside its misspelling", () => {
    const e = problems("name: t\nevents:\n  - { day: 0, type: purchase, amout: 5 }\n");
    expect(heads(e)).toEqual(['3:31 events[0].amout: unknown field "amout"']);
    expect(e.details.hint).toBe('did you mean "amount"?');
  });

  it("checks the value under another word for a key as that key's, in the same run (no second round)", () => {
    // `timeline:` is told as meaning `events:`; its events' own mistakes were shown only once renamed
    const e = problems(
      [
        "name: t",
        "timeline:",
        "  - { day: 0, type: aply, product: open, amount: 5000 }",
        "  - { day: 5, type: purchase, amount: -800 }",
        "  - { dya: 9, type: note, text: hi }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      '2:1 timeline: unknown field "timeline"',
      "3:21 timeline[0].type: unknown event type",
      "4:39 timeline[1].amount: value out of range",
      '5:7 timeline[2].dya: unknown field "dya"',
    ]);
    expect(e.problems.map((p) => p.details.hint)).toEqual([
      'did you mean "events"?',
      'did you mean "apply"?',
      expect.stringContaining("amounts are positive"),
      'did you mean "day"?',
    ]);
    // its value right, only the key is told; the key meant written beside it, the other is not checked as it
    expect(heads(problems("name: t\ntimeline:\n  - { day: 0, type: note, text: hi }\n"))).toEqual([
      '2:1 timeline: unknown field "timeline"',
    ]);
    expect(
      heads(problems("name: t\nevents: []\ntimeline:\n  - { day: 0, type: aply }\n")).map((h) =>
        h.startsWith("3:1 timeline"),
      ),
    ).toEqual([true]);
  });

  it("names the field or type meant by another word for it, as a first guess at the format writes", () => {
    // no spelling is near these: each was "unknown field … remove it" (removing the events themselves) or
    // an unknown type with no hint, and a day written as `on:` was told again as an event with no day
    const top = problems("customer: Li Lei\ntimeline: []\nexpectations: []\n");
    expect(heads(top).map((h, i) => `${h} → ${top.problems[i]!.details.hint}`)).toEqual([
      '1:1 customer: unknown field "customer" → did you mean "name"?',
      '2:1 timeline: unknown field "timeline" → did you mean "events"?',
      '3:1 expectations: unknown field "expectations" → did you mean "expect"?',
    ]);
    const e = problems(
      [
        "name: Li Lei",
        "events:",
        "  - { on: 2024-01-01, event: apply, product: open, limit: 5000 }",
        "  - { at: 5, type: buy, amount: 300 }",
        "  - { days: 40, type: payment, amount: full }",
        "  - { day: 41, type: loan, amount: 100, months: 3 }",
        "expect:",
        "  - { day: 41, state: active }",
        "",
      ].join("\n"),
    );
    expect(heads(e).map((h, i) => `${h} → ${e.problems[i]!.details.hint}`)).toEqual([
      '3:7 events[0].on: unknown field "on" → did you mean "date"?',
      '3:23 events[0].event: unknown field "event" → did you mean "type"?',
      '3:52 events[0].limit: unknown field "limit" → did you mean "amount"?',
      '4:20 events[1].type: unknown event type → did you mean "purchase"?',
      '4:7 events[1].at: unknown field "at" → did you mean "day"?',
      '5:23 events[2].type: unknown event type → did you mean "repay"?',
      '5:7 events[2].days: unknown field "days" → did you mean "day"?',
      '6:22 events[3].type: unknown event type → did you mean "borrow"?',
      '6:41 events[3].months: unknown field "months" → did you mean "term"?',
      '8:16 expect[0].state: unknown field "state" → did you mean "status"?',
    ]);
  });

  it("tells a misspelt type first, and does not demand the fields of the type it guesses", () => {
    // `type: aply` was told a missing product and amount (an application's) at the event's start, before
    // the type unknown: the fields of a type the file does not name yet
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 0, type: aply }",
        "  - { amount: -5, day: 1, type: purchse }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      "3:21 events[0].type: unknown event type",
      "4:33 events[1].type: unknown event type",
      "4:15 events[1].amount: value out of range",
    ]);
    expect(e.problems[0]!.details.hint).toBe('did you mean "apply"?');
  });

  it("tells `type: open` what it stands for, and not its product as missing too", () => {
    const e = problems("name: o\nevents:\n  - { day: 0, type: open, amount: 3000 }\n");
    expect(heads(e)).toEqual(["3:21 events[0].type: unknown event type"]);
    expect(e.details.hint).toBe("write type: apply, product: open (an application to open a line)");
  });

  it("reads a story word however its words are joined — camelCase, `_`, `-` or a space — as another word for a name is", () => {
    for (const written of ["openAccount", "open_account", "open-account", "OPEN ACCOUNT"]) {
      const e = problems(`name: o\nevents:\n  - { day: 0, type: ${written}, amount: 3000 }\n`);
      expect(e.details.hint, written).toBe(
        "write type: apply, product: open (an application to open a line)",
      );
    }
  });

  it("tells a product named for its line (`product: jiebei`) where the line goes", () => {
    const e = problems("name: o\nevents:\n  - { day: 0, type: apply, product: jiebei, amount: 3000 }\n");
    expect(heads(e)).toEqual(["3:37 events[0].product: invalid value"]);
    expect(e.details.hint).toBe(
      "write product: open, line: jiebei (or product: increase, line: jiebei) (product says what is asked for, line which line)",
    );
  });

  it("tells a repayment's line written as its product (`product: jiebei`) to write line: — 'remove it' repaid Huabei", () => {
    const e = problems("name: o\nevents:\n  - { day: 50, type: repay, product: jiebei, amount: full }\n");
    expect(heads(e)).toEqual(['3:29 events[0].product: unknown field "product"']);
    expect(e.details.hint).toBe('did you mean "line"?');
    // a line the value cannot be is told as the line's own problem, under the key as written
    const bad = problems("name: o\nevents:\n  - { day: 50, type: repay, product: alipay, amount: full }\n");
    expect(heads(bad)).toContain("3:38 events[0].product: invalid value");
  });

  it("tells a note written on an event (`note: …`) how a scenario keeps one: not a misspelt date", () => {
    const e = problems(
      "name: o\nevents:\n  - { day: 40, type: change_profile, field: phone, note: son switched her SIM }\n",
    );
    // one problem: the text was checked as a date ('did you mean "date"?', then 'expected: a date')
    expect(heads(e)).toEqual(['3:52 events[0].note: unknown field "note"']);
    expect(e.details.hint).toBe(
      "an event keeps no text: write it as a YAML comment (# …) after the event, or as an event of its own: { day: 40, type: note, text: … }",
    );
    for (const word of ["remark", "memo", "comment"]) {
      const w = problems(`name: o\nevents:\n  - { day: 3, type: purchase, amount: 5, ${word}: gift }\n`);
      expect(w.problems).toHaveLength(1);
      expect(w.details.hint).toContain("type: note, text:");
    }
    // where a text field is one, it is meant: a note event's `note:` is its text
    const n = problems("name: o\nevents:\n  - { day: 3, type: note, note: moved }\n");
    expect(n.details.hint).toBe('did you mean "text"?');
  });

  it("tells a file with no field of a scenario where to begin one", () => {
    const e = problems("customer_name: Li Lei\nhappenings: []\n");
    expect(e.message).toBe("not a scenario file: none of its keys is a scenario field");
    expect(e.details.hint).toMatch(/`name:` and `events:`.*`credit-sim init` writes a commented one/);
  });

  it("says how to write money and dates written as people write them", () => {
    const e = problems(
      [
        "name: t",
        "start: 15/09/2024",
        'profile: { monthlyIncome: "¥8,000" }',
        "events:",
        '  - { day: 0, type: apply, product: open, amount: "1,000" }',
        "  - { date: 2024/9/20, type: repay, amount: ¥100.50 }",
        "  - { date: 03/04/2024, type: purchase, amount: 1 200 元 }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      'start: write 2024-09-15: year first, then month and day, joined by "-"',
      'profile.monthlyIncome: write 8000: amounts are plain numbers of yuan, without "¥" or thousands separators',
      'events[0].amount: write 1000: amounts are plain numbers of yuan, without "¥" or thousands separators',
      'events[1].date: write 2024-09-20: year, month, day, joined by "-"',
      'events[1].amount: write 100.50: amounts are plain numbers of yuan, without "¥" or thousands separators',
      'events[2].date: write 2024-04-03 or 2024-03-04: year first, then month and day, joined by "-"',
      'events[2].amount: write 1200: amounts are plain numbers of yuan, without "¥" or thousands separators',
    ]);
    // text that is no amount gets no such hint
    expect(problems('name: t\nevents:\n  - { day: 0, type: purchase, amount: "lots" }\n').details.hint).toBe(
      undefined,
    );
  });

  it("a date written where a day number goes: the day it is, counted from start, or the date field that takes it", () => {
    // a newcomer writes the calendar dates the story is told in; `until` and `day` count days from start
    const e = problems(
      [
        "name: t",
        "start: 2024-01-01",
        "until: 2025-01-31",
        "events:",
        "  - { day: 2024-02-01, type: note, text: a }",
        "expect:",
        "  - { day: 2024-03-01, status: none }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      "until: write 396: until counts days from start (2024-01-01); 2025-01-31 is day 396",
      "events[0].day: write date: 2024-02-01 (or day: 31, counted from start, 2024-01-01)",
      "expect[0].day: write date: 2024-03-01 (or day: 60, counted from start, 2024-01-01)",
    ]);
    // from the default start when the file names none; a date before start is said as such
    const early = problems("name: t\nuntil: 2023-12-31\nevents: []\n");
    expect(early.details.hint).toBe(
      "until counts days from start (2024-01-01); 2023-12-31 is before it: move start earlier, or write a later date",
    );
  });

  it("the article's and everyday words for the format's own, where no spelling is near, are told what to write", () => {
    // a newcomer writes Zhang Ming's story in the words it is told in: a customer "opens" Huabei, calls
    // "customer service", changes his "mobile", asks for a "limit increase"; his account is "deactivated"
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 0, type: open, amount: 5000 }",
        "  - { day: 1, type: customer_service }",
        "  - { day: 2, type: change_profile, field: mobile }",
        "  - { day: 3, type: apply, product: increase_limit, amount: 3000 }",
        "  - { day: 4, type: overdue, amount: 300 }",
        "expect:",
        "  - { day: 5, status: deactivated }",
        "  - { day: 5, decision: rejected }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      "events[0].type: write type: apply, product: open (an application to open a line)",
      "events[1].type: write type: contact_support (customer service answers)",
      'events[2].field: did you mean "phone"?',
      'events[3].product: did you mean "increase"?',
      "events[4].type: an overdue is not an event: leave a bill unpaid past its due day and grace days (repay later, or not at all) and it goes overdue by itself",
      "expect[0].status: write suspended (stopped for now: `cause` says why — credit, security or policy) or closed (ended)",
      'expect[1].decision: did you mean "declined"?',
    ]);
  });

  it("a suspension's cause in the article's words — a score's decline, abnormal behaviour, a policy adjustment — is told which cause to write", () => {
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        "expect:",
        "  - { day: 5, status: suspended, cause: fraud }",
        "  - { day: 6, status: suspended, cause: abnormal behaviour }",
        "  - { day: 7, status: suspended, cause: credit score }",
        "  - { day: 8, status: suspended, cause: policy adjustment }",
        "  - { day: 9, status: closed, cause: unused }",
        "  - { day: 10, status: closed, cause: sideways }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      "expect[0].cause: write security (abnormal account behaviour: bound details changed too often, or a burst of large transactions)",
      "expect[1].cause: write security (abnormal account behaviour: bound details changed too often, or a burst of large transactions)",
      "expect[2].cause: write credit (a falling score, a line past due or too much debt: the customer's credit)",
      "expect[3].cause: write policy (a policy adjustment: the lender's standards changed, the customer did not)",
      "expect[4].cause: write dormant (closed as left unused)",
      // a word of no cause gets no hint: the values expected are listed
      "expect[5].cause: undefined",
    ]);
  });

  it("a parameter named with a word more, or spelt out where the name shortens it, is told the parameter it names", () => {
    // a policy adjustment as a newcomer writes it: `requireVerifiedIdentity` was "remove it" (a fix that
    // drops the adjustment), `minimumScore` was "did you mean minOpenScore?" (as many letters from minScore)
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        "  - { day: 1, type: policy, set: { requireVerifiedIdentity: true } }",
        "  - { day: 2, type: policy, set: { minimumScore: 600 } }",
        "  - { day: 3, type: policy, set: { maximumDebtToIncome: 1.5 } }",
        "  - { day: 4, type: purchase, amount: 30, merchantName: 淘宝 }",
        "  - { day: 5, type: policy, set: { reverse: true } }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      'events[1].set.requireVerifiedIdentity: did you mean "requireVerified"?',
      'events[2].set.minimumScore: did you mean "minScore"?',
      'events[3].set.maximumDebtToIncome: did you mean "maxDebtToIncome"?',
      'events[4].merchantName: did you mean "merchant"?',
      // a word that starts no name is still told to go
      "events[5].set.reverse: remove it",
    ]);
  });

  it("a money field named with its unit is told that money is yuan — `amountFen: 5000` was 'did you mean amount?', ¥5,000 for the ¥50 meant", () => {
    const e = problems(
      [
        "name: t",
        "profile: { monthlyIncomeYuan: 8000 }",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        "  - { day: 1, type: purchase, amountFen: 5000 }",
        "  - { day: 2, type: repay, amount_cents: 1250 }",
        "expect:",
        "  - { day: 3, limitRMB: 5000 }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      "profile.monthlyIncomeYuan: write monthlyIncome: money is written in yuan already",
      "events[1].amountFen: write amount: in yuan, not fen (5000 fen is amount: 50)",
      "events[2].amount_cents: write amount: in yuan, not fen (1250 fen is amount: 12.5)",
      "expect[0].limitRMB: write limit: money is written in yuan already",
    ]);
  });

  it("the story told in Chinese — 开通, 消费, 手机, 提额, 借呗, 逾期, 客服, 暂停, 拒绝, 花呗 — is told the format's word for each", () => {
    // no spelling is near a Chinese word: each was "invalid value" with the options alone, or "unknown
    // event type" with no hint, though the article's own story is a Chinese customer's
    const e = problems(
      [
        "name: 张明",
        "events:",
        "  - { day: 0, type: 开通, amount: 5000 }",
        "  - { day: 1, type: 消费, amount: 300, merchant: 淘宝 }",
        "  - { day: 2, type: change_profile, field: 手机号 }",
        "  - { day: 3, type: apply, product: 提额, amount: 3000 }",
        "  - { day: 4, type: repay, line: 借呗, amount: full }",
        "  - { day: 5, type: 逾期 }",
        "  - { day: 6, type: 联系客服 }",
        "  - { day: 7, type: 更换 银行卡 }",
        "expect:",
        "  - { day: 5, status: 暂停, cause: 账户异常 }",
        "  - { day: 6, decision: 拒绝 }",
        "  - { day: 7, line: 花呗, status: 正常 }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      "events[0].type: write type: apply, product: open (an application to open a line)",
      "events[1].type: write type: purchase (a purchase on Huabei)",
      "events[2].field: write phone (the bound mobile phone)",
      "events[3].product: write increase (an application for a higher limit)",
      "events[4].line: write jiebei (借呗, the cash-loan line)",
      "events[5].type: an overdue is not an event: leave a bill unpaid past its due day and grace days (repay later, or not at all) and it goes overdue by itself",
      "events[6].type: write type: contact_support (customer service answers)",
      "events[7].type: write type: change_profile, field: bankcard (a change of the bound bankcard)",
      "expect[0].status: write suspended (stopped for now: `cause` says why — credit, security or policy) or closed (ended)",
      "expect[0].cause: write security (abnormal account behaviour: bound details changed too often, or a burst of large transactions)",
      "expect[1].decision: write declined (an application or a purchase refused)",
      "expect[2].line: write huabei (花呗, the revolving line)",
      "expect[2].status: write active (a line in use)",
    ]);
    // a purchase named in Chinese is checked as a purchase: its merchant and amount are no problems of their own
    expect(e.problems.filter((p) => p.details.field?.startsWith("events[1]"))).toHaveLength(1);
  });

  // a repayment's amount may also be a word (full, statement, minimum): a number written oddly there went
  // without the hint a purchase's amount gets for it ('"1e3"', 0x10, 1e309, 16 digits)
  it("a repayment's amount written as no plain number gets the hint a purchase's amount gets", () => {
    for (const written of ['"1e3"', "0x10", "1e309", "1234567890.1234567", "'100'"]) {
      const e = problems(
        `name: t\nevents:\n  - { day: 0, type: purchase, amount: ${written} }\n  - { day: 1, type: repay, amount: ${written} }\n`,
      );
      const hints = e.problems.map((p) => p.details.hint);
      expect(hints[0], written).toBeDefined();
      expect(hints, written).toEqual([hints[0], hints[0]]);
    }
  });

  it("a list or a mapping left empty (YAML reads it as null) is told how to write an empty one", () => {
    const e = problems("name: t\nprofile:\nevents:\n");
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.found}: ${p.details.hint}`)).toEqual([
      "profile: null: write `profile: {}` for none, or its fields beneath it, indented",
      "events: null: write `events: []` for none, or its items beneath it, indented, each after `- `",
    ]);
  });

  it("an item left empty after its dash (YAML reads it as null) is told to be written or removed", () => {
    const e = problems("name: t\nevents:\n  -\n  - { day: 1, type: note, text: hi }\nexpect:\n  -\n");
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.found}: ${p.details.hint}`)).toEqual([
      "events[0]: null: write the item after its dash (`- { day: 0, … }`), or remove the dash",
      "expect[0]: null: write the item after its dash (`- { day: 0, … }`), or remove the dash",
    ]);
  });

  it("an item left empty after its dash, and the items after it, are placed on their own lines", () => {
    // YAML makes no node of a dash with nothing after it: the empty item and every item after it in its
    // list were placed where the list starts (line 3 here)
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 0, type: note, text: hi }",
        "  -",
        "  # a comment",
        "  -",
        '  - { day: "x", type: note, text: hi }',
        "  -",
        "expect:",
        "  -",
        "  - { day: 0, decision: approved }",
        "",
      ].join("\n"),
    );
    expect(heads(e).map((h) => h.split(": ")[0])).toEqual([
      "4:3 events[1]",
      "6:3 events[2]",
      "7:12 events[3].day",
      "8:3 events[4]",
      "10:3 expect[0]",
    ]);
  });

  it("a date typed in full-width digits is told the date to type", () => {
    // as a full-width number is told (`until: ３０`: write 30)
    const e = problems(
      [
        "name: t",
        "start: ２０２４－０１－０１",
        "events:",
        "  - { date: ２０２４-０１-０５T10:00, type: note, text: a }",
        "  - { date: ２０２４-０２-３０, type: note, text: a }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => p.details.hint)).toEqual([
      "write 2024-01-01: a date is written in ASCII digits (0–9)",
      "write 2024-01-05: a day here is a calendar day, the same in every zone (no time, no time zone)",
      "February 2024 has 29 days: the last is 2024-02-29",
    ]);
  });

  it("a date in another script's digits is told the date to write, as a full-width one is", () => {
    const e = problems(
      ["name: t", "start: ٢٠٢٤-٠١-٠١", "events:", "  - { date: २०२४-०२-३०, type: note, text: a }", ""].join(
        "\n",
      ),
    );
    expect(e.problems.map((p) => p.details.hint)).toEqual([
      "write 2024-01-01: a date is written in ASCII digits (0–9)",
      "February 2024 has 29 days: the last is 2024-02-29",
    ]);
  });

  it("a date off the calendar with a time is told both", () => {
    const e = problems("name: t\nevents:\n  - { date: 2024-02-30T10:00:00, type: note, text: hi }\n");
    expect(e.problems.map((p) => p.details.hint)).toEqual([
      "February 2024 has 29 days: the last is 2024-02-29; and a day here is a calendar day, with no time or time zone",
    ]);
  });

  it("says which boolean YAML 1.1's yes, no, on and off meant: here they are text, only true and false are booleans", () => {
    const e = problems(
      [
        "name: t",
        "profile: { verified: yes }",
        "events:",
        "  - { day: 0, type: policy, set: { requireVerified: on } }",
        "  - { day: 1, type: policy, set: { requireVerified: N } }",
        '  - { day: 2, type: policy, set: { requireVerified: "false" } }',
        "  - { day: 3, type: policy, set: { requireVerified: 1 } }",
        "",
      ].join("\n"),
    );
    const yaml11 = "YAML 1.1 read it as a boolean; here only true and false are";
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.hint}`)).toEqual([
      `profile.verified: write true: ${yaml11}`,
      `events[0].set.requireVerified: write true: ${yaml11}`,
      `events[1].set.requireVerified: write false: ${yaml11}`,
      "events[2].set.requireVerified: write false, without quotes",
      "events[3].set.requireVerified: write true or false",
    ]);
  });

  it("says which day a date with a time or a time zone means, and the last day of a month a date runs past", () => {
    const hints = (text: string) =>
      problems(text).problems.map((p) => `${p.details.field}: ${p.details.hint}`);
    // a day is a calendar day, the same in every zone: the date as written, not moved by its offset
    expect(
      hints(
        [
          "name: t",
          "start: 2024-01-01T00:00:00Z",
          "events:",
          "  - { date: 2024-02-03T23:30:00+08:00, type: note, text: x }",
          '  - { date: "2024-02-04 08:00", type: note, text: y }',
          "  - { date: 2024-02-05Z, type: note, text: z }",
          "",
        ].join("\n"),
      ),
    ).toEqual([
      "start: write 2024-01-01: a day here is a calendar day, the same in every zone (no time, no time zone)",
      "events[0].date: write 2024-02-03: a day here is a calendar day, the same in every zone (no time, no time zone)",
      "events[1].date: write 2024-02-04: a day here is a calendar day, the same in every zone (no time, no time zone)",
      "events[2].date: write 2024-02-05: a day here is a calendar day, the same in every zone (no time, no time zone)",
    ]);
    expect(
      hints(
        [
          "name: t",
          "start: 2023-02-29",
          "events:",
          "  - { date: 2024-02-30, type: note, text: x }",
          "  - { date: 2024-04-31, type: note, text: y }",
          "  - { date: 2024-13-01, type: note, text: z }",
          "  - { date: 2024-01-00, type: note, text: z }",
          "expect:",
          "  - { date: 2024-06-31, status: none }",
          "",
        ].join("\n"),
      ),
    ).toEqual([
      "start: February 2023 has 28 days: the last is 2023-02-28",
      "events[0].date: February 2024 has 29 days: the last is 2024-02-29",
      "events[1].date: April 2024 has 30 days: the last is 2024-04-30",
      "events[2].date: a month is 01 to 12",
      "events[3].date: a day of the month is 01 to 31 (January 2024 has 31 days)",
      "expect[0].date: June 2024 has 30 days: the last is 2024-06-30",
    ]);
  });

  it("collects the cross-field rules too: dates, days, until, expectations", () => {
    const e = problems(
      [
        "name: N",
        "until: 10",
        "events:",
        "  - { day: 0, date: 2024-01-01, type: note, text: x }",
        "  - { type: note, text: y }",
        "  - { day: 20, type: note, text: late }",
        "  - { date: 2200-01-01, type: note, text: far }",
        "expect:",
        "  - { day: 30, status: active }",
        "  - { day: 1 }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      "4:5 events[0]: the event gives both day and date",
      "5:5 events[1]: the event has no day",
      "6:5 events[2]: the event is after the last simulated day",
      "7:13 events[3].date: the event is too far after the start",
      "9:5 expect[0]: the expectation is after the last simulated day",
      "10:5 expect[1]: the expectation checks nothing",
    ]);
  });

  it("reports the cross-field problems beside the schema's, on the events and expectations it accepted", () => {
    const e = problems(
      [
        "name: N",
        "until: 50",
        "bogus: 1",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 5000 }",
        "  - { day: 3, type: purchase, amount: -5 }",
        "  - { date: 2024-02-30, type: note, text: x }",
        "  - { day: 60, type: note, text: y }",
        "expect:",
        "  - { day: 60, status: active }",
        "  - { day: 1, end: true }",
        "  - { day: 1, score: 5000 }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      '3:1 bogus: unknown field "bogus"',
      "6:39 events[1].amount: value out of range",
      "7:13 events[2].date: not a calendar date",
      "8:5 events[3]: the event is after the last simulated day",
      "10:5 expect[0]: the expectation is after the last simulated day",
      "11:5 expect[1]: the expectation gives both `end: true` and a day",
      "11:5 expect[1]: the expectation checks nothing",
      "12:22 expect[2].score: value out of range",
    ]);
    // a wrong `until` is what every day is checked against: those checks wait for its fix
    const wrongUntil = problems(
      ["name: N", "until: -1", "events:", "  - { date: 2024-02-30, type: note, text: x }", ""].join("\n"),
    );
    expect(heads(wrongUntil)).toEqual(["2:8 until: value out of range"]);
  });

  it("a bad policy file named by an event hides none of the scenario's own problems", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-badpol-"));
    try {
      writeFileSync(join(dir, "badpol.yaml"), "name: badpol\nminScore: 2000\n");
      const file = join(dir, "r.yaml");
      const e = problems(
        [
          "name: r",
          "until: 50",
          "policy: tightend",
          "events:",
          "  - { day: 60, type: note, text: late }",
          "  - { day: 4, type: policy, use: badpol.yaml }",
          "",
        ].join("\n"),
        file,
      );
      // the scenario's first, in its line order, then the policy file's
      expect(e.problems.map((p) => [p.details.file === file ? "r" : "badpol", p.details.line])).toEqual([
        ["r", 3],
        ["r", 5],
        ["badpol", 2],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a bad --policy hides none of the scenario's own problems", () => {
    // the override was resolved before the days were checked, and its problem thrown alone: `run r.yaml
    // --policy nosuch` said the policy, and the event after `until` waited for the next run
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-badpol-"));
    try {
      writeFileSync(join(dir, "badpol.yaml"), "name: badpol\nminScore: 2000\n");
      const file = join(dir, "r.yaml");
      const text = [
        "name: r",
        "until: 50",
        "events:",
        "  - { day: 60, type: note, text: late }",
        "  - { date: 2024-02-30, type: note, text: no such day }",
        "  - { day: 4, type: purchase, amount: -5 }",
        "",
      ].join("\n");
      for (const [policy, last] of [
        ["nosuch", "--policy: unknown policy"],
        [join(dir, "badpol.yaml"), "minScore: value out of range"],
      ] as const) {
        const e = inputErrorOf(() => loadScenarioText(text, file, { policy }));
        const said = e.problems.map((p) => `${p.details.field}: ${p.message}`);
        // the file's own, in its line order (the schema's and the days' alike), then the policy's
        expect(said.slice(0, -1)).toEqual([
          "events[0]: the event is after the last simulated day",
          "events[1].date: not a calendar date",
          "events[2].amount: value out of range",
        ]);
        expect(said.at(-1)).toMatch(new RegExp(`^${last}`));
      }
      // the schema's problems aside, the days' are still said
      const valid = text.replace("amount: -5", "amount: 5");
      const e = inputErrorOf(() => loadScenarioText(valid, file, { policy: "nosuch" }));
      expect(e.problems.map((p) => p.details.field)).toEqual(["events[0]", "events[1].date", "--policy"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an event of an unknown type hides none of its other problems", () => {
    const e = problems(
      [
        "name: t",
        "start: 2024-01-10",
        "events:",
        "  - { day: -1, type: purchse, amount: -5 }",
        "  - { day: 2, type: repya, amount: ful, colour: red }",
        "  - { day: 2.5, type: xyzzy, amount: -3 }",
        "  - { date: 2024-02-30, type: aply, product: open, amount: 100 }",
        "  - { date: 2024-01-02, type: notte, text: x }",
        "  - { day: 1, date: 2024-01-12, type: xyzzy }",
        "  - { type: purchse, amount: 5 }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      // checked as the type it most likely means (the did-you-mean) would check them
      "4:22 events[0].type: unknown event type",
      "4:12 events[0].day: value out of range",
      "4:39 events[0].amount: value out of range",
      "5:21 events[1].type: unknown event type",
      "5:36 events[1].amount: invalid value",
      '5:41 events[1].colour: unknown field "colour"',
      // nothing near the type: each field as every type that has it would check it
      "6:23 events[2].type: unknown event type",
      "6:12 events[2].day: wrong type",
      "6:38 events[2].amount: value out of range",
      // its day or date against the calendar and the scenario, as any event's
      "7:31 events[3].type: unknown event type",
      "7:13 events[3].date: not a calendar date",
      "8:31 events[4].type: unknown event type",
      "8:13 events[4].date: the event is before the scenario starts",
      "9:39 events[5].type: unknown event type",
      "9:5 events[5]: the event gives both day and date",
      "10:13 events[6].type: unknown event type",
      "10:5 events[6]: the event has no day",
    ]);
    // the hints are those of the type meant: a repayment's amount, a repayment's fields
    expect(e.problems[4]!.details.hint).toBe('did you mean "full"?');
    expect(e.problems[5]!.details.expected).toBe("one of type, day, date, line, amount");
    expect(e.problems[2]!.details.hint).toMatch(/^amounts are positive yuan/);
  });

  it("debt elsewhere written negative is told the event that repays it, not a repayment of a line", () => {
    // `external_debt` at −20,000 was told 'a repayment is its own event type (repay)': repay pays a line
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 1, type: external_debt, amount: -20000 }",
        "  - { day: 2, type: external_repayment, amount: -5 }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      "3:44 events[0].amount: value out of range",
      "4:49 events[1].amount: value out of range",
    ]);
    expect(e.problems[0]!.details.hint).toBe(
      "debt elsewhere is a positive amount of yuan; paying it down is its own event type (external_repayment)",
    );
    expect(e.problems[1]!.details.hint).toBe("debt repaid elsewhere is a positive amount of yuan");
  });

  it("an event of a type nothing like a known one: what every type would refuse, and only that", () => {
    const e = problems(
      [
        "name: t",
        "events:",
        "  - { day: 1, type: xyzzy, amount: -3, line: jiebai, colour: red, amout: 5, text: 7 }",
        // a repayment's keyword, a purchase's merchant: some type takes each, so neither is a problem
        "  - { day: 2, type: xyzzy, amount: full, merchant: shop }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      "3:21 events[0].type: unknown event type",
      "3:36 events[0].amount: value out of range",
      "3:46 events[0].line: invalid value",
      '3:54 events[0].colour: unknown field "colour"',
      '3:67 events[0].amout: unknown field "amout"',
      "3:83 events[0].text: wrong type",
      "4:21 events[1].type: unknown event type",
    ]);
    const [, amount, line, colour, amout] = e.problems;
    expect(amount!.details.hint).toMatch(/^amounts are positive yuan/);
    expect(line!.details.hint).toBe('did you mean "jiebei"?');
    // every event type's fields, the list a field of any type is drawn from
    expect(colour!.details.expected).toMatch(
      /^one of type, day, date, line, product, amount, merchant,.* text$/,
    );
    expect(colour!.details.hint).toBe("remove it");
    expect(amout!.details.hint).toBe('did you mean "amount"?');
  });

  it("an expectation's date is checked though another of its fields is wrong", () => {
    const e = problems(
      ["name: t", "events: []", "expect:", "  - { date: 2024-02-31, status: activ }", ""].join("\n"),
    );
    expect(heads(e)).toEqual([
      "4:13 expect[0].date: not a calendar date",
      "4:33 expect[0].status: invalid value",
    ]);
  });

  it("a policy file's own problems hide neither a wrong `extends` nor the problems of the one it extends", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-badext-"));
    try {
      writeFileSync(join(dir, "base.yaml"), "name: base\nextends: defualt\nminScore: 9999\n");
      writeFileSync(join(dir, "mine.yaml"), "name: mine\nextends: base.yaml\ngraceDayz: 3\n");
      const file = join(dir, "s.yaml");
      const e = problems("name: s\npolicy: mine.yaml\nevents: []\n", file);
      // each file's in its line order, files in the order they are named
      expect(
        e.problems.map((p) => `${p.details.file?.slice(dir.length + 1)}:${p.details.line} ${p.message}`),
      ).toEqual([
        'mine.yaml:3 unknown field "graceDayz"',
        'base.yaml:2 unknown policy "defualt"',
        "base.yaml:3 value out of range",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a list of the wrong type stands empty: the other list's cross-field problems are still said", () => {
    const e = problems(
      [
        "name: m",
        "until: 50",
        "events:",
        "  - { day: 60, type: note, text: late }",
        "expect: { day: 1, status: active }",
        "",
      ].join("\n"),
    );
    expect(heads(e)).toEqual([
      "4:5 events[0]: the event is after the last simulated day",
      "5:9 expect: wrong type",
    ]);
  });

  it("an empty name or policy is one problem, said as empty", () => {
    const e = problems(['name: ""', 'policy: ""', "events: []", ""].join("\n"));
    expect(heads(e)).toEqual(["1:7 name: empty", "2:9 policy: empty"]);
    expect(e.problems[1]!.details.expected).toBe("at least one character");
  });

  it("keeps a --until override cutting the run short", () => {
    const text = "name: cut\nevents:\n  - { day: 20, type: note, text: late }\n";
    expect(loadScenarioText(text, "cut.yaml", { until: 10 }).scenario.until).toBe(10);
  });

  it("refuses three decimals and numbers that cannot be shown, everywhere", () => {
    const cases: Array<[string, string]> = [
      ["profile: { monthlyIncome: 1000.001 }\nevents: []", "profile.monthlyIncome"],
      ["profile: { externalDebt: 0.005 }\nevents: []", "profile.externalDebt"],
      ["events: [{ day: 1, type: income, monthlyIncome: 9.999 }]", "events[0].monthlyIncome"],
      ["events: []\nexpect: [{ day: 0, limit: 100.001 }]", "expect[0].limit"],
      ["events: []\nexpect: [{ day: 0, balance: { max: 0.001 } }]", "expect[0].balance.max"],
      ["events: []\nexpect: [{ day: 0, limit: 1e308 }]", "expect[0].limit"],
      ["events: []\nexpect: [{ day: 0, score: 1e300 }]", "expect[0].score"],
      [
        "events: [{ day: 1, type: policy, set: { limitBands: [{ minScore: 600, maxLimit: 5000.555 }] } }]",
        "events[0].set.limitBands[0].maxLimit",
      ],
    ];
    for (const [body, field] of cases) {
      expect(problems(`name: n\n${body}\n`).details.field, body).toBe(field);
    }
  });

  it("a date beyond the horizon is refused like a day beyond it, and so is a run past 9999", () => {
    expect(problems("name: d\nevents: [{ date: 2124-01-02, type: note, text: x }]\n").message).toMatch(
      /too far after the start/,
    );
    expect(problems("name: d\nstart: 9999-06-01\nuntil: 400\nevents: []\n").message).toMatch(
      /past the year 9999/,
    );
  });
});

describe("the scenario seed", () => {
  it("loads with a one-line deprecation warning and changes nothing", () => {
    const withSeed = loadScenarioText("name: s\nseed: 42\nevents: []\n", "s.yaml");
    expect(withSeed.warnings).toEqual([expect.stringMatching(/^s\.yaml:2:1: seed: deprecated and ignored/)]);
    expect(withSeed.warnings![0]).not.toContain("\n");
    expect(loadScenarioText("name: s\nevents: []\n", "s.yaml").warnings).toEqual([]);
  });
});

describe("persona files", () => {
  const dir = mkdtempSync(join(tmpdir(), "credit-sim-persona-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("get every problem at once with did you mean for their keys", () => {
    const file = join(dir, "p.yaml");
    writeFileSync(file, "");
    try {
      loadPersonaText("name: p\nshare: 1\nspendng: {}\nrepaymnt: {}\n", file);
      throw new Error("loaded");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const hints = e.problems.map((p) => p.details.hint);
      expect(hints).toEqual(
        expect.arrayContaining(['did you mean "spending"?', 'did you mean "repayment"?']),
      );
    }
  });
});

describe("a mapping of many unknown keys", () => {
  async function validated(text: string, onDescribe: () => void = () => {}): Promise<InputError> {
    const { parseText } = await import("../../src/scenario/parse.js");
    const { validate } = await import("../../src/scenario/validate.js");
    const { ScenarioSchema } = await import("../../src/scenario/schema.js");
    try {
      validate(ScenarioSchema, parseText(text, "many.yaml"), "many.yaml", {
        describe: () => {
          onDescribe();
          return undefined;
        },
      });
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error("validated");
  }
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join("");

  it("each key is placed at its line, integer-like keys (listed first by an object) written last too", async () => {
    const e = await validated(`name: x\nevents: []\n${keys(5)}9: 1\n`);
    expect(e.problems.map((p) => `${p.details.line}:${p.details.field}`)).toEqual([
      "3:k0",
      "4:k1",
      "5:k2",
      "6:k3",
      "7:k4",
      "8:9",
    ]);
  });

  it("describes only the keys it can report, the first in the file", async () => {
    let described = 0;
    const e = await validated(`name: x\nevents: []\n${keys(5000)}9: 1\n8: 1\n`, () => described++);
    expect(e.problems).toHaveLength(MAX_PROBLEMS);
    expect(e.truncated).toBe(true);
    expect(e.problems[0]!.details).toMatchObject({ line: 3, field: "k0" });
    expect(described).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
  });
});

// "found: a list of 2" named no value: a short list of numbers or words is shown; a long one, or one of
// mappings, is counted
describe("a list where a value belongs", () => {
  it("is shown when short and flat, counted otherwise", () => {
    const e = problems(
      [
        "name: Lists",
        "events:",
        "  - { day: 0, type: purchase, amount: [5, 3] }",
        "  - { day: 1, type: purchase, amount: [1, 2, 3, 4, 5, 6, 7, 8, 9] }",
        "  - { day: 2, type: purchase, amount: [{ a: 1 }] }",
        // an empty one is said so ("a list of 0" read as a list holding a 0)
        "  - { day: 3, type: purchase, amount: [] }",
        "",
      ].join("\n"),
    );
    expect(e.problems.map((p) => `${p.details.field}: ${p.details.found}`)).toEqual([
      "events[0].amount: [5, 3]",
      "events[1].amount: a list of 9",
      "events[2].amount: a list of 1",
      "events[3].amount: an empty list",
    ]);
  });
});
