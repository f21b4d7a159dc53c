// A counterfactual search in plain words: what the base did that the goal is about, and each suggestion
// as one sentence ("Had you not applied … on day 24, the account would not have been suspended."). Words
// only: no colour, no layout (render/whatif.ts does those).

import { profileFieldName, type Trace } from "../engine/index.js";
import { lineName, yuanText as money } from "../scenario/format.js";
import type { Candidate } from "./candidates.js";
import { outcome } from "./compare.js";
import { firstRestoredAfter, type Goal, restoreTarget } from "./goal.js";
import type { CounterfactualResult, Solution } from "./search.js";

/** The clause after "had": "you not applied for a +¥2,000.00 limit on day 24". */
export function clauseText(c: Candidate): string {
  const { day, change } = c;
  switch (change.kind) {
    case "skip-application":
      return `you not applied for a +${money(change.amount)} limit on day ${day}`;
    case "skip-inquiry":
      return `you not applied for credit elsewhere on day ${day}`;
    case "keep-profile":
      return `you not changed your bound ${profileFieldName(change.field)} on day ${day}`;
    case "verify-after-profile-change":
      return `you verified your identity right after changing your ${profileFieldName(change.field)} on day ${day}`;
    case "skip-debt":
      return `you not taken on ${money(change.amount)} of debt elsewhere on day ${day}`;
    case "skip-purchase":
      return `you not made the ${money(change.amount)} purchase${change.merchant ? ` at ${change.merchant}` : ""} on day ${day}`;
    case "skip-borrow":
      return `you not borrowed ${money(change.amount)} on Jiebei on day ${day}`;
    case "borrow-within-cap":
      return change.amount === change.was
        ? `you borrowed the ${money(change.amount)} of day ${day} over ${change.term} months`
        : `you borrowed ${money(change.amount)} on day ${day}, not ${money(change.was)}`;
    case "repay-in-full":
      return `you made the repayment of day ${day} in full`;
    case "repay-earlier":
      return `you made the repayment of day ${day}${change.inFull ? " in full" : ""} by day ${change.to}`;
    case "repay-bill-when-due": {
      // a repayment that day pays the line's arrears first: said, as they, not the bill, are what it averts
      const before = change.arrears ? ", with the arrears owed before it" : "";
      return change.line === "jiebei"
        ? `you paid the Jiebei instalment due on day ${day} that day${before}`
        : `you repaid the bill due on day ${day} in full that day${before}`;
    }
    case "verify-identity":
      return `you verified your identity on day ${day}`;
    case "repay-everything":
      return `you repaid everything on day ${day} (${change.dayAfterSuspension ? "the day after the suspension" : "the day of the suspension"})`;
    case "request-review":
      return `you asked for an early review${change.line === "jiebei" ? " of Jiebei" : ""} on day ${day}`;
    case "pay-debt-elsewhere":
      return `you repaid ${money(change.amount)} of your debt elsewhere on day ${day}`;
    default: {
      const never: never = change;
      throw new Error(`unknown change ${JSON.stringify(never)}`);
    }
  }
}

/** The line `--reach restored` restores, named when the account has two (the other may never have been
 *  suspended, or be restored on another day): null for an account with Huabei alone. */
function restoredLine(base: Trace, s: { line: string | null }): string | null {
  const twoLines = base.steps.some((x) => x.line === "jiebei") || base.final.jiebei.status !== "none";
  return twoLines ? lineName(s.line === "jiebei" ? "jiebei" : "huabei") : null;
}

/** What the base did that the goal is about. */
export function problemText(r: Pick<CounterfactualResult, "goal" | "base">): string {
  const { goal, base } = r;
  const o = outcome(base);
  switch (goal) {
    case "avoid-suspended":
      return o.suspensions === 0
        ? "the account is never suspended"
        : `suspended ${o.suspensions === 1 ? "once" : `${o.suspensions} times`}, first on day ${o.firstSuspendedDay}, ${o.daysSuspended} days in all`;
    case "avoid-declined": {
      const first = base.steps.find((s) => s.decision === "declined");
      return o.declines === 0 ? "nothing is declined" : `${o.declines} declined, first on day ${first?.day}`;
    }
    case "reach-restored": {
      const s = restoreTarget(base);
      if (!s) return "the account is never suspended, so there is nothing to restore";
      const r = firstRestoredAfter(base, s);
      const line = restoredLine(base, s);
      const suspended = line === null ? "suspended" : `${line} suspended`;
      return r === null
        ? `${suspended} on day ${s.day} and never restored`
        : `${suspended} on day ${s.day}, restored on day ${r}`;
    }
    default: {
      const never: never = goal;
      throw new Error(`unknown goal ${String(never)}`);
    }
  }
}

function outcomeText(goal: Goal, trace: Trace, base: Trace): string {
  switch (goal) {
    case "avoid-suspended": {
      const d = base.steps.find((s) => s.decision === "suspended")?.day;
      return `the account would not have been suspended (it was on day ${d})`;
    }
    case "avoid-declined":
      return "nothing would have been declined";
    case "reach-restored": {
      const s = restoreTarget(base)!;
      const was = firstRestoredAfter(base, s);
      const now = firstRestoredAfter(trace, s);
      const who = restoredLine(base, s) ?? "the account";
      return was === null
        ? `${who} would have been restored on day ${now} (it never was)`
        : `${who} would have been restored on day ${now} instead of day ${was}`;
    }
    default: {
      const never: never = goal;
      throw new Error(`unknown goal ${String(never)}`);
    }
  }
}

/** One suggestion as a sentence: its changes in day order, then what would have happened. */
export function adviceText(r: Pick<CounterfactualResult, "goal" | "base">, s: Solution): string {
  const clauses = [...s.candidates].sort((a, b) => a.day - b.day).map((c) => `had ${clauseText(c)}`);
  const joined =
    clauses.length <= 1 ? clauses.join("") : `${clauses.slice(0, -1).join(", ")} and ${clauses.at(-1)}`;
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}, ${outcomeText(r.goal, s.trace, r.base)}.`;
}
