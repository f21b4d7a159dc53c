// Why an arm wins: the decisions that differ between two arms, account by account, grouped by where
// they first differ — the event, the two decisions, and the rule that decided otherwise (its reason code
// and the policy parameter behind it). Everything after an account's first difference follows from it
// (the customer reacts, the record moves), so the first one is the account's flip. Groups keep counts and
// their smallest account numbers as examples: whole numbers and sorted lists, which merge exactly.

import {
  type DecisionNote,
  isReasonCode,
  POLICY_PARAM_NAMES,
  type Policy,
  type PolicyParamName,
  REASONS,
} from "../engine/index.js";

/** Example accounts kept per group. */
export const FLIP_EXAMPLES = 5;

export interface FlipGroup {
  accounts: number;
  /** the smallest account numbers in the group */
  examples: number[];
}

/** The flips between arms `a` and `b`. */
export interface PairFlips {
  a: number;
  b: number;
  /** accounts whose decisions differ */
  flipped: number;
  /** group label → its accounts */
  groups: Record<string, FlipGroup>;
}

export const emptyPairFlips = (a: number, b: number): PairFlips => ({ a, b, flipped: 0, groups: {} });

const ADVERSE = new Set(["declined", "suspended", "limit_reduced", "closed", "charged_off"]);

/** The same question: the same day, event and line. */
const sameStep = (x: HeldNote, y: HeldNote): boolean =>
  x.day === y.day && x.event.type === y.event.type && x.line === y.line;

/** The same rules: the order they are listed in, and the factors of the score listed beside them (which
 *  follow the score, and a policy that moves the score a point lists others), are no difference. */
const sameRules = (x: DecisionNote, y: DecisionNote): boolean => {
  const rx = new Set(x.reasons.filter(isRule));
  const ry = new Set(y.reasons.filter(isRule));
  return rx.size === ry.size && [...rx].every((r) => ry.has(r));
};

/** The same decision by the same rules, leaving the same limit — a graceDays sweep read 'declined by
 *  TOO_MANY_APPLICATIONS → declined by TOO_MANY_APPLICATIONS' for arms whose reasons differed in nothing
 *  else. A limit granted or cut to another amount by the same rule (approved_lower by
 *  LIMIT_CAPPED_BY_INCOME, at twice the income and at 1.5 times) is a decision of its own. */
const same = (x: DecisionNote, y: DecisionNote): boolean => {
  if (x === y) return true;
  return sameStep(x, y) && x.decision === y.decision && x.limit === y.limit && sameRules(x, y);
};

/** A step that decided nothing but gave reasons: a review that left a suspended line as it was
 *  (NOT_RESTORED_YET, and what held it). Kept beside the decisions, to say why an arm did not decide what
 *  the other did. */
export type HeldNote = Pick<DecisionNote, "day" | "event" | "line" | "reasons" | "facts">;

/** The lender's decisions: an answer (`info`: customer service, a review with nothing to review) decides
 *  nothing, and answers that differ (each policy's own standards, quoted) are no flip. */
const lenders = (notes: readonly DecisionNote[]): readonly DecisionNote[] =>
  notes.some((n) => n.decision === "info") ? notes.filter((n) => n.decision !== "info") : notes;

/** Where two arms first decided otherwise; `held`: with one side's decision, the step of the other arm
 *  that asked the same question and decided nothing, with its reasons (none: it was not asked). */
export interface FlipPoint {
  a: DecisionNote | null;
  b: DecisionNote | null;
  held?: HeldNote;
}

/** The first decision where two arms' decisions differ (one may have none there), or null. `heldA`,
 *  `heldB`: each arm's steps that decided nothing but gave reasons. */
