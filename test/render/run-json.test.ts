// `run --json`: step records, then an `end` record that says what the printed summary says; `--explain`
// adds the scorecard and the reasons' values to each deciding step.

import { readdirSync } from "node:fs";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { CHARACTERISTICS, simulate } from "../../src/engine/index.js";
import { runNdjson } from "../../src/render/run-json.js";
import { renderTrace } from "../../src/render/trace.js";
import { describeFact, factInYuan } from "../../src/scenario/format.js";
import { loadScenario } from "../../src/scenario/load.js";
import { scenario as build, DEFAULT_POLICY, on, testPolicy } from "../engine/builders.js";
import { ROOT } from "../helpers/cli.js";
import { countingDayReads, countingReads } from "../helpers/counted-days.js";

const { scenario } = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`);
const trace = simulate(scenario);
const records = (explain: boolean) =>
  runNdjson(scenario, trace, { explain })
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("run --json", () => {
  it("a fact whose value was asked for says so, in words and in JSON: not read as the line's own limit", () => {
    // ¥6,000 a month at a multiple of 1: a ¥6,000 cap; the line has ¥6,000 and ¥10,000 is asked
    const asked = build([on.open(0, 6_000), on.increase(100, 4_000), on.purchase(101, 7_000)], {
      policy: testPolicy({ maxLimitIncomeMultiple: 1 }),
      profile: { monthlyIncome: 6_000 },
    });
    const t = simulate(asked);
    const increase = t.steps.find((x) => x.event.type === "apply" && x.day === 100)!;
    expect(increase.reasons).toEqual(["LIMIT_AT_INCOME_CAP"]);
    expect(describeFact(increase.facts[0]!)).toBe(
      "¥10,000.00 asked vs cap ¥6,000.00 by maxLimitIncomeMultiple",
    );
    const purchase = t.steps.find((x) => x.event.type === "purchase")!;
    expect(describeFact(purchase.facts[0]!)).toBe("¥7,000.00 asked vs available ¥6,000.00");
    const json = runNdjson(asked, t, { explain: false })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { day: number; facts?: unknown[] });
    expect(json.find((r) => r.day === 100)!.facts).toEqual([
      {
        code: "LIMIT_AT_INCOME_CAP",
        parameter: "maxLimitIncomeMultiple",
        threshold: 6000,
        value: 10000,
        asked: true,
      },
    ]);
    // a cut's value is the line's own limit: no "asked"
    expect(
      describeFact({
        code: "INCOME_BELOW_LIMIT",
        parameter: "maxLimitIncomeMultiple",
        threshold: 1,
        value: 2,
      }),
    ).not.toContain("asked");
  });

  it("ends with an `end` record that matches the printed summary", () => {
    const all = records(false);
    expect(all.slice(0, -1).every((r) => r.record === "step")).toBe(true);
    expect(all).toHaveLength(trace.steps.length + 1);
    const end = all.at(-1)! as {
      record: string;
      day: number;
      score: number;
      band: string;
      decisions: Record<string, number>;
      status: string;
      limit: number;
      balance: number;
      charges: number;
      jiebei: unknown;
      events: Array<{ kind: string; day: number; date: string; afterDays: number | null }>;
      grid: { huabei?: string };
    };
    expect(end).toMatchObject({ record: "end", scenario: "Zhang Ming", day: 400, jiebei: null });
    const summary = renderTrace(scenario, trace, {
      chalk: new Chalk({ level: 0 }),
      explain: false,
      chart: false,
    }).split("Summary\n")[1]!;
    const decisions = Object.entries(end.decisions)
      .map(([d, n]) => `${n} ${d}`)
      .join(", ");
    expect(summary).toContain(`decisions: ${decisions}`);
    const yuan = (n: number) => `¥${n.toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    const h = end;
    expect(summary).toContain(`end (day 400): score ${end.score} (${end.band})`);
    expect(summary).toContain(
      `line: ${h.status}, limit ${yuan(h.limit)}, balance ${yuan(h.balance)}, charges paid or owed ${yuan(h.charges)}`,
    );
    for (const ev of end.events.filter((x) => x.kind === "suspended"))
      expect(summary).toContain(`suspended on day ${ev.day} (${ev.date})`);
    for (const ev of end.events.filter((x) => x.kind === "restored"))
      expect(summary).toContain(`restored on day ${ev.day} (${ev.date}) after ${ev.afterDays} days`);
    expect(summary).toContain(`: ${end.grid.huabei}\n`);
  });

  it("says of each suspension what the printed summary says: its cause, beneath a security hold, or the same suspension for a new cause", () => {
    // a ¥3,000 bill unpaid (due day 40), bound details changed three times on days 50–52: the security hold;
    // at 30 days past due (day 70) a suspension for credit beneath it; repaid on day 80, verified on day 85:
    // the hold lifted, the line still suspended, now for credit (its clean period)
    const story = build(
      [
        on.open(0, 5_000),
        on.purchase(5, 3_000),
        on.change(50, "phone"),
        on.change(51, "device"),
        on.change(52, "address"),
        on.repay(80, "full"),
        on.verify(85),
      ],
      { policy: testPolicy({ restoreCleanDays: 90 }), until: 100 },
    );
    const t = simulate(story);
    const json = runNdjson(story, t, { explain: false })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const steps = json.filter((r) => r.decision === "suspended");
    expect(steps.map((r) => [r.day, r.cause, r.beneath ?? null])).toEqual([
      [52, "security", null],
      [70, "security", "credit"],
      [85, "credit", null],
    ]);
    const end = json.at(-1) as { events: Array<Record<string, unknown>> };
    const suspensions = end.events.filter((e) => e.kind === "suspended");
    expect(suspensions.map((e) => [e.day, e.cause, e.beneath, e.still])).toEqual([
      [52, "security", false, false],
      [70, "credit", true, true],
      [85, "credit", false, true],
    ]);
    const summary = renderTrace(story, t, { chalk: new Chalk({ level: 0 }), explain: false, chart: false });
    expect(summary).toContain("suspended on day 52 (2024-02-22), cause security");
    expect(summary).toContain("suspended for credit beneath the security hold on day 70 (2024-03-11)");
    expect(summary).toContain("still suspended on day 85 (2024-03-26), now cause credit");
  });

  it("--explain adds the scorecard and the values behind each reason to deciding steps", () => {
    const suspended = records(true).find((r) => r.decision === "suspended")!;
    const card = suspended.scorecard as {
      score: number;
      factors: Array<{ characteristic: string; points: number; max: number }>;
    };
    expect(card.score).toBe(trace.steps.find((t) => t.decision === "suspended")!.score);
    expect(card.factors).toHaveLength(CHARACTERISTICS.length);
    const why = suspended.why as Array<{ code: string; because: string[] }>;
    expect(why[0]).toMatchObject({
      code: "PAST_DUE_AT_REVIEW",
      because: [expect.stringMatching(/^\d+ vs delinquentMinScore \d+$/)],
    });
    expect(records(false).find((r) => r.decision === "suspended")!.scorecard).toBeUndefined();
  });

  // each deciding step's place among its day's steps was counted over the whole trace again: a 5 MB file
  // of 81,000 increases on one day ran for over five minutes. The work is counted, not timed: how often
  // a step's day is read
  it("a day of many decisions costs each step its own work, each with its own reasons", {
    tags: ["slow"],
  }, () => {
    const many = build([on.open(0, 5_000), ...Array.from({ length: 3_000 }, () => on.increase(1, 1))], {
      until: 2,
    });
    const t = simulate(many);
    const { steps, reads: read } = countingDayReads(t.steps);
    const lines = runNdjson(many, { ...t, steps }, { explain: true })
      .trimEnd()
      .split("\n");
    expect(read()).toBeGreaterThan(0); // the count counts
    expect(read()).toBeLessThan(20 * steps.length);
    const decided = lines
      .map((l) => JSON.parse(l) as { day?: number; decision?: string | null; why?: unknown[] })
      .filter((r) => r.day === 1 && r.decision !== null && r.decision !== undefined);
    expect(decided).toHaveLength(3_000);
    expect(decided.every((r) => Array.isArray(r.why) && r.why.length > 0)).toBe(true);
  });

  // each day that decides was explained by filtering the whole trace for its steps (twice) and copying
  // it to look back, and by walking the events up to it for the policy in force: 100,000 steps over
  // 36,500 days ran for tens of minutes. Counted, not timed, as above
  it("many days that decide cost each day its own steps' work, not the whole trace's", {
    tags: ["slow"],
  }, () => {
    const days = build(
      [
        on.open(0, 5_000),
        ...Array.from({ length: 1_000 }, (_, i) => on.purchase(i + 1, 1)),
        on.policy(1_000, { set: { minScore: 500 } }),
      ],
      { until: 1_001 },
    );
    const t = simulate(days);
    const { steps, reads: read } = countingDayReads(t.steps);
    // the events' days counted too: the policy in force each day was found by walking them all up to it
    const { items: events, reads: eventReads } = countingReads(days.events, "day");
    const lines = runNdjson({ ...days, events }, { ...t, steps }, { explain: true })
      .trimEnd()
      .split("\n");
    expect(read()).toBeGreaterThan(0); // the count counts
    expect(read()).toBeLessThan(100 * steps.length);
    expect(eventReads()).toBeGreaterThan(0);
    expect(eventReads()).toBeLessThan(100 * events.length);
    const explained = lines
      .map((l) => JSON.parse(l) as { event?: string; why?: unknown[] })
      .filter((r) => r.event === "purchase");
    expect(explained).toHaveLength(1_000);
    expect(explained.every((r) => Array.isArray(r.why))).toBe(true);
  });
});

