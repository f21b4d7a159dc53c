// A step as `run --json` writes it (one JSON object per step, NDJSON). Money in yuan as numbers with at most 2 decimals.

import {
  dtiShown,
  type Fen,
  type LineSnapshot,
  type Remedy,
  type Step,
  type StepEvent,
} from "../engine/index.js";
import { factInYuan, nothingRepaid } from "../scenario/format.js";
import { jsonLine } from "../shared/text.js";

const yuan = (fen: Fen): number => fen / 100;

function eventDetails(e: StepEvent): Record<string, unknown> {
  switch (e.type) {
    case "apply":
      return { line: e.line, product: e.product, amount: yuan(e.amount) };
    case "purchase":
      return { amount: yuan(e.amount), merchant: e.merchant, instalments: e.instalments };
    case "borrow":
      return { amount: yuan(e.amount), term: e.term };
    case "repay":
      return { line: e.line, amount: e.amount.kind === "amount" ? yuan(e.amount.fen) : e.amount.kind };
    case "close":
      return { line: e.line };
    case "external_repayment":
      return { amount: yuan(e.amount) };
    case "request_review":
      return { line: e.line };
    case "change_profile":
      return { field: e.field };
    case "external_debt":
      return { amount: yuan(e.amount) };
    case "income":
      return { monthlyIncome: e.monthlyIncome };
    case "policy":
      return { use: e.use?.name ?? null, set: e.set };
    case "note":
      return { text: e.text };
    case "statement":
      return {
        billed: yuan(e.billed),
        instalments: yuan(e.instalments),
        fees: yuan(e.fees),
        carried: yuan(e.carried),
        carriedCharges: yuan(e.carriedCharges),
        overdue: yuan(e.overdue),
        minimum: yuan(e.minimum),
        dueDay: e.dueDay,
        closing: e.closing,
        toTerm: yuan(e.toTerm),
      };
    case "due":
      return {
        line: e.line,
        due: yuan(e.due),
        minimumUnpaid: yuan(e.minimumUnpaid),
        ...(e.calledIn && { calledIn: true }),
      };
    case "dormant_notice":
      return e.suspended
        ? { line: e.line, closeDay: e.closeDay, suspended: true, ...(e.excluded ? { excluded: true } : {}) }
        : { line: e.line, closeDay: e.closeDay };
    case "overdue":
      return { line: e.line, overdue: yuan(e.overdue), overdueDays: e.overdueDays };
    case "charge_off":
      return { line: e.line, writtenOff: yuan(e.writtenOff) };
    case "waiver":
      return { line: e.line, waived: yuan(e.waived) };
    case "review":
      return { line: e.line, requested: e.requested };
    case "external_inquiry":
    case "contact_support":
    case "verify_identity":
      return {};
    default: {
      // every event type is named above: a new one must say which of its fields the JSON carries
      const never: never = e;
      throw new Error(`no details for ${JSON.stringify(never)}`);
    }
  }
}

/** What a due notice asks, in yuan. */
const noticeInYuan = (n: { amount: Fen; minimum: Fen }) => ({
  ...n,
  amount: yuan(n.amount),
  minimum: yuan(n.minimum),
});