export function firstDifference(
  allA: readonly DecisionNote[],
  allB: readonly DecisionNote[],
  heldA: readonly HeldNote[] = [],
  heldB: readonly HeldNote[] = [],
): FlipPoint | null {
  const a = lenders(allA);
  const b = lenders(allB);
  const n = Math.max(a.length, b.length);
  // one side decided: what the other arm's own step of that question gave instead, if it had one
  const alone = (x: DecisionNote | null, y: DecisionNote | null): FlipPoint => {
    const held = (x ? heldB : heldA).find((h) => sameStep(h, (x ?? y)!));
    return held ? { a: x, b: y, held } : { a: x, b: y };
  };
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined && same(x, y)) continue;
    if (x === undefined) return alone(null, y!);
    if (y === undefined) return alone(x, null);
    // the same question decided otherwise, or a decision one arm took and the other did not (yet)
    if (sameStep(x, y)) return { a: x, b: y };
    if (x.day !== y.day) return x.day < y.day ? alone(x, null) : alone(null, y);
    // the same day, other steps: the one the other arm decided too, later that day, comes after the one it
    // did not (a day's steps keep their order), so the one it did not is where they part
    const later = (list: readonly DecisionNote[], n: DecisionNote) =>
      list.slice(i + 1).some((z) => z.day === n.day && sameStep(z, n));
    const [xLater, yLater] = [later(b, x), later(a, y)];
    if (xLater !== yLater) return xLater ? alone(null, y) : alone(x, null);
    // neither (or both) arms took the other's step that day: the one the day runs first — a trigger
    // that suspended one arm's line leaves its review that day nothing to decide
    return phase(y) < phase(x) ? alone(null, y) : alone(x, null);
  }
  return null;
}

/** Where a step falls in its day (src/engine/scheduled.ts): the day opens (statements, due dates), the
 *  customer's events, then the day's triggers (overdue too long, charge-off), then the review. */
const DAY_PHASE: Readonly<Record<string, number>> = {
  statement: 0,
  due: 0,
  overdue: 2,
  charge_off: 2,
  review: 3,
};
const phase = (n: DecisionNote): number => DAY_PHASE[n.event.type] ?? 1;

/** A reason that is a rule (a threshold, a cap), not a factor of the score that explains it. */
const isRule = (code: string): boolean => !isReasonCode(code) || REASONS[code].kind !== "score";

/** Whether a favourable decision leads with an adverse rule: a counteroffer (approved_lower), whose reasons
 *  are why less was granted than asked (a cap, LIMIT_KEPT_ONCE_USED), not that it met the policy. */
const heldLower = (n: DecisionNote): boolean => {
  const first = n.reasons[0];
  return first !== undefined && isReasonCode(first) && REASONS[first].kind === "adverse";
};

/** The reason codes of one side the other side's do not have, rules only. */
const rulesAlone = (side: DecisionNote, other: DecisionNote | null): string[] =>
  side.reasons.filter((r) => isRule(r) && !other?.reasons.includes(r));

/** The rule behind a side's decision: the rule it decided by (its first reason) where the other side decided
 *  by another, else the first rule among its reasons the other side's do not have (a rule that held as
 *  well — `also`, beside the adverse rule both decided by —, a limit's cap). A factor of the score is
 *  never that rule — the factors listed differ with the rules they are listed beside —, unless neither
 *  side has a rule the other has not; and a side whose rules the other's all include decided by its first. */
function rule(side: DecisionNote, other: DecisionNote | null): { code: string; also: boolean } {
  if (other && side.reasons[0] !== other.reasons[0]) return { code: side.reasons[0] ?? "", also: false };
  const alone = rulesAlone(side, other)[0];
  // beside an adverse rule both decided by (declined by it, and also by this); beside a favourable one
  // (MEETS_POLICY, WITHIN_LIMIT) it is what decided
  const first = side.reasons[0];
  const adverse = first !== undefined && isReasonCode(first) && REASONS[first].kind === "adverse";
  if (alone !== undefined) return { code: alone, also: other !== null && adverse };
  if (other && rulesAlone(other, side).length > 0) return { code: side.reasons[0] ?? "", also: false };
  return {
    code: side.reasons.find((r) => !other?.reasons.includes(r)) ?? side.reasons[0] ?? "",
    also: false,
  };
}