describe("run --json money", () => {
  const stepsOf = (file: string) => {
    const { scenario: s } = loadScenario(`${ROOT}scenarios/${file}`);
    return runNdjson(s, simulate(s), { explain: false })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it("each line carries what was waived beside its other totals, from the waiver on and in the end record", () => {
    // ¥3,000 over 3 months repaid on day 20 but a few yuan: the instalments left within the tolerance are
    // carried to the spare due day (131) and waived when its grace ends (day 135)
    const story = build(
      [on.open(0, 20_000, "jiebei"), on.borrow(10, 3_000, 3), on.repay(20, 3_006, "jiebei")],
      { policy: testPolicy({ toleranceAmount: 10 }), until: 170 },
    );
    const t = simulate(story);
    const waiver = t.steps.find((x) => x.event.type === "waiver")!;
    expect(waiver.day).toBe(135);
    const waived = t.final.jiebei.waived;
    expect(waived).toBeGreaterThan(0);
    type Line = { balance: number; waived: number };
    const json = runNdjson(story, t, { explain: false })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Line & { record: string; day: number; jiebei: Line });
    const steps = json.filter((r) => r.record === "step");
    expect(steps.every((r) => r.waived === 0)).toBe(true); // Huabei waives nothing
    expect(steps.map((r) => r.jiebei.waived)).toEqual(
      t.steps.map((x) => (x.day < waiver.day ? 0 : waived / 100)),
    );
    const end = json.at(-1)!;
    expect(end.record).toBe("end");
    expect(end.waived).toBe(0);
    expect(end.jiebei).toMatchObject({ balance: 0, waived: waived / 100 });
  });

  it("each line's record accounts for its balance: purchases − repayments + charges − waived, and available = limit − balance on an open Huabei line (Jiebei: less its principal owed)", () => {
    // every shipped story, every step record and the end record, both lines: a reader of the JSON alone can
    // check the ledger's identity (the engine's own is property-tested on fen; this holds what is printed)
    type Line = Record<
      "limit" | "balance" | "available" | "purchases" | "repayments" | "charges" | "waived",
      number
    >;
    const fen = (y: number) => Math.round(y * 100);
    let checked = 0;
    for (const file of readdirSync(`${ROOT}scenarios`).filter((f) => f.endsWith(".yaml"))) {
      const { scenario: s } = loadScenario(`${ROOT}scenarios/${file}`);
      const lines = runNdjson(s, simulate(s), { explain: false })
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Line & { record: string; jiebei: Line | null });
      for (const r of lines) {
        for (const l of [r, r.jiebei]) {
          if (l === null) continue; // the end record of a story without Jiebei
          expect(fen(l.balance), `${file}`).toBe(
            fen(l.purchases) - fen(l.repayments) + fen(l.charges) - fen(l.waived),
          );
          // what can be used: the limit less the balance on an open Huabei line (never below nothing), less
          // the principal owed on Jiebei — the balance less the charges unpaid, at most all charged —, none on
          // any line not open
          if ("available" in l) {
            const open = (l as Line & { status: string }).status === "active";
            const left = Math.max(0, fen(l.limit) - fen(l.balance));
            if (!open) expect(fen(l.available), file).toBe(0);
            else if (l === r) expect(fen(l.available), file).toBe(left);
            else {
              expect(fen(l.available), file).toBeGreaterThanOrEqual(left);
              expect(fen(l.available), file).toBeLessThanOrEqual(
                Math.max(0, fen(l.limit) - fen(l.balance) + fen(l.charges)),
              );
            }
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it("a rule's money facts are in yuan, as the step's own limit and balance are", () => {
    const suspended = records(false).find((r) => r.decision === "suspended")!;
    const cut = (suspended.facts as Array<{ code: string; value: number; threshold: number }>).find(
      (f) => f.code === "SCORE_BELOW_LIMIT_BAND",
    )!;
    // the cut took the limit from the fact's value to its threshold (the band's cap)
    expect(cut.threshold).toBe(suspended.limit);
    expect(cut.value).toBe(8000);
  });

  it("customer service's amounts are in yuan: the overdue to pay is the step's overdue", () => {
    const answer = stepsOf("default-charge-off.yaml").find((r) => r.event === "contact_support")!;
    const pay = (answer.remedies as Array<{ kind: string; amount?: number }>).find(
      (r) => r.kind === "pay_overdue",
    )!;
    expect(pay.amount).toBe(answer.overdue);
    const burden = stepsOf("financial-burden.yaml").find((r) => r.event === "contact_support")!;
    const debt = (
      burden.remedies as Array<{
        kind: string;
        over?: number;
        repay?: Array<{ debt: string; amount: number }>;
      }>
    ).find((r) => r.kind === "reduce_debt")!;
    // the text says "repay at least ¥20,778.60 of the debt elsewhere" (what her score needs, beyond the cap)
    expect(debt.over).toBe(20778.6);
    expect(debt.repay).toEqual([{ debt: "elsewhere", amount: 20778.6, all: false }]);
    // "from 2.25 to at most 2.00": the ratio as the text says it, two decimals rounded up — not the
    // 2.2447285714285714 the engine divides out
    expect(debt).toMatchObject({ ratio: 2.25, max: 2 });
  });
});

describe("run --json: the pay step's limit cuts", () => {
  it("are in yuan, as the step's own limit is", () => {
    // a suspended line 36 days past due: paid before the review on day 105, the score keeps its ¥8,000
    const missed = build(
      [
        on.open(0, 8_000),
        on.purchase(10, 5_000),
        on.repay(40, "minimum"),
        on.purchase(50, 2_000),
        on.support(105),
      ],
      {
        policy: DEFAULT_POLICY,
        profile: { age: 33, monthlyIncome: 10_000, creditHistoryMonths: 40, externalDebt: 30_000 },
        until: 106,
      },
    );
    const answer = runNdjson(missed, simulate(missed), { explain: false })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r.event === "contact_support")!;
    const pay = (answer.remedies as Array<{ kind: string }>).find((r) => r.kind === "pay_overdue");
    expect(pay).toMatchObject({ today: "review", cuts: [{ line: "huabei", from: 8000, to: 3000 }] });
  });
});

describe("NDJSON records stay one line each", () => {
  it("a name with U+2028 / U+2029 is escaped, so readers that split on Unicode line breaks see one record per line", () => {
    const named = { ...scenario, name: "Zhang\u2028Ming\u2029" };
    const text = runNdjson(named, simulate(named), { explain: false });
    expect(text).not.toMatch(/[\u2028\u2029]/);
    const lines = text.trimEnd().split(/\r\n|[\n\r\u2028\u2029]/);
    expect(lines).toHaveLength(trace.steps.length + 1);
    expect((JSON.parse(lines.at(-1)!) as { scenario: string }).scenario).toBe("Zhang\u2028Ming\u2029");
  });
});

describe("values JSON has no number for", () => {
  it("debt with no income is null with noIncome in a rule's fact, not a bare null that reads as no data yet", () => {
    // the ratio is Infinity: JSON.stringify wrote null, the same as a characteristic without a record
    const noIncome = build([on.open(0, 5_000)], { profile: { monthlyIncome: 0, externalDebt: 5_000 } });
    const lines = runNdjson(noIncome, simulate(noIncome), { explain: true })
      .trimEnd()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            facts?: Array<{ code: string; value?: number | null; noIncome?: true }>;
            scorecard?: { factors: Array<{ characteristic: string; value: unknown; noIncome?: true }> };
          },
      );
    const open = lines[0]!;
    expect(open.facts?.find((f) => f.code === "DEBT_TO_INCOME_TOO_HIGH")).toMatchObject({
      value: null,
      noIncome: true,
    });
    // the scorecard's ratio divides by at least SCORED_INCOME_FLOOR a month: a number (¥50 of ¥12,000 a year)
    const factors = open.scorecard?.factors ?? [];
    const scored = factors.find((f) => f.characteristic === "debtToIncome");
    expect(scored?.value).toBeCloseTo(5_000 / 1_200_000, 9);
    expect(scored?.noIncome).toBeUndefined();
    // a characteristic with no record yet stays a bare null
    expect(factors.find((f) => f.characteristic === "daysPastDueNow")?.noIncome).toBeUndefined();
  });

  it("a balance on a line with no limit is no share of it: said in words and null with noLimit, not 'Infinity %' or debt with no income", () => {
    // (customer service's way back to a cut limit judged a line played years ahead at no limit, owing ¥120)
    const fact = {
      code: "UTILISATION_TOO_HIGH" as const,
      parameter: "maxIncreaseUtilisation" as const,
      threshold: 0.9,
      value: Number.POSITIVE_INFINITY,
      amount: 12_000,
    };
    expect(describeFact(fact)).toBe("a balance on no limit vs maxIncreaseUtilisation 90 %");
    const json = JSON.parse(JSON.stringify(factInYuan(fact))) as Record<string, unknown>;
    expect(json).toMatchObject({ value: null, noLimit: true });
    expect(json.noIncome).toBeUndefined();
  });
});