/** What customer service advises, its amounts in yuan. */
function remedyJson(r: Remedy): Record<string, unknown> {
  switch (r.kind) {
    case "pay_overdue":
      return {
        ...r,
        amount: yuan(r.amount),
        ...(r.cuts && {
          cuts: r.cuts.map((c) => ({
            ...c,
            from: yuan(c.from),
            to: yuan(c.to),
            ...(c.paid === undefined ? {} : { paid: yuan(c.paid) }),
          })),
        }),
        ...(r.callsIn && {
          callsIn: { ...r.callsIn, lines: r.callsIn.lines.map((l) => ({ ...l, amount: yuan(l.amount) })) },
        }),
        ...(r.callsInLater && {
          callsInLater: {
            ...r.callsInLater,
            lines: r.callsInLater.lines.map((l) => ({ ...l, amount: yuan(l.amount) })),
          },
        }),
        ...(r.chargeOffCallsIn && {
          chargeOffCallsIn: { ...r.chargeOffCallsIn, amount: yuan(r.chargeOffCallsIn.amount) },
        }),
      };
    case "closure_due":
      return {
        ...r,
        ...(r.callsIn && { callsIn: { ...r.callsIn, amount: yuan(r.callsIn.amount) } }),
        ...(r.toTerm && { toTerm: { ...r.toTerm, amount: yuan(r.toTerm.amount) } }),
      };
    case "pay_due":
      return {
        ...r,
        amount: yuan(r.amount),
        ...(r.onTopOf === undefined ? {} : { onTopOf: yuan(r.onTopOf) }),
      };
    case "next_due":
      return {
        ...r,
        amount: yuan(r.amount),
        minimum: yuan(r.minimum),
        ...(r.interest !== undefined && { interest: yuan(r.interest) }),
        ...(r.onTopOf !== undefined && { onTopOf: yuan(r.onTopOf) }),
        ...(r.paidLast && { paidLast: noticeInYuan(r.paidLast) }),
        ...(r.later !== undefined && {
          later: r.later.map((l) => ({
            ...l,
            amount: yuan(l.amount),
            interest: yuan(l.interest),
            ...(l.paidLast && { paidLast: noticeInYuan(l.paidLast) }),
          })),
        }),
        ...(r.unbilled && {
          unbilled: {
            ...r.unbilled,
            amount: yuan(r.unbilled.amount),
            minimum: yuan(r.unbilled.minimum),
            ...(r.unbilled.paidLast && { paidLast: noticeInYuan(r.unbilled.paidLast) }),
          },
        }),
      };
    case "pay_balance":
      return {
        ...r,
        amount: yuan(r.amount),
        ...(r.toTerm && {
          toTerm: {
            ...r.toTerm,
            amount: yuan(r.toTerm.amount),
            ...(r.toTerm.calledIn !== undefined && { calledIn: yuan(r.toTerm.calledIn) }),
          },
        }),
        ...(r.calledIn && { calledIn: { ...r.calledIn, amount: yuan(r.calledIn.amount) } }),
        ...(r.reopen !== undefined && { reopen: yuan(r.reopen) }),
      };
    case "report_income":
      return { ...r, minLimit: yuan(r.minLimit), ...(r.limit !== undefined && { limit: yuan(r.limit) }) };
    case "repay_in_full":
    case "waived_unless_paid":
      return { ...r, amount: yuan(r.amount) };
    case "reduce_debt":
      return {
        ...r,
        // the ratio as the text and a rule's fact say it: two decimals, rounded up (debt with no income, null)
        ratio: Number.isFinite(r.ratio) ? dtiShown(r.ratio) : null,
        over: r.over === null ? null : yuan(r.over),
        repay: r.repay === null ? null : r.repay.map((p) => ({ ...p, amount: yuan(p.amount) })),
        ...(r.withOther && {
          withOther: {
            line: r.withOther.line,
            repay: r.withOther.repay?.map((p) => ({ ...p, amount: yuan(p.amount) })) ?? null,
            over: r.withOther.over === null ? null : yuan(r.withOther.over),
          },
        }),
        ...(r.restoring && {
          restoring: {
            ...r.restoring,
            counted: r.restoring.counted.map((l) => ({ ...l, limit: yuan(l.limit) })),
          },
        }),
        ...(r.raisedFor && {
          raisedFor: {
            ...r.raisedFor,
            ratio: Number.isFinite(r.raisedFor.ratio) ? dtiShown(r.raisedFor.ratio) : null,
            ...(r.raisedFor.onceUsed !== undefined && { onceUsed: yuan(r.raisedFor.onceUsed) }),
          },
        }),
      };
    case "reapply":
      return {
        ...r,
        blockers: r.blockers.map(factInYuan),
        ...(r.limit !== undefined && { limit: yuan(r.limit) }),
        ...(r.lastLimit !== undefined && { lastLimit: yuan(r.lastLimit) }),
        ...(r.holds && { holds: r.holds.map(factInYuan) }),
      };
    case "raise_score":
      return r.repayElsewhere === undefined ? r : { ...r, repayElsewhere: yuan(r.repayElsewhere) };
    case "increase_from":
      return {
        ...r,
        ...(r.blocked && { blocked: factInYuan(r.blocked) }),
        ...(r.besides && { besides: r.besides.map(factInYuan) }),
      };
    case "open_line":
      return {
        ...r,
        blockers: r.blockers.map(factInYuan),
        ...(r.debt && { debt: { ...r.debt, repay: r.debt.repay === null ? null : yuan(r.debt.repay) } }),
      };
    case "wait_for_review":
      return {
        ...r,
        ...(r.policyBars && {
          policyBars: {
            largest: yuan(r.policyBars.largest),
            smallest: yuan(r.policyBars.smallest),
            ...(r.policyBars.atIncome !== undefined ? { atIncome: yuan(r.policyBars.atIncome) } : {}),
          },
        }),
        ...(r.kept && { kept: { ...r.kept, limit: yuan(r.kept.limit), of: yuan(r.kept.of) } }),
        ...(r.earlyKept && {
          earlyKept: { ...r.earlyKept, limit: yuan(r.earlyKept.limit), of: yuan(r.earlyKept.of) },
        }),
        ...(r.trims && { trims: { from: yuan(r.trims.from), to: yuan(r.trims.to) } }),
        ...(r.cutsOther && {
          cutsOther: { ...r.cutsOther, from: yuan(r.cutsOther.from), to: yuan(r.cutsOther.to) },
        }),
      };
    case "review_cuts":
      return { ...r, from: yuan(r.from), to: yuan(r.to) };
    case "limit_cut":
      return {
        ...r,
        from: yuan(r.from),
        to: yuan(r.to),
        ...(r.since && { since: { ...r.since, limit: yuan(r.since.limit) } }),
        increase: {
          ...r.increase,
          ...(r.increase.blocked && { blocked: factInYuan(r.increase.blocked) }),
          ...(r.increase.besides && { besides: r.increase.besides.map(factInYuan) }),
          ...(r.increase.incomeCap && {
            incomeCap: { ...r.increase.incomeCap, limit: yuan(r.increase.incomeCap.limit) },
          }),
          // (the restoration's steps are remedies of their own, their money in yuan as theirs is)
          ...(r.increase.suspends && {
            suspends: { ...r.increase.suspends, steps: r.increase.suspends.steps.map(remedyJson) },
          }),
        },
        ...(r.givenBack && {
          givenBack: {
            ...r.givenBack,
            limit: yuan(r.givenBack.limit),
            ...(r.givenBack.gives !== undefined && { gives: yuan(r.givenBack.gives) }),
          },
        }),
      };
    default:
      return r;
  }
}

