// How many events one account of a persona makes over a horizon, section by section: what a worker's heap
// must make room for (parallel.ts), and the bound a persona is held to before anything runs. Every rate
// in a persona file is bounded on its own, but together, over a century, they made an account of hundreds
// of millions of events: a 1 KB persona filled the heap and ended the process with V8's crash report.

import { MAX_LIST_ITEMS } from "../scenario/shape.js";
import type { Dist, WrittenPersona } from "./persona-schema.js";

/** The most events one burst holds, whatever its `count` draws. */
export const MAX_BURST = 1000;

/** The most events one account may be expected to make: what a scenario file holds, since any account
 *  exports as one (`--export-account`, `--flips`). */
export const MAX_ACCOUNT_EVENTS = MAX_LIST_ITEMS;

/** Part of an account's expected events, and the persona field it comes from. */
export interface EventTerm {
  path: string[];
  events: number;
}

// an account's own events, then about half as many again of what its agent adds (repayments of what a
// decision left owed, reactions to suspensions)
const AGENT_SHARE = 1.5;

/**
 * The expected events of one account of `persona` over `days` days, by the field that makes them: the
 * Poisson means of every section, bursts counted at their largest, reactions allowed for.
 */
export function eventTerms(persona: WrittenPersona, days: number): EventTerm[] {
  const months = days / 30;
  const years = days / 365;
  const terms: EventTerm[] = [];
  const add = (path: string[], events: number) => terms.push({ path, events: events * AGENT_SHARE });
  const activity = (
    path: string,
    a: { perMonth: number; bursts?: { perYear: number; count: Dist } | undefined } | undefined,
    times = 1,
  ): number => {
    if (!a) return 0;
    const bursts = a.bursts ? a.bursts.perYear * years * Math.min(MAX_BURST, high(a.bursts.count)) : 0;
    add([path, "perMonth"], a.perMonth * months * times);
    add([path, "bursts"], bursts * times);
    return a.perMonth * months + bursts;
  };
  const { spending, increases, externalInquiries, externalDebt, profileChanges, income, support, jiebei } =
    persona;
  add(["open"], 1);
  add(["spending", "perMonth"], spending.perMonth * months);
  // one repayment a statement
  add(["repayment"], months);
  const raises = activity("increases", increases);
  activity("externalInquiries", externalInquiries);
  if (externalDebt) add(["externalDebt", "perYear"], externalDebt.perYear * years);
  // a verification may follow each burst
  activity("profileChanges", profileChanges, 2);
  if (income) add(["income", "perYear"], income.perYear * years);
  if (support) add(["support"], (support.contactPerYear + support.requestReviewPerYear) * years);
  if (jiebei) {
    add(["jiebei", "open"], 1);
    // a drawdown and its instalments
    if (jiebei.borrow) add(["jiebei", "borrow", "perYear"], jiebei.borrow.perYear * years * 13);
  }
  // reactions to each declined application: elsewhere, one retry
  const declined = persona.reactions?.declined;
  const p = (r: number | { p: number } | undefined) =>
    r === undefined ? 0 : typeof r === "number" ? r : r.p;
  const applications = 1 + raises + (jiebei ? 1 : 0);
  terms.push({
    path: ["reactions", "declined"],
    events: applications * (p(declined?.elsewhere) + p(declined?.retry)),
  });
  return terms;
}

/** About how many events one account of `persona` holds over `days` days. */
export function expectedEvents(persona: WrittenPersona, days: number): number {
  return eventTerms(persona, days).reduce((sum, t) => sum + t.events, 0);
}

/** The high end of a distribution: its maximum, or two spreads above a log-normal's median. */
function high(d: Dist): number {
  if (typeof d === "number") return d;
  if ("median" in d) return Math.min(d.max ?? Number.POSITIVE_INFINITY, d.median * Math.exp(2 * d.sigma));
  return d.max;
}