/** A rule that says the reasons given with it are what decided (LIMIT_KEPT_ONCE_USED: the debt ratio, the
 *  score or the band that keeps a line once used), as a policy change's says what the line fails of the
 *  new policy (POLICY_CHANGE): neither has a parameter of its own. */
const pointsAtReasons = (code: string): boolean =>
  isReasonCode(code) && "pointsAt" in REASONS[code] && REASONS[code].pointsAt === "reasons";

/** "SCORE_BELOW_OPEN_MINIMUM (minOpenScore)", "DELINQUENCY_LEVEL (score)": a rule and what it reads. A
 *  rule pointing at the reasons beside it has no parameter of its own: the first rule after it that does
 *  not point elsewhere follows it ("POLICY_CHANGE: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)",
 *  "LIMIT_KEPT_ONCE_USED: SCORE_BELOW_MINIMUM (minScore)"), as its reasons list it — the engine lists what
 *  it points at after it; a rule before it (a cap that held the grant as well, a security hold's code) is
 *  not what it points at. */
function ruleText(side: HeldNote, code: string): string {
  if (pointsAtReasons(code)) {
    const failed = side.reasons
      .slice((side.reasons as readonly string[]).indexOf(code) + 1)
      .find((r) => isRule(r) && !pointsAtReasons(r) && (!isReasonCode(r) || REASONS[r].kind === "adverse"));
    if (failed !== undefined) return `${code}: ${ruleText(side, failed)}`;
  }
  const parameter = side.facts.find((f) => f.code === code && f.parameter !== undefined)?.parameter;
  const kind = isReasonCode(code) ? REASONS[code].kind : "";
  return `${code}${parameter ? ` (${parameter})` : kind === "score" ? " (score)" : ""}`;
}

/** "by RULE (parameter)", or "also by RULE (parameter)" for a rule a side failed beyond the one both did. */
function byRule(side: DecisionNote, other: DecisionNote | null): string {
  const r = rule(side, other);
  return `${r.also ? "also " : ""}by ${ruleText(side, r.code)}`;
}

/** What held back the arm whose step decided nothing where the other decided favourably (restored): the
 *  first adverse rule its step gave that the decision's reasons do not (SCORE_BELOW_RESTORE under a
 *  higher restoreScore), not a reason both give; the rule pointing at them (NOT_RESTORED_YET) when it
 *  gave no other. */
function heldBy(held: HeldNote, decided: DecisionNote): string | undefined {
  const own = held.reasons.filter((r) => isRule(r) && !decided.reasons.includes(r));
  const adverse = (r: string) => !isReasonCode(r) || REASONS[r].kind === "adverse";
  const points = (r: string) => isReasonCode(r) && "pointsAt" in REASONS[r];
  return own.find((r) => adverse(r) && !points(r)) ?? own.find(adverse);
}

/** A flip's group: "<event>: <decision in a> → <decision in b>, by <rule> (<parameter>)"; when both
 *  decided alike for different reasons, each side's rule; when one arm decided nothing, and the other
 *  favourably, what held the first back. */
