// A customer with no line whose application to open Jiebei was declined asks customer service why: the
// answer is about Jiebei's opening — what declines it and when it can be made — beside Huabei's, and
// following it, the engine does what it said.

import { describe, expect, it } from "vitest";
import type { Profile, Remedy } from "../../src/engine/types.js";
import { describeRemedy } from "../../src/scenario/format.js";
import { DEFAULT_POLICY, type EventInput, on, run, stepOn } from "./builders.js";

const opening = (remedies: readonly Remedy[], line: "huabei" | "jiebei") =>
  remedies.find((r) => r.kind === "open_line" && r.line === line);

/** Jiebei's opening, played forward on `story`: declined for the repayment record the day before `day`, and
 *  not on `day` — the day customer service named. */
function expectRecordFrom(story: readonly EventInput[], profile: Partial<Profile>, day: number): void {
  for (const [at, declined] of [
    [day - 1, true],
    [day, false],
  ] as const) {
    const t = run([...story, on.open(at, 1_000, "jiebei")], { policy: DEFAULT_POLICY, profile });
    expect(stepOn(t, "apply", at).reasons.includes("REPAYMENT_RECORD_REQUIRED"), `day ${at}`).toBe(declined);
  }
}

describe("customer service on a declined Jiebei opening, no line open", () => {
  it("too many applications: Jiebei's opening dated, and an application made on that day is approved", () => {
    // three applications elsewhere and the declined opening: 5 vs maxApplications30d 3 until day 31.
    // Told only of Huabei's opening, the customer asking about Jiebei heard nothing of Jiebei
    const asked = [
      on.externalInquiry(0),
      on.externalInquiry(1),
      on.externalInquiry(2),
      on.open(5, 5_000, "jiebei"),
    ];
    const s = stepOn(run([...asked, on.support(6)], { policy: DEFAULT_POLICY }), "contact_support", 6);
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({
      kind: "open_line",
      day: 31,
      date: "2024-02-01",
      now: false,
      blockers: [],
    });
    expect(describeRemedy(jiebei!)).toContain(
      "an application to open Jiebei (apply, product: open, line: jiebei) would be approved from 2024-02-01 (day 31)",
    );
    // the one asked about first; Huabei's still said
    expect(s.remedies.indexOf(jiebei!)).toBeLessThan(s.remedies.indexOf(opening(s.remedies, "huabei")!));
    for (const [day, decision] of [
      [30, "declined"],
      [31, "approved"],
    ] as const) {
      const t = run([...asked, on.open(day, 5_000, "jiebei")], { policy: DEFAULT_POLICY });
      expect(stepOn(t, "apply", day).decision, `applied on day ${day}`).toBe(decision);
    }
  });

  it("no repayment record: Jiebei's opening declined with its rule and what puts it right, Huabei's open today", () => {
    const profile = { creditHistoryMonths: 2 };
    const s = stepOn(
      run([on.open(5, 5_000, "jiebei"), on.support(6)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      6,
    );
    expect(s.reasons).toContain("REPAYMENT_RECORD_REQUIRED");
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({ now: true, blockers: [{ code: "REPAYMENT_RECORD_REQUIRED" }] });
    // in the words for a customer with no line: Huabei to open first
    const said = describeRemedy(jiebei!, []);
    expect(said).toContain(
      "an application to open Jiebei (apply, product: open, line: jiebei) would be declined today: cash loans need a repayment record",
    );
    expect(said).toContain(
      "open Huabei (apply, product: open), use it and repay it on time until the file holds six months of record",
    );
    expect(describeRemedy(opening(s.remedies, "huabei")!)).toContain("would be approved today");
    // the way it names: Huabei's opening, applied for the same day, is approved
    const t = run([on.open(5, 5_000, "jiebei"), on.open(6, 2_000)], { policy: DEFAULT_POLICY, profile });
    expect(stepOn(t, "apply", 6).decision).toMatch(/^approved/);
  });

  it("no repayment record: the day six months of it are on file, Huabei opened and used by the month end", () => {
    // two months elsewhere, four month ends of a line used to come: told only the reason's advice, the
    // customer had no date to apply again on
    const profile = { creditHistoryMonths: 2 };
    const s = stepOn(
      run([on.open(5, 5_000, "jiebei"), on.support(6)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      6,
    );
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({
      record: { day: 121, date: "2024-05-01", usedBy: 30, usedByDate: "2024-01-31" },
    });
    expect(describeRemedy(jiebei!, [])).toContain(
      "open Huabei (apply, product: open), use it and repay it on time until the file holds six months of record — opened and used by 2024-01-31 (day 30), the file holds six months of repayment record from 2024-05-01 (day 121), the month-end report before it counting the sixth (each bill met at its minimum)",
    );
    // played forward: Huabei opened and used today, repaid, the record rule declines Jiebei's opening the
    // day before and not on the day
    const story = [on.open(5, 5_000, "jiebei"), on.open(6, 2_000), on.purchase(6, 100), on.repay(7, 100)];
    expectRecordFrom(story, profile, 121);
  });

  it("no repayment record and too many applications: the record dated from the day Huabei can be opened", () => {
    // Huabei's opening, like Jiebei's, waits for day 31 (5 applications vs 3): used by the month end after
    // it, not the one after the call, which no opening can make
    const profile = { creditHistoryMonths: 2 };
    const asked = [
      on.externalInquiry(0),
      on.externalInquiry(1),
      on.externalInquiry(2),
      on.open(5, 5_000, "jiebei"),
    ];
    const s = stepOn(
      run([...asked, on.support(6)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      6,
    );
    expect(opening(s.remedies, "jiebei")).toMatchObject({
      day: 31,
      record: { day: 152, date: "2024-06-01", usedBy: 59, usedByDate: "2024-02-29" },
    });
    const story = [...asked, on.open(31, 2_000), on.purchase(31, 100), on.repay(32, 100)];
    expect(stepOn(run([...story], { policy: DEFAULT_POLICY, profile }), "apply", 31).decision).toMatch(
      /^approved/,
    );
    expectRecordFrom(story, profile, 152);
  });

  it("a Jiebei opening declined more than 30 days before is not the one asked about", () => {
    const profile = { creditHistoryMonths: 2 };
    const s = stepOn(
      run([on.open(5, 5_000, "jiebei"), on.support(35)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      35,
    );
    expect(opening(s.remedies, "jiebei")).toBeUndefined();
  });
});

describe("customer service on a Jiebei opening declined for debt, Huabei open", () => {
  // ¥75,000 elsewhere on ¥6,000 a month, Huabei's ¥3,000 counted as used and Jiebei's ¥500 smallest loan with
  // ¥6.20 of interest: ¥78,506.20 against ¥72,000 (1.10 vs jiebeiMaxDebtToIncome 1.00). Told only "pay down debt (here or elsewhere) or report a higher income",
  // the customer had no amount
  const profile = { monthlyIncome: 6_000, externalDebt: 7_500_000, creditHistoryMonths: 60 }; // debt in fen
  const asked = [on.open(0, 3_000), on.open(40, 5_000, "jiebei")];

  it("names the debt elsewhere to repay, or the income, and either way the opening is then approved", () => {
    const s = stepOn(
      run([...asked, on.support(41)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      41,
    );
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({ now: true, debt: { repay: 650_620, income: 6_543 } });
    expect(describeRemedy(jiebei!)).toContain(
      "an application to open Jiebei (apply, product: open, line: jiebei) would be declined today: total debt exceeds what the policy allows for the income (1.10 vs jiebeiMaxDebtToIncome 1.00",
    );
    expect(describeRemedy(jiebei!)).toContain(
      "repay at least ¥6,506.20 of the debt elsewhere (an external_repayment event), or report a monthly income of at least ¥6,543.00 (an income event)",
    );
    for (const fix of [on.externalRepayment(41, 6_506.2), on.income(41, 6_543)]) {
      const t = run([...asked, fix, on.open(42, 1_000, "jiebei")], { policy: DEFAULT_POLICY, profile });
      expect(stepOn(t, "apply", 42).decision).toMatch(/^approved/);
    }
    const short = run([...asked, on.externalRepayment(41, 6_506.19), on.open(42, 1_000, "jiebei")], {
      policy: DEFAULT_POLICY,
      profile,
    });
    expect(stepOn(short, "apply", 42).decision).toBe("declined");
  });

  it("with too many applications besides, the opening with its debt step is dated the day they allow it", () => {
    // told "declined today" with no date, the customer who repaid the ¥6,506.20 and applied the next day was
    // declined again, for the applications
    const inquiries = [on.externalInquiry(37), on.externalInquiry(38), on.externalInquiry(39)];
    const s = stepOn(
      run([...asked, ...inquiries, on.support(41)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      41,
    );
    const allow = s.remedies.find(
      (r): r is Extract<Remedy, { kind: "applications_allow" }> =>
        r.kind === "applications_allow" && r.line === "jiebei",
    );
    expect(allow).toBeDefined();
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({ now: false, day: allow!.day, debt: { repay: 650_620 } });
    expect(describeRemedy(jiebei!)).not.toContain("declined today");
  });
});

describe("customer service on a Jiebei opening declined for no repayment record, Huabei open", () => {
  // two months elsewhere, Huabei opened and used on day 0, one month end of record (day 30): three more to
  // come. Told only the reason's advice (use Huabei and repay it on time), the customer had no date
  const profile = { creditHistoryMonths: 2 };
  const used = [on.open(0, 2_000), on.purchase(0, 100), on.repay(1, 100)];
  const asked = [...used, on.open(40, 5_000, "jiebei")];

  it("dates the record from the customer's own month ends, worded without opening Huabei", () => {
    const s = stepOn(
      run([...asked, on.support(41)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      41,
    );
    expect(s.reasons).toContain("REPAYMENT_RECORD_REQUIRED");
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({ now: true, record: { day: 121, date: "2024-05-01", open: true } });
    const said = describeRemedy(jiebei!);
    expect(said).not.toContain("open Huabei");
    expect(said).not.toContain("opened and used");
    expect(said).toContain(
      "use Huabei and repay it on time until the file holds six months of record — Huabei used on 2024-01-01 (day 0), within the year before each month end to come, the file holds six months of repayment record from 2024-05-01 (day 121)",
    );
    // played forward: declined for the record the day before, not on the day
    expectRecordFrom(used, profile, 121);
  });

  it("Huabei closed: its month ends still count the year from its use, no reopening asked for the record", () => {
    const closed = [...used, on.close(10), on.open(40, 5_000, "jiebei")];
    const s = stepOn(
      run([...closed, on.support(41)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      41,
    );
    const jiebei = opening(s.remedies, "jiebei");
    expect(jiebei).toMatchObject({ record: { day: 121, usedOn: 0, open: true } });
    expect(describeRemedy(jiebei!)).not.toContain("opened and used");
    expectRecordFrom([...used, on.close(10)], profile, 121);
  });

  it("Huabei open and never used: used by the coming month end, then the record's day", () => {
    const unused = [on.open(0, 2_000), on.open(40, 5_000, "jiebei")];
    const s = stepOn(
      run([...unused, on.support(41)], { policy: DEFAULT_POLICY, profile }),
      "contact_support",
      41,
    );
    const jiebei = opening(s.remedies, "jiebei");
    // four month ends to come: 59, 90, 120, 151
    expect(jiebei).toMatchObject({
      record: { day: 152, date: "2024-06-01", usedBy: 59, usedByDate: "2024-02-29", open: true },
    });
    expect(describeRemedy(jiebei!)).toContain(
      "— Huabei used by 2024-02-29 (day 59), the file holds six months of repayment record from 2024-06-01 (day 152)",
    );
    const story = [...unused, on.purchase(59, 100), on.repay(60, 100)];
    expectRecordFrom(story, profile, 152);
  });
});