/** A line's numbers in yuan. */
function lineJson(l: LineSnapshot): Record<string, unknown> {
  return {
    status: l.status,
    cause: l.cause,
    limit: yuan(l.limit),
    balance: yuan(l.balance),
    available: yuan(l.available),
    overdue: yuan(l.overdue),
    overdueDays: l.overdueDays,
    purchases: yuan(l.purchases),
    repayments: yuan(l.repayments),
    charges: yuan(l.charges),
    writtenOff: yuan(l.writtenOff),
    waived: yuan(l.waived),
  };
}

/** A repayment that applied nothing says why, in the trace's words: `applied: 0` alone reads as a failure. */
function nothingRepaidJson(s: Step): { nothingRepaid?: string } {
  const why = nothingRepaid(s);
  return why === null ? {} : { nothingRepaid: why };
}

/** One step's record (without `record: "step"`), its money in yuan. */
export function stepToJson(scenario: string, s: Step): Record<string, unknown> {
  return {
    scenario,
    day: s.day,
    date: s.date,
    event: s.event.type,
    details: eventDetails(s.event),
    line: s.line,
    decision: s.decision,
    reasons: s.reasons,
    facts: s.facts.map(factInYuan),
    score: s.score,
    scoreDelta: s.scoreDelta,
    moves: s.moves,
    ...(s.byTime ? { byTime: s.byTime } : {}),
    limit: yuan(s.limit),
    balance: yuan(s.balance),
    available: yuan(s.available),
    overdue: yuan(s.overdue),
    overdueDays: s.overdueDays,
    purchases: yuan(s.purchases),
    repayments: yuan(s.repayments),
    charges: yuan(s.charges),
    writtenOff: yuan(s.writtenOff),
    waived: yuan(s.waived),
    status: s.status,
    cause: s.cause,
    // a suspension recorded beneath a security hold: status and cause stay the hold's, this is its own
    ...(s.beneath ? { beneath: s.beneath } : {}),
    policy: s.policy,
    applied: yuan(s.applied),
    ...nothingRepaidJson(s),
    remedies: s.remedies.map(remedyJson),
    jiebei: lineJson(s.jiebei),
  };
}

export function traceToNdjson(scenario: string, steps: readonly Step[]): string {
  return steps.map((s) => `${jsonLine(stepToJson(scenario, s))}\n`).join("");
}