export function flipLabel(d: FlipPoint): string {
  const { a, b } = d;
  const event = (a ?? b)!.event.type;
  const decided = (n: DecisionNote | null) => n?.decision ?? "no decision";
  const one = a ?? b!;
  if ((a === null || b === null) && d.held && !ADVERSE.has(one.decision)) {
    const code = heldBy(d.held, one);
    if (code !== undefined) return `${event}: ${decided(a)} → ${decided(b)}, by ${ruleText(d.held, code)}`;
  }
  // the same decision by the same rules at another limit: which way it moved, by the rule that set it —
  // the one whose threshold the limit reads (LIMIT_CAPPED_BY_INCOME: the cap), else the first
  if (a && b && a.decision === b.decision && a.limit !== b.limit && sameRules(a, b)) {
    const set =
      b.reasons.find((r) => isRule(r) && b.facts.some((f) => f.code === r && f.parameter !== undefined)) ??
      b.reasons[0] ??
      "";
    return `${event}: ${a.decision} → ${b.decision} at a ${b.limit < a.limit ? "lower" : "higher"} limit, by ${ruleText(b, set)}`;
  }
  // the same decision for another reason: both rules, or the flip would read as no change
  if (a && b && a.decision === b.decision)
    return `${event}: ${a.decision} ${byRule(a, b)} → ${b.decision} ${byRule(b, a)}`;
  let side: [DecisionNote, DecisionNote | null];
  if (a && b) {
    const aBad = ADVERSE.has(a.decision);
    const bBad = ADVERSE.has(b.decision);
    // a rule of its own: another first reason, or one the other side's reasons lack
    const differs = (x: DecisionNote, y: DecisionNote) =>
      x.reasons[0] !== y.reasons[0] || rulesAlone(x, y).length > 0;
    // between two favourable decisions, a counteroffer's: its reasons are why less was granted (a cap),
    // the full grant's only that it met the policy (approved_lower → approved, by the cap)
    const aLower = !aBad && heldLower(a);
    const bLower = !bBad && heldLower(b);
    if (aBad !== bBad) side = aBad ? [a, b] : [b, a];
    else if (aLower !== bLower) side = aLower ? [a, b] : [b, a];
    else side = differs(b, a) || !differs(a, b) ? [b, a] : [a, b];
  } else side = [(a ?? b)!, null];
  // the rule is the adverse side's (what stopped it); between two adverse or two favourable decisions,
  // b's where it differs, else a's
  return `${event}: ${decided(a)} → ${decided(b)}, by ${ruleText(side[0], rule(...side).code)}`;
}

/** The policy parameters two policies set otherwise: what comparing them moved (a name or a description
 *  is no parameter). */
export function movedParameters(a: Policy, b: Policy): Set<PolicyParamName> {
  return new Set(POLICY_PARAM_NAMES.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])));
}

/** A side of a label as it names its rule: "TOO_MANY_APPLICATIONS (maxApplications30d)",
 *  "POLICY_CHANGE: DEBT_TO_INCOME_TOO_HIGH (maxDebtToIncome)" → the folder's code and the parameter. */
const RULE_TEXT = /^([A-Z_0-9]+)(?:: ([A-Z_0-9]+))?(?: \((\w+)\))?$/;

/** The two sides of a label where both decided alike for different reasons, each with whether it is the
 *  rule failed `also` (beside the one both decided by); null for another label. */
type Side = { code: string; parameter: string | undefined; also: boolean };
function alikeSides(label: string): [Side, Side] | null {
  const m = /^[a-z_]+: [a-z_]+ (also )?by ([^→]+) → [a-z_]+ (also )?by ([^→]+)$/.exec(label);
  if (m === null) return null;
  const sides = [
    [m[1], m[2]!],
    [m[3], m[4]!],
  ].map(([also, text]): Side | null => {
    const r = RULE_TEXT.exec(text!.trim());
    return r === null
      ? null
      : { code: r[2] === undefined ? r[1]! : `${r[1]}-${r[2]}`, parameter: r[3], also: also !== undefined };
  });
  return sides[0] && sides[1] ? [sides[0], sides[1]] : null;
}

/** The reason code of the rule a label says flipped the decision: the one after ", by", or, when both sides
 *  decided alike for different reasons, the side whose rule's parameter is among `moved` (the parameters
 *  the two policies compared set otherwise) where the other's is not — a looser maxApplications30d turns
 *  'declined by TOO_MANY_APPLICATIONS' into 'declined by INCREASE_TOO_SOON', and the cooldown did not
 *  move —; else the rule a side failed also (beside the one both did; the second side's when both did),
 *  else the second side's (what it decided by instead); null when the label names none. A rule both sides
 *  decided by is never the one: the side naming it is not a candidate while the other names one it failed
 *  also. What an exported group's folder is named after. */
