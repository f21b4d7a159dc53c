// The periodic review of a Huabei line written for json-rules-engine (a devDependency of the bench and the
// tests only): an independent encoding of `periodicReview`'s decision rules (src/engine/review/periodic.ts), the
// decision type only (`periodicReview` also builds the reason codes and facts). The review bench
// (review.bench.mjs) times it against the engine on the same cases; test/engine/review-mirror.test.ts holds
// it to the engine's decisions on generated cases, so a rule change that leaves it behind fails there.
//
// It is handed precomputed facts: the debt-to-income ratio (and the one a restoration reads, the line at its
// smallest and used; whether the review after a restoration keeps the line once used, Jiebei's unused
// limit trimmed if that is what it takes: review/trim.ts), days since the last cure, days suspended, the
// three limit caps (the score's band with income and thin-file caps, the caps that hold whatever the score,
// line management's cap), a cut on record a later review may give back (review/give-back.ts) and, for a suspended line, whether it was ever recorded for credit (it keeps the credit restoration score) and whether the policy before a change would restore it
// today — the one a policy suspension met (if not, the review records the suspension for credit), the one a
// credit suspension was under (if so, the review records it for the change) — which favours it. Its rules
// are tried in priority order and it stops at the first that fires.
//
// The engine's functions the facts are computed with are passed in (`reviewMirror(engine)`): the bench
// reads them from dist/, the test from src/.
import { Engine } from "json-rules-engine";

/**
 * The mirror over `engine`'s helpers: `factsOf(kase)`, what json-rules-engine is handed for a review case
 * ({ c, line, day, s }: the customer, its Huabei line, the day and the score), and `rules(p)`, the review
 * under policy `p` as a rules engine whose first event's type is the decision (none: no decision).
 */
