// Stories of a thirteenth round, a credit-risk reviewer's (test/fixtures/scenarios and the bundled
// scenarios): what a lender signs off on — a year of Huabei and a year of Jiebei charged to the fen at the
// sourced rates by ledgers of their own, every score change traced to the characteristics that moved, a
// customer who behaves strictly better never ending worse off (nor getting round the increase rules by
// closing a line and opening it again), and customer service's advice followed to the letter coming true
// on the day it names.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Step, Trace } from "../src/engine/index.js";
import { CHARACTERISTICS, SCORE_MAX, SCORE_MIN, score } from "../src/engine/scorecard.js";
import { runScenario } from "../src/run-scenario.js";
import { ROOT } from "./helpers/cli.js";
import { at, fixture, lastStep, passing, twin, twinOf, worseOff } from "./helpers/stories.js";

const bundled = (name: string) => join(ROOT, "scenarios", name);
const remedy = (s: Step, kind: string) => s.remedies.find((r) => r.kind === kind);

const suspensions = (t: Trace) => t.steps.filter((s) => s.decision === "suspended").length;

describe("stories of a thirteenth round (test/fixtures/scenarios)", () => {
  it("a year revolving at its minimum beside a 6-instalment plan, one minimum four days late: every fen charged is the sourced rate on the principal owed", () => {
    const trace = passing("a-year-revolving-to-the-fen.yaml");
    const { steps } = trace;
    // balance = purchases − repayments + charges at every step; the plan's fee 4.5 % of ¥3,600 in six ¥27s
    for (const s of steps) expect(s.balance).toBe(s.purchases - s.repayments + s.charges - s.waived);
    expect(trace.final.fees).toBe(6 * 2_700);
    // An independent ledger: the ¥10,000 revolves from the day after its due day (day 41) at 0.05 % a day,
    // kept to a thousandth of a fen; each minimum is the instalment and its fee, the charges stated, and
    // 10 % of the principal (rounded up); a repayment pays the instalment, then every charge accrued to
    // that day, then principal. The June minimum is paid late: the whole bill is overdue and paid at once,
    // its ¥600 instalment bearing the 0.05 % penalty too, days 162–167 (the revolving part bears the same rate).
    const late = 168;
    const statements = [31, 60, 91, 121, 152, 182];
    // the file's repayments while anything is owed (the plan's last instalment is repaid on day 189)
    const repayDays = [38, 67, 98, 128, late, 189];
    let principal = 0;
    let accrued = 0; // thousandths of a fen, charged and not yet repaid
    let charged = 0; // thousandths of a fen, all charged
    let minimum = 0;
    const repaid: number[] = [];
    for (let day = 0; day <= 380; day++) {
      if (statements.includes(day)) {
        if (day === 31) principal = 1_000_000;
        minimum = 62_700 + Math.floor(accrued / 1000) + Math.ceil(principal / 10);
      }
      if (repayDays.includes(day)) {
        const amount = day === late ? 62_700 + Math.floor(accrued / 1000) + principal : minimum;
        const toPrincipal = amount - 62_700 - Math.floor(accrued / 1000);
        repaid.push(amount);
        accrued -= Math.floor(accrued / 1000) * 1000;
        principal -= toPrincipal;
      }
      const bearing = principal + (day >= 162 && day < late ? 60_000 : 0);
      if (day >= 41 && bearing > 0) {
        accrued += bearing / 2;
        charged += bearing / 2;
      }
    }
    expect(steps.filter((s) => s.event.type === "repay" && s.applied > 0).map((s) => s.applied)).toEqual(
      repaid,
    );
    expect(principal).toBe(0);
    // ¥487.79 of interest and penalty, ¥162.00 of fees: ¥649.79, to the fen
    expect(Math.floor(charged / 1000)).toBe(48_779);
    expect(trace.final.charges).toBe(48_779 + 16_200);
    expect(trace.final).toMatchObject({ balance: 0, repayments: 1_360_000 + 64_979 });
  });

  it("a Jiebei year to the fen: each instalment the principal left over the instalments left and its days' interest; two days late in grace costs the late ¥1,000 those days, seven days late its due day's interest and six days' penalty", () => {
    const trace = passing("a-jiebei-year-to-the-fen.yaml");
    const { steps } = trace;
    // due on the 11th, from 11 February 2024; ¥1,000 of principal each, and 0.04 % a day on what is owed
    const dueDates = Array.from({ length: 13 }, (_, k) => Date.UTC(2024, k, 11));
    const days = (k: number) => (dueDates[k + 1]! - dueDates[k]!) / 86_400_000;
    const interest = (k: number) => Math.round(days(k) * (1_200_000 - 100_000 * k) * 0.0004);
    const instalments = Array.from({ length: 12 }, (_, k) => 100_000 + interest(k));
    // the fifth paid on the 13th, in its grace: its ¥1,000 bears the two days more, billed with the sixth
    instalments[5]! += 2 * 40;
    // the eighth paid on 18 September: its due day's interest, then 0.06 % a day for the six days after it
    const late = 40 + 6 * 60;
    const due = steps.filter((s) => s.event.type === "due" && s.line === "jiebei");
    const asked = due.map((s) => (s.event as { due: number }).due);
    // the ninth was paid ahead with the eighth's arrears (due within the month): no due notice of its own
    expect(asked).toEqual([...instalments.slice(0, 8), ...instalments.slice(9)]);
    const repaid = steps.filter((s) => s.line === "jiebei" && s.event.type === "repay").map((s) => s.applied);
    expect(repaid[7]).toBe(instalments[7]! + late + instalments[8]!);
    expect(trace.final.jiebei.charges).toBe(instalments.reduce((a, x) => a + x, 0) - 1_200_000 + late);
    expect(trace.final.jiebei).toMatchObject({ balance: 0, repayments: 1_200_000 + 95_440 });
  });

  it("every score change in every story is the characteristics that moved: their points add up to it, but for what the 350 floor absorbs", () => {
    const files = [
      ...readdirSync(join(ROOT, "scenarios"))
        .filter((f) => f.endsWith(".yaml"))
        .map(bundled),
      ...readdirSync(join(ROOT, "test/fixtures/scenarios"))
        .filter((f) => f.endsWith(".yaml"))
        .map(fixture),
    ];
    expect(files.length).toBeGreaterThan(70);
    let floored = 0;
    for (const file of files) {
      const { steps } = runScenario(file).trace;
      let before: number | null = null;
      for (const s of steps) {
        const { points } = score(s.inputs);
        const raw = SCORE_MIN + points.reduce((a, p) => a + p, 0);
        expect(s.score, `${file} day ${s.day}`).toBe(Math.min(SCORE_MAX, Math.max(SCORE_MIN, raw)));
        // each move names a characteristic's points before and after the step
        for (const m of s.moves) {
          const i = CHARACTERISTICS.findIndex((c) => c.id === m.characteristic);
          expect(m.to, `${file} day ${s.day} ${m.characteristic}`).toBe(points[i]);
        }
        const moved = s.moves.reduce((a, m) => a + m.to - m.from, 0);
        if (before !== null) {
          expect(moved, `${file} day ${s.day} ${s.event.type}`).toBe(raw - before);
          if (s.scoreDelta !== moved) floored++;
        }
        // a decision gives at most four principal reasons
        if (s.decision === "declined" || s.decision === "suspended")
          expect(s.reasons.length).toBeLessThanOrEqual(4);
        before = raw;
      }
    }
    // the steps whose moves the floor absorbs: the charge-off stories', where the score sits at 350
    expect(floored).toBeGreaterThan(0);
  });

  it("a Jiebei loan repaid in full in its third month: never a lower score, a lower limit or a line less active than the twin who pays it to term", () => {
    const name = "jiebei-loan-repaid-early.yaml";
    const toTerm = passing(name);
    const early = twin(name, [
      "  - { day: 107, type: repay, line: jiebei, amount: minimum }",
      "  - { day: 107, type: repay, line: jiebei, amount: full }",
    ]);
    expect(lastStep(early, 107).jiebei.balance).toBe(0);
    expect(worseOff(early, toTerm)).toEqual([]);
    // and it cost less: a month's interest on ¥6,667 instead of five months' on a falling balance
    expect(early.final.jiebei.charges).toBeLessThan(toTerm.final.jiebei.charges);
    expect(at(early.steps, "apply", 241, "jiebei")).toMatchObject({
      decision: "approved",
      jiebei: { limit: 3_000_000 },
    });
  });

  it("a phone paid in full against twelve instalments: never a lower score and ¥528 of fees saved; a year on, only the line still in use is raised, the other closed as unused — and opened again, it comes back no larger", () => {
    const name = "phone-in-twelve-instalments.yaml";
    const notes = Array.from(
      { length: 41 },
      (_, i) => `  - { day: ${i * 10 + 1}, type: note, text: a look }`,
    );
    const looked = (...edits: ReadonlyArray<readonly [string, string]>) =>
      twin(name, ["events:\n", `events:\n${notes.join("\n")}\n`], ...edits);
    const instalments = looked();
    const inFull = looked([", instalments: 12", ""]);
    expect([inFull.final.fees, instalments.final.fees]).toEqual([0, 12 * 4_400]);
    // owing less, she never scores lower, and is given as much until her line has gone unused 180 days
    expect(worseOff(inFull, instalments).filter((d) => !d.endsWith("limit"))).toEqual([]);
    expect(worseOff(inFull, instalments).map((d) => Number.parseInt(d, 10))).toEqual([380, 381, 391, 401]);
    // the increase a year on: refused for a line unused since its bill was repaid on day 38, not for
    // anything she owes or did; and the review closes it as dormant at 365 days, as its notice said
    const refused = at(inFull.steps, "apply", 380);
    expect(refused).toMatchObject({ decision: "declined", reasons: ["LINE_NOT_IN_USE"] });
    expect(inFull.steps.find((s) => s.reasons.includes("DORMANT_NOTICE"))!.day).toBe(373);
    expect(at(inFull.steps, "review", 411)).toMatchObject({
      decision: "closed",
      status: "closed",
      cause: "dormant",
    });
    expect(at(instalments.steps, "apply", 380)).toMatchObject({ decision: "approved", limit: 1_800_000 });
    // and no way round: closed by herself the next day, or by the lender as dormant, the line opened again
    // comes back at the ¥13,000 it had — still unused, it is refused the increase a reopening above it is
    const reopened = (...events: string[]) =>
      at(
        looked(
          [", instalments: 12", ""],
          ["until: 420", "until: 430"],
          [
            "  - { day: 380, type: apply, product: increase, amount: 5000 }\n",
            `  - { day: 380, type: apply, product: increase, amount: 5000 }\n${events.join("\n")}\n`,
          ],
        ).steps,
        "apply",
        Number(events.at(-1)!.match(/day: (\d+)/)![1]),
      );
    for (const s of [
      reopened(
        "  - { day: 381, type: close }",
        "  - { day: 382, type: apply, product: open, amount: 20000 }",
      ),
      reopened("  - { day: 413, type: apply, product: open, amount: 20000 }"),
    ]) {
      expect(s).toMatchObject({ decision: "approved_lower", limit: 1_300_000 });
      expect(s.reasons).toContain("LINE_NOT_IN_USE");
    }
  });

  it("a decline's first reason is its cause: the increase refused for a Huabei unused 204 days is granted once the line has been used; Zhang Ming, his bill paid before the review, is not suspended", () => {
    const name = "jiebei-loan-repaid-early.yaml";
    const declined = at(passing(name).steps, "apply", 240);
    expect(declined).toMatchObject({ decision: "declined", reasons: ["LINE_NOT_IN_USE"] });
    const used = twin(name, [
      "  - { day: 229, type: repay, line: jiebei, amount: minimum }\n",
      "  - { day: 229, type: repay, line: jiebei, amount: minimum }\n  - { day: 230, type: purchase, amount: 300, merchant: Hema }\n",
    ]);
    expect(at(used.steps, "apply", 240)).toMatchObject({ decision: "approved", limit: 1_500_000 });
    // Zhang Ming's suspension, PAST_DUE_AT_REVIEW first: the August bill paid the day before the review,
    // four days late, and the review keeps the line — the missed due date still on his record
    const zm = bundled("zhang-ming.yaml");
    const paidBefore = twinOf(zm, [
      "{ day: 229, type: repay, amount: full }",
      "{ day: 226, type: repay, amount: full }",
    ]);
    expect(at(runScenario(zm).trace.steps, "review", 227).reasons[0]).toBe("PAST_DUE_AT_REVIEW");
    expect(suspensions(paidBefore)).toBe(0);
    expect(lastStep(paidBefore, 227)).toMatchObject({
      status: "active",
      limit: 800_000,
      inputs: { missedDues12m: 2 },
    });
  });

  it("Zhang Ming and the twins who behave strictly better — pays the August bill four days sooner, earns ¥9,000, owes ¥10,000 less elsewhere: none ends a day lower or more suspended", () => {
    const zm = bundled("zhang-ming.yaml");
    const him = runScenario(zm).trace;
    const twins = {
      sooner: twinOf(zm, [
        "{ day: 229, type: repay, amount: full }",
        "{ day: 225, type: repay, amount: full }",
      ]),
      earns: twinOf(zm, ["monthlyIncome: 8000", "monthlyIncome: 9000"]),
      owesLess: twinOf(zm, ["externalDebt: 20000", "externalDebt: 10000"]),
    };
    for (const t of Object.values(twins)) {
      expect(worseOff(t, him)).toEqual([]);
      expect(suspensions(t)).toBeLessThanOrEqual(suspensions(him));
    }
    // paid within the grace days the August bill is on time: never suspended, the limit never cut
    expect(suspensions(twins.sooner)).toBe(0);
    expect([twins.sooner.final.limit, him.final.limit]).toEqual([800_000, 300_000]);
  });

  it("the policy adjustment's twins (verifies ten days sooner, earns more, owes less elsewhere) and the security hold's (one change fewer, the address a month later, verified three days sooner): restored no later, held no longer, never lower", () => {
    const pa = bundled("policy-adjustment.yaml");
    const her = runScenario(pa).trace;
    for (const t of [
      twinOf(pa, ["{ day: 131, type: verify_identity }", "{ day: 121, type: verify_identity }"]),
      twinOf(pa, ["monthlyIncome: 6000", "monthlyIncome: 7000"]),
      twinOf(pa, ["externalDebt: 45000", "externalDebt: 30000"]),
    ]) {
      expect(worseOff(t, her)).toEqual([]);
      const restored = (x: Trace) => x.steps.find((s) => s.decision === "restored")!.day;
      expect(restored(t)).toBeLessThanOrEqual(restored(her));
    }
    const sec = bundled("security-suspension.yaml");
    // the ¥3,000 the hold declined left out of every timeline: a twin not held would owe it, and owing
    // more is not behaving worse
    const declined = [
      "  - { day: 67, type: purchase, amount: 3000, merchant: Unknown electronics shop }\n",
      "",
    ] as const;
    const held = twinOf(sec, declined);
    const heldDays = (t: Trace) => t.steps.filter((s) => s.status === "suspended").map((s) => s.day);
    expect(heldDays(held)).toEqual([66, 68]);
    const twins = [
      twinOf(sec, declined, ["  - { day: 66, type: change_profile, field: device }\n", ""]),
      twinOf(sec, declined, [
        "{ day: 58, type: change_profile, field: address }",
        "{ day: 90, type: change_profile, field: address }",
      ]),
      twinOf(sec, declined, ["{ day: 70, type: verify_identity }", "{ day: 67, type: verify_identity }"]),
    ];
    for (const t of twins) {
      expect(worseOff(t, held)).toEqual([]);
      expect(heldDays(t).length).toBeLessThanOrEqual(heldDays(held).length);
    }
    expect(twins.map(heldDays)).toEqual([[], [], [66]]);
  });

  it("the debt cap tightened: suspended for the policy, the repayment elsewhere customer service names restores at the review it names, a fen less does not, and each yuan more repaid is a yuan more of limit", () => {
    const name = "debt-cap-tightened.yaml";
    const { steps } = passing(name);
    expect(remedy(at(steps, "contact_support", 110), "reduce_debt")).toMatchObject({
      repay: [{ debt: "elsewhere", amount: 330_000 }],
      income: 7_344,
      review: { day: 135 },
    });
    const repaying = (amount: string) =>
      twin(name, [
        "{ day: 110, type: external_repayment, amount: 3300 }",
        `{ day: 110, type: external_repayment, amount: ${amount} }`,
      ]);
    const restored = (t: Trace) =>
      t.steps.filter((s) => s.decision === "restored").map((s) => [s.day, s.limit]);
    expect(restored(repaying("3299.99"))).toEqual([]);
    // the line restored at what the cap leaves once it is used in full, ¥500 at the ¥3,300 named
    expect(restored(repaying("3300"))).toEqual([[135, 50_000]]);
    expect(restored(repaying("4000"))).toEqual([[135, 120_000]]);
    expect(restored(repaying("7300"))).toEqual([[135, 450_000]]);
    expect(restored(repaying("10000"))).toEqual([[135, 500_000]]);
    // or the income it names instead, and not a yuan less
    const reporting = (income: number) =>
      twin(name, [
        "{ day: 110, type: external_repayment, amount: 3300 }",
        `{ day: 110, type: income, monthlyIncome: ${income} }`,
      ]);
    expect(restored(reporting(7_344))).toEqual([[135, 50_000]]);
    expect(restored(reporting(7_343))).toEqual([]);
  });

  it("customer service told the truth: four suspensions, the advice followed to the letter, each comes true on the day it names", () => {
    // security: 'verify your identity' — verified the day she is told, restored that day
    const sec = bundled("security-suspension.yaml");
    expect(remedy(at(runScenario(sec).trace.steps, "contact_support", 68), "verify_identity")).toBeDefined();
    const verified = twinOf(sec, [
      "{ day: 70, type: verify_identity }",
      "{ day: 68, type: verify_identity }",
    ]);
    expect(at(verified.steps, "verify_identity", 68)).toMatchObject({
      decision: "restored",
      status: "active",
    });
    // policy: 'verify, and an early review today restores' — both done on day 130, restored on day 130
    const pa = bundled("policy-adjustment.yaml");
    const told = remedy(at(runScenario(pa).trace.steps, "contact_support", 130), "wait_for_review");
    expect(told).toMatchObject({ day: 135, early: { day: 130, now: true } });
    const early = twinOf(pa, [
      "  - { day: 131, type: verify_identity }",
      "  - { day: 130, type: verify_identity }\n  - { day: 130, type: request_review }",
    ]);
    expect(at(early.steps, "request_review", 130)).toMatchObject({ decision: "restored", status: "active" });
    // credit: Zhang Ming, his limit cut to ¥3,000, is told an increase can be asked for on day 409
    const zm = bundled("zhang-ming.yaml");
    const cut = remedy(at(runScenario(zm).trace.steps, "contact_support", 262), "limit_cut");
    expect(cut).toMatchObject({ increase: { day: 409 } });
    const askedOn = (day: number) =>
      at(
        twinOf(
          zm,
          ["until: 400", "until: 420"],
          [
            "  - { day: 380, type: purchase, amount: 450, merchant: Hema }",
            `  - { day: 380, type: purchase, amount: 450, merchant: Hema }\n  - { day: ${day}, type: apply, product: increase, amount: 3000 }`,
          ],
        ).steps,
        "apply",
        day,
      );
    expect(askedOn(408).decision).toBe("declined");
    expect(askedOn(409)).toMatchObject({ decision: "approved", limit: 600_000 });
    // Jiebei in arrears: 'pay the overdue ¥1,054.80 now: unpaid at the end of day 193, both lines are
    // suspended' — paid then, neither is; left unpaid, both are, on day 193
    const name = "late-on-jiebei-only.yaml";
    const warned = remedy(at(passing(name).steps, "contact_support", 172), "pay_overdue");
    expect(warned).toMatchObject({ amount: 105_480, by: { day: 193, what: "suspension" } });
    const repaying = (repay: string) =>
      twin(
        name,
        ["  - { day: 175, type: repay, line: jiebei, amount: statement }", repay],
        ...[
          "  - { day: 176, type: purchase, amount: 400, merchant: Hema }\n",
          "  - { day: 186, type: repay, amount: full }\n",
          "  - { day: 190, type: apply, product: increase, amount: 3000 }\n",
          "  - { day: 191, type: borrow, amount: 1000, term: 3 }\n",
          "  - { day: 220, type: repay, line: jiebei, amount: statement }\n",
          "  - { day: 250, type: repay, line: jiebei, amount: statement }\n",
        ].map((line) => [line, ""] as const),
      );
    const paid = repaying("  - { day: 172, type: repay, line: jiebei, amount: 1054.80 }");
    expect(lastStep(paid, 172).jiebei.overdue).toBe(0);
    expect(paid.steps.filter((s) => s.day <= 222 && s.decision === "suspended")).toEqual([]);
    const unpaid = repaying("");
    expect(unpaid.steps.filter((s) => s.decision === "suspended").map((s) => [s.day, s.line])).toEqual([
      [193, "huabei"],
      [193, "jiebei"],
    ]);
  });
});