export function flipRule(label: string, moved: ReadonlySet<string> = new Set()): string | null {
  const sides = alikeSides(label);
  if (sides !== null && sides[0].also === sides[1].also) {
    const [a, b] = sides.map((s) => s.parameter !== undefined && moved.has(s.parameter));
    if (a && !b) return sides[0].code;
    if (b && !a) return sides[1].code;
  }
  // a rule pointing at the reasons beside it names the one it points at, and so does its folder
  // (`POLICY_CHANGE-DEBT_TO_INCOME_TOO_HIGH`, `LIMIT_KEPT_ONCE_USED-SCORE_BELOW_MINIMUM`), or a change's
  // groups would all be `N-POLICY_CHANGE`
  const m =
    /, by ([A-Z_0-9]+)(?:: ([A-Z_0-9]+))?/.exec(label) ??
    / → [a-z_ ]+ also by ([A-Z_0-9]+)(?:: ([A-Z_0-9]+))?/.exec(label) ??
    / also by ([A-Z_0-9]+)(?:: ([A-Z_0-9]+))?/.exec(label) ??
    / → [a-z_ ]+ by ([A-Z_0-9]+)(?:: ([A-Z_0-9]+))?/.exec(label);
  if (m === null) return null;
  return m[2] === undefined ? m[1]! : `${m[1]}-${m[2]}`;
}

/** A label's parts, as a table lays them out: the event, the two decisions ("approved → declined") and the
 *  rule that decided otherwise ("SCORE_BELOW_OPEN_MINIMUM (minOpenScore)"); when both decided alike for
 *  different reasons, each side's ("TOO_MANY_APPLICATIONS (maxApplications30d) → also
 *  SCORE_BELOW_INCREASE_MINIMUM (minIncreaseScore)"). null for a label flipLabel does not write. */
export function flipLabelParts(label: string): { event: string; decisions: string; rule: string } | null {
  const m = /^([a-z_]+): (.+)$/.exec(label);
  if (m === null) return null;
  const [, event, rest] = m as unknown as [string, string, string];
  const apart = /^([a-z_ ]+) → ([a-z_ ]+), by (.+)$/.exec(rest);
  if (apart) return { event, decisions: `${apart[1]} → ${apart[2]}`, rule: apart[3]! };
  const alike = /^([a-z_]+) (also )?by ([^→]+) → ([a-z_]+) (also )?by ([^→]+)$/.exec(rest);
  if (alike)
    return {
      event,
      decisions: `${alike[1]} → ${alike[4]}`,
      rule: `${alike[2] ?? ""}${alike[3]} → ${alike[5] ?? ""}${alike[6]}`,
    };
  return null;
}

/** A label's group, the record's own (a label is any text: "toString" is not the object's method), or a
 *  new one. */
const groupOf = (groups: Record<string, FlipGroup>, label: string): FlipGroup =>
  Object.hasOwn(groups, label) ? groups[label]! : { accounts: 0, examples: [] };

export function addFlip(p: PairFlips, label: string, index: number): void {
  p.flipped++;
  const g = groupOf(p.groups, label);
  p.groups[label] = g;
  g.accounts++;
  // the smallest account numbers, whatever order the accounts come in (a worker's chunks need not)
  const ex = g.examples;
  if (ex.length < FLIP_EXAMPLES || index < ex[ex.length - 1]!) {
    let at = ex.length;
    while (at > 0 && ex[at - 1]! > index) at--;
    if (ex[at - 1] !== index) ex.splice(at, 0, index);
    if (ex.length > FLIP_EXAMPLES) ex.pop();
  }
}

/** a += b (exact: counts add, examples are the smallest of both). */
export function mergePairFlips(a: PairFlips, b: PairFlips): void {
  a.flipped += b.flipped;
  for (const [label, g] of Object.entries(b.groups)) {
    const into = groupOf(a.groups, label);
    a.groups[label] = into;
    into.accounts += g.accounts;
    into.examples = [...new Set([...into.examples, ...g.examples])]
      .sort((x, y) => x - y)
      .slice(0, FLIP_EXAMPLES);
  }
}

/** The groups, largest first (ties by label): what a report lists and `--flips` exports. */
export function largestGroups(p: PairFlips): Array<[string, FlipGroup]> {
  return Object.entries(p.groups).sort(([x, g], [y, h]) => h.accounts - g.accounts || (x < y ? -1 : 1));
}