export function reviewMirror(engine) {
  const {
    FEN_PER_YUAN,
    applicationFile,
    bandLowered,
    capFor,
    cleanPeriodFrom,
    cleanSince,
    customerOverdue,
    debtToIncome,
    heldByPolicy,
    managedCap,
    restoredOnceUsed,
    standingCap,
    suspendedFor,
    trimmedFile,
  } = engine;

  /** A line suspended for policy or credit (beneath a hold too): whether a policy change is what holds it —
   *  what keeps it suspended is the change's alone (the engine's heldByPolicy: the rule is the engine's own,
   *  the decision built on it is what the rules engine must agree with). */
  function policyHold(c, line, day, s) {
    const cause = suspendedFor(line);
    const holds = cause !== null && heldByPolicy(c, line, day, s, cause);
    return {
      suspendedForPolicy: cause === "policy",
      suspendedForCredit: cause === "credit",
      // a suspension recorded for credit at any time keeps the credit restoration score
      recordedForCredit: cause !== null && line.recordedForCredit,
      policyHolds: holds,
    };
  }

  /** What json-rules-engine is handed for a case (the derived numbers precomputed). */
  function factsOf({ c, line, day, s }) {
    return {
      status: line.status,
      cause: line.cause ?? "none",
      heldOver: line.heldOver !== null,
      suspendedDays: line.statusDay === null ? 0 : day - line.statusDay,
      score: s.score,
      overdue: customerOverdue(c),
      // the clean period's start as the engine's restoration reads it (none for an overdue a policy
      // suspension's line was kept active with)
      daysSinceCured: day - cleanPeriodFrom(c, line, suspendedFor(line)),
      dti: debtToIncome(c),
      // a restoration reads the ratio with the line at its smallest line, used (applicationFile), and is
      // held to the limit the next review keeps once it is used: none kept, no restoration
      dtiRestoring: debtToIncome(applicationFile(c, line, false, day)),
      keptOnceUsed: restoredOnceUsed(c, line, day, s).limit !== null || keptTrimmed(c, line, day, s),
      verified: c.profile.verified,
      otherWrittenOff: c.jiebei.status === "charged_off",
      limit: line.limit,
      // −1: the score is below every band
      cap: capFor(c, "huabei", s)?.limit ?? -1,
      standingCap: standingCap(c, "huabei")?.limit ?? -1,
      managedCap: managedCap(c, "huabei", s)?.limit ?? -1,
      // at the first review after a policy change that lowered the score's band at this score, the band
      // cuts whatever the score (the engine's rule: its decision is what the rules engine must agree with)
      bandLowered: bandLowered(line, s, c.policy),
      ...policyHold(c, line, day, s),
      ...cutOnRecord(c, line, day, s),
    };
  }

  /** Whether a suspended line is kept once used with Jiebei's unused limit trimmed as far as it may be (the
   *  engine's trimmedFile): the periodic review restores it then, when nothing else stands in the way —
   *  not beneath a security hold, whose suspension beneath is judged as it is. */
  function keptTrimmed(c, line, day, s) {
    const file = line.status === "suspended" && line.cause !== "security" ? trimmedFile(c) : null;
    return file !== null && restoredOnceUsed(file, line, day, s).limit !== null;
  }

  /** A cut on record a later review may give back (−1s: none): the limit before it, the days since the cut
   *  (or a limit given back in part since: the last raise by a review — not an increase granted to less) and since the last due date missed or cured, and the largest limit up to it the review keeps once used
   *  — line management's at that limit, held as a restoration's is (restoredOnceUsed on the line at it). */
  function cutOnRecord(c, line, day, s) {
    const back = line.cut?.givesBack ?? null;
    return {
      givesBack: back ?? -1,
      daysSinceCut:
        line.cut === null
          ? -1
          : day - Math.max(line.cut.day, line.cut.raised?.by === "review" ? line.cut.raised.day : -Infinity),
      daysClean: Math.min(day - cleanSince(c), 100_000),
      keptGivenBack:
        back === null || line.status !== "active"
          ? -1
          : (restoredOnceUsed(c, { ...line, limit: back }, day, s).limit ?? -1),
    };
  }

  /** The periodic review of a Huabei line under policy `p`, decision type only, as json-rules-engine rules. */
  function rules(p) {
    const rulesEngine = new Engine([], { allowUndefinedFacts: false });
    rulesEngine.on("success", () => rulesEngine.stop());
    // a cap below the smallest line (or none) leaves no line to keep; the smallest line is whole hundreds
    // of yuan, at least minLimit (¥100 with none set), as caps are
    const smallest = Math.max(100, Math.ceil(p.minLimit / 100) * 100) * FEN_PER_YUAN;
    const noLine = { fact: "cap", operator: "lessThan", value: smallest };
    const unverified = p.requireVerified ? [{ fact: "verified", operator: "equal", value: false }] : [];
    const dtiTooHigh = { fact: "dti", operator: "greaterThan", value: p.maxDebtToIncome };
    const failsStandard = {
      any: [
        { fact: "score", operator: "lessThan", value: p.minScore },
        {
          all: [
            { fact: "overdue", operator: "greaterThan", value: 0 },
            { fact: "score", operator: "lessThan", value: p.delinquentMinScore },
          ],
        },
        ...unverified,
        dtiTooHigh,
        noLine,
      ],
    };
    const suspended = { fact: "status", operator: "equal", value: "suspended" };
    const long = {
      fact: "suspendedDays",
      operator: "greaterThanInclusive",
      value: p.closeAfterSuspendedDays,
    };
    // a cap (−1: none) cuts a limit above it — one below the smallest line to the smallest line, so only a
    // limit above that
    const cutTo = (cap) => [
      { fact: cap, operator: "greaterThanInclusive", value: 0 },
      { fact: cap, operator: "lessThan", value: { fact: "limit" } },
      { fact: "limit", operator: "greaterThan", value: smallest },
    ];
    rulesEngine.addRule({
      name: "suspend",
      priority: 60,
      conditions: { all: [{ fact: "status", operator: "equal", value: "active" }, failsStandard] },
      event: { type: "suspended" },
    });
    rulesEngine.addRule({
      name: "suspend beneath a security hold",
      priority: 50,
      conditions: {
        all: [
          suspended,
          { fact: "cause", operator: "equal", value: "security" },
          { fact: "heldOver", operator: "equal", value: false },
          { not: long },
          failsStandard,
        ],
      },
      event: { type: "suspended" },
    });
    // what stands in the way of a restoration (a security hold apart)
    const inTheWay = [
      { fact: "otherWrittenOff", operator: "equal", value: true },
      { fact: "overdue", operator: "greaterThan", value: 0 },
      { fact: "daysSinceCured", operator: "lessThan", value: p.restoreCleanDays },
      // a line suspended for a policy change needs back only the score the policy keeps a line at — unless
      // the suspension was recorded for credit at any time: that keeps the credit restoration score
      {
        all: [
          {
            any: [
              { fact: "suspendedForPolicy", operator: "equal", value: false },
              { fact: "recordedForCredit", operator: "equal", value: true },
            ],
          },
          { fact: "score", operator: "lessThan", value: Math.max(p.minScore, p.restoreScore) },
        ],
      },
      {
        all: [
          { fact: "suspendedForPolicy", operator: "equal", value: true },
          { fact: "recordedForCredit", operator: "equal", value: false },
          { fact: "score", operator: "lessThan", value: p.minScore },
        ],
      },
      ...unverified,
      { fact: "dtiRestoring", operator: "greaterThan", value: p.maxDebtToIncome },
      noLine,
      { fact: "keptOnceUsed", operator: "equal", value: false },
    ];
    rulesEngine.addRule({
      name: "restore",
      priority: 40,
      conditions: {
        all: [
          suspended,
          { not: { any: [{ fact: "cause", operator: "equal", value: "security" }, ...inTheWay] } },
        ],
      },
      event: { type: "restored" },
    });
    rulesEngine.addRule({
      name: "close",
      priority: 30,
      conditions: { all: [suspended, long] },
      event: { type: "closed" },
    });
    rulesEngine.addRule({
      name: "record for credit a policy suspension the policy no longer holds",
      priority: 25,
      conditions: {
        // with something still in its way: beneath a security hold, one ready to end is left as it is
        all: [
          suspended,
          { fact: "suspendedForPolicy", operator: "equal", value: true },
          { fact: "policyHolds", operator: "equal", value: false },
          { any: inTheWay },
        ],
      },
      event: { type: "suspended" },
    });
    rulesEngine.addRule({
      name: "record for policy a credit suspension only a policy change made since holds",
      priority: 25,
      conditions: {
        all: [
          suspended,
          { fact: "suspendedForCredit", operator: "equal", value: true },
          { fact: "policyHolds", operator: "equal", value: true },
        ],
      },
      event: { type: "suspended" },
    });
    rulesEngine.addRule({
      name: "cut the limit",
      priority: 20,
      conditions: {
        any: [
          {
            all: [
              { fact: "score", operator: "greaterThanInclusive", value: p.reduceLimitScore },
              { fact: "bandLowered", operator: "equal", value: false },
              ...cutTo("standingCap"),
            ],
          },
          {
            all: [
              {
                any: [
                  { fact: "score", operator: "lessThan", value: p.reduceLimitScore },
                  { fact: "bandLowered", operator: "equal", value: true },
                ],
              },
              ...cutTo("managedCap"),
            ],
          },
        ],
      },
      event: { type: "limit_reduced" },
    });
    // a cut for a constraint given back, up to the limit before it, once nothing blocks an increase
    rulesEngine.addRule({
      name: "give back a limit cut for a constraint",
      priority: 10,
      conditions: {
        all: [
          { fact: "status", operator: "equal", value: "active" },
          { fact: "givesBack", operator: "greaterThan", value: { fact: "limit" } },
          { fact: "daysSinceCut", operator: "greaterThanInclusive", value: p.increaseCooldownDays },
          { fact: "daysClean", operator: "greaterThanInclusive", value: p.increaseCleanDays },
          { fact: "overdue", operator: "equal", value: 0 },
          { fact: "keptGivenBack", operator: "greaterThan", value: { fact: "limit" } },
        ],
      },
      event: { type: "limit_restored" },
    });
    return rulesEngine;
  }

  return { factsOf, rules };
}
