// The story of stop 50's income gap, shared by the tests that read it (income-both, one-debt-two-readings):
// under `tightened` from day 15, Jiebei drawn ¥2,277.50 of ¥4,555 and Huabei's ¥100 owed, an income of
// ¥167 a month — every bill and instalment met before day 40, when a test reports the income it tries.
import { DEFAULT_POLICY, type EventInput, on, TIGHTENED_POLICY } from "./builders.js";

export const UNSAFE_INCOME_EVENTS: readonly EventInput[] = [
  on.open(0, 1_000),
  on.open(0, 4_555, "jiebei"),
  on.borrow(1, 4_555 / 2, 6),
  on.purchase(1, 100),
  on.income(1, 167),
  on.policy(15, { use: TIGHTENED_POLICY }),
  on.repay(32, "minimum", "jiebei"),
  on.repay(40, "minimum", "huabei"),
];

export const UNSAFE_INCOME_OPTIONS = {
  policy: DEFAULT_POLICY,
  profile: { monthlyIncome: 2_000, verified: false, creditHistoryMonths: 6, externalDebt: 0 },
};
