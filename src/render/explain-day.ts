// `credit-sim explain FILE --day N`: "why?" for one day. The decisions of that day, each reason with the
// characteristics and values behind it (a scorecard bin and its points, or the policy threshold the
// rule compared against), and what the customer can do — as data (for --json); explain-text.ts renders it
// as plain text.

import {
  answerAtEndOf,
  applyPolicyEvent,
  band,
  Calendar,
  CHARACTERISTICS,
  type Decision,
  DIMENSIONS,
  explain,
  type LineId,
  movedCharacteristics,
  type Policy,
  probabilityOfDefault,
  REASONS,
  type ReasonCode,
  type ReasonInfo,
  type Remedy,
  reasonInputs,
  type Scenario,
  type ScoreInputs,
  type Snapshot,
  type Step,
  score,
  simulate,
  type Trace,
} from "../engine/index.js";
import {
  adviceOf,
  describeEvent,
  describeFact,
  describeRemedy,
  forLines,
  heldAdvice,
  lineName,
  linesHeld,
  nothingToDo,
  reasonAdvice,
  reasonTextIn,
  remedyText,
  statusText,
  undatedReasons,
} from "../scenario/format.js";
import { countBefore } from "../shared/lists.js";
import { factorWords, pointsText } from "./factor-table.js";
import { scoreChange } from "./score-change.js";

interface FactorView {
  characteristic: string;
  dimension: string;
  /** the value the scorecard read, as text (an amount with ¥) */
  value: string;
  /** the value itself */
  read: number | boolean | null;
  /** its bin, as text (an amount's edges with ¥) */
  bin: string;
  points: number;
  max: number;
}

interface ReasonExplained {
  code: ReasonCode;
  kind: ReasonInfo["kind"];
  text: string;
  /** the values behind the reason, in words */
  because: string[];
  /** what helps, in the customer's words */
  advice: string;
}

interface StepExplained {
  event: string;
  decision: Decision | null;
  status: string;
  score: number;
  scoreDelta: number;
  /** "Days overdue now −35": what the step itself moved */
  moves: string[];
  /** what time and month-end reports moved before the day's first input, since the step on day `since` */
  byTime: { since: number; delta: number; moves: string[] } | null;
  /** the score's bound that took up points, when it did */
  bound: string | null;
  /** the line decided on (Huabei, Jiebei), or null for the customer as a whole */
  line: string | null;
  /** a suspension recorded beneath a security hold (the status stays the hold's): its cause */
  beneath: "credit" | "policy" | null;
  reasons: ReasonExplained[];
  /** rules that also held that step, beside the reasons */
  also: ReasonExplained[];
  remedies: string[];
}

export interface DayExplanation {
  scenario: string;
  day: number;
  date: string;
  policy: string;
  /** the scenario's last day, when the day asked for comes after it (the engine played on to it with no
   *  event of the customer's); null otherwise */
  pastUntil: number | null;
  /** the day's steps; empty when nothing happened that day */
  steps: StepExplained[];
  /** the last step before the day, when the day has none */
  before: { day: number; date: string; event: string } | null;
  /** the lines the day's periodic review judged and left as they were (an active line whose review decides
   *  nothing is no step of the trace: without this, a review day reads as a day nothing happened) */
  keptAtReview: string[];
  /** the score at the end of the day, characteristic by characteristic (`afterLastStep`: the score the
   *  last step on or before the day left, when time moved it since — days past due, the windows of
   *  recent activity, a month-end report) */
  score: {
    value: number;
    band: string;
    defaultProbability: number;
    factors: FactorView[];
    afterLastStep?: { score: number; day: number; moves: string[] };
  };
  /** the customer's next steps: remedies of the day, else the advice of its adverse reasons */
  todo: string[];
  /** when the steps are customer service's answer as the day closed — its own review or checks decided
   *  after its events, so the day is over and amounts owed include its close's late penalty: the day they
   *  apply from (the next), what decided last, and whether they ask for an overdue; null when they apply
   *  within the day */
  todoFrom: { day: number; date: string; after: string; overdue: boolean } | null;
}

/** Where a day's steps are in the trace's (in day order, as the engine makes them): `from` the first,
 *  `to` past the last — `from` is past the last step before the day when it has none. Searched, not
 *  filtered: `run --json --explain` explains every day that decides, and filtering (and copying) the
 *  whole trace for each made a run of 100,000 steps take many minutes. */
function dayOf(steps: readonly Step[], day: number): { from: number; to: number } {
  return { from: countBefore(steps, (s) => s.day < day), to: countBefore(steps, (s) => s.day <= day) };
}

/** A scenario's policy changes: the day of each policy event and the policy in force after it, in order. */
const policyChanges = new WeakMap<Scenario, { days: number[]; policies: Policy[] }>();

/** The policy in force at the end of `day`: the scenario's, then every `policy` event up to that day, merged
 *  as the engine merges them (named as its steps name it). The changes are found once a scenario (its
 *  events in day order): walking every event up to the day, for each day that decides, made
 *  `run --json --explain` of 100,000 events spend most of seven minutes here. */
function policyAt(scenario: Scenario, day: number): Policy {
  let changes = policyChanges.get(scenario);
  if (changes === undefined) {
    changes = { days: [], policies: [] };
    let policy: Policy = scenario.policy;
    for (const e of scenario.events)
      if (e.type === "policy") {
        policy = applyPolicyEvent(policy, e.use, e.set);
        changes.days.push(e.day);
        changes.policies.push(policy);
      }
    policyChanges.set(scenario, changes);
  }
  // the changes on or before the day: the last of them is in force
  const made = countBefore(changes.days, (d) => d <= day);
  return made === 0 ? scenario.policy : changes.policies[made - 1]!;
}

function factors(inputs: ScoreInputs): FactorView[] {
  return explain(inputs).map((f) => ({
    characteristic: f.characteristic.title,
    dimension: DIMENSIONS[f.characteristic.dimension].label,
    ...factorWords(f),
    read: f.value,
    points: f.points,
    max: f.characteristic.max,
  }));
}

const pointsAt = (code: ReasonCode): ReasonInfo["pointsAt"] => (REASONS[code] as ReasonInfo).pointsAt;

/** `steps`: customer service's steps the day's explanation lists (what the customer can do), which the
 *  advice of a reason pointing at them names rather than point at them unseen. */
function reasonExplained(code: ReasonCode, step: Step, steps: readonly string[]): ReasonExplained {
  const info: ReasonInfo = REASONS[code];
  let because: string[] = [];
  const inputs = reasonInputs(step);
  if (info.kind === "score")
    // the characteristics the code stands for: its own, or — a thin file's missing record — every one
    // without information whose missing bin cites it (as scoreReasons ranks them), each that cost points
    because = explain(inputs)
      .filter((f) => {
        const c = f.characteristic;
        const cited = inputs[c.id] === null ? c.missing?.reason : c.reason;
        return cited === code && (f.points < c.max || c.reason === code);
      })
      .map((f) => {
        const words = factorWords(f);
        return `${f.characteristic.title}: ${words.value} (bin "${words.bin}"), ${pointsText(f.points)} of ${f.characteristic.max} points — ${f.characteristic.max - f.points} short`;
      });
  else
    because = step.facts
      .filter((f) => f.code === code)
      .map(describeFact)
      // a rule without numbers (REPAYMENT_RECORD_REQUIRED, OTHER_LINE_SUSPENDED…) has nothing to show,
      // not an empty line
      .filter((text) => text !== "");
  const advice =
    info.pointsAt === "steps" && steps.length > 0
      ? `take the steps customer service gives (what the customer can do): ${steps.join("; ")}`
      : adviceOf(code, step, step.facts);
  return { code, kind: info.kind, text: reasonTextIn(code, inputs, step.facts), because, advice };
}

/**
 * What customer service would answer if asked on `day`, after the day's own events: its steps to take
 * (arrears to pay today, a minimum still in its grace days, the clean period, a closure ahead) — as of the
 * day's end when its checks or review decide after the events. `until`: the horizon the trace was run to.
 * Pure: the scenario with one `contact_support` more, run again.
 */
export function askedOn(scenario: Scenario, day: number, until: number): readonly Remedy[] {
  const index = scenario.events.length;
  const at = scenario.events.findIndex((e) => e.day > day);
  const ask = { index, day, type: "contact_support" as const };
  const events =
    at < 0 ? [...scenario.events, ask] : [...scenario.events.slice(0, at), ask, ...scenario.events.slice(at)];
  const asked = simulate({ ...scenario, until, observe: [], events });
  const answer = asked.steps.findIndex(
    (s) => s.day === day && s.event.type === "contact_support" && s.event.index === index,
  );
  if (answer < 0) return [];
  // the day's end-of-day checks and review run after its events: an answer given before a decision of
  // theirs (a restoration, a suspension) speaks of a day that is over ("the next periodic review is
  // today"), so the steps are those left at its end
  const later = asked.steps.slice(answer + 1).filter((s) => s.day === day);
  if (later.some((s) => s.decision !== null)) return answerAtEndOf(scenario, day);
  return asked.steps[answer]!.remedies;
}

export function explainDay(
  scenario: Scenario,
  trace: Trace,
  day: number,
  /** what customer service would answer that day (askedOn): the steps to take on a day without its own,
   *  or whose own a later decision of the day overtook */
  asked: readonly Remedy[] = [],
): DayExplanation {
  const { from, to } = dayOf(trace.steps, day);
  const steps = trace.steps.slice(from, to);
  const policy = policyAt(scenario, day);
  const prior = steps.length ? null : (trace.steps[from - 1] ?? null);
  // the latest step on or before the day (none: a file without events, or a day before its first)
  const last = steps.at(-1) ?? prior;
  const observed = trace.snapshots.get(day);
  const end = observed?.inputs ? { ...observed, inputs: observed.inputs } : last;
  if (!end) throw new Error(`day ${day} was neither observed nor stepped`);
  // steps given before a decision of the day's own checks or review (customer service's answer, then a
  // review that records the suspension anew) speak of a day that is over: those left at its end stand
  const given = steps.findLastIndex((s) => s.remedies.length > 0);
  const overtaken =
    given >= 0 && steps.slice(given + 1).some((s) => s.decision !== null && !("index" in s.event));
  const dayRemedies = overtaken ? asked : steps.flatMap((s) => s.remedies);
  // the day's own review or checks decided after its events: customer service's answer (askedOn) is as of
  // its close, and paying can start only the day after
  const closing = steps.findLast((s) => s.decision !== null && !("index" in s.event));
  const fromNextDay = closing !== undefined && asked.length > 0 && (overtaken || dayRemedies.length === 0);
  // the lines the customer has at the day's end: the steps speak of no other
  const held = linesHeld(end);
  const remedies = onceEach(dayRemedies, held);
  const pointsAtSteps = steps.some((s) => s.reasons.some((c) => pointsAt(c) === "steps"));
  // the steps to take (not the dated record) a reason pointing at customer service's steps names
  const toTake = onceEach(
    (dayRemedies.length > 0 ? dayRemedies : asked).filter((r) => r.kind !== "on_record"),
    held,
  );
  const explained = steps.map((s): StepExplained => {
    const change = scoreChange(s);
    // the standing of the line the step decided on (a step's own fields are Huabei's)
    const standing = s.line === "jiebei" ? s.jiebei : s;
    return {
      event: describeEvent(s),
      decision: s.decision,
      status: statusText(standing.status, standing.cause),
      score: s.score,
      scoreDelta: s.scoreDelta,
      moves: change.own,
      byTime: change.time,
      bound: change.bound,
      line: s.line === null ? null : lineName(s.line),
      beneath: s.beneath ?? null,
      // a review that decided nothing still shows what keeps a suspended line suspended
      reasons: s.reasons.map((c) => reasonExplained(c, s, toTake)),
      // rules that held too, beside the one that decided (a limit cut due the same day)
      also: s.facts
        .filter((f) => !s.reasons.includes(f.code))
        .map((f) => ({ ...reasonExplained(f.code, s, toTake), because: [describeFact(f)] })),
      remedies: s.remedies.map((r) => describeRemedy(r, linesHeld(s))),
    };
  });
  // a suspension recorded beneath a hold: the hold still stands, and verifying comes first
  const beneath = steps.find((s) => s.beneath !== undefined)?.beneath;
  const advice = reasonAdvice(
    undatedReasons(
      steps.flatMap((s) => s.reasons),
      steps.flatMap((s) => s.remedies),
    ),
    steps.at(-1),
    beneath === undefined ? [] : [heldAdvice(beneath)],
    steps.flatMap((s) => s.facts),
  );
  // a day without a decision: what helps with the characteristics that cost points that day
  const fell = steps.flatMap((s) => s.moves.filter((m) => m.to < m.from).map((m) => m.characteristic));
  const moveAdvice = [
    ...new Set(
      fell.flatMap((id) => {
        const c = CHARACTERISTICS.find((x) => x.id === id);
        return c ? [forLines(REASONS[c.reason].advice, held)] : [];
      }),
    ),
  ];
  const calendar = new Calendar(scenario.start);
  // the review runs on the policy's day of the month (a policy event moves it from that day on) and judges
  // every open line; a suspended line's review is always a step, an active line's only when it decides
  const reviewDay = calendar.nextDayOfMonth(day - 1, policy.reviewDayOfMonth) === day;
  const reviewed = new Set(
    steps.flatMap((s) => (s.event.type === "review" && !s.event.requested ? [s.line] : [])),
  );
  const keptAtReview = reviewDay
    ? (["huabei", "jiebei"] as const)
        .filter((l) => (l === "huabei" ? end : end.jiebei).status === "active" && !reviewed.has(l))
        .map(lineName)
    : [];
  return {
    scenario: scenario.name,
    day,
    date: calendar.date(day),
    policy: policy.name,
    pastUntil: day > scenario.until ? scenario.until : null,
    steps: explained,
    before: prior ? { day: prior.day, date: prior.date, event: describeEvent(prior) } : null,
    keptAtReview,
    // the day's end: time moves the score without a step of its own (days past due, windows, month ends)
    score: {
      value: end.score,
      band: band(end.score),
      defaultProbability: probabilityOfDefault(end.score),
      factors: factors(end.inputs),
      ...(last && end.score !== last.score
        ? {
            afterLastStep: {
              score: last.score,
              day: last.day,
              // what moved since, characteristic by characteristic (the moves of a step-less stretch)
              moves: scoreChange({
                score: end.score,
                scoreDelta: end.score - last.score,
                moves: movedCharacteristics(score(last.inputs).points, score(end.inputs).points),
              }).own,
            },
          }
        : {}),
    },
    // the record alone leaves nothing to do: the reasons' advice says what helps, after it
    todo: remedies.length
      ? nothingToDo(dayRemedies)
        ? [...remedies, ...advice]
        : remedies
      : advice.length
        ? // an overdue owed at the day's end is asked for first, as on the quiet days beside it, though
          // the day's reasons do not name it; a reason pointing at customer service's steps names them:
          // they are listed beside the others' advice
          [
            ...new Set([
              ...onceEach(
                asked.filter((r) => r.kind === "pay_overdue"),
                held,
              ),
              ...(pointsAtSteps && asked.length
                ? [...advice, ...asked.map((r) => describeRemedy(r, held))]
                : advice),
            ]),
          ]
        : asked.some((r) => r.kind !== "next_due")
          ? [...new Set(asked.map((r) => describeRemedy(r, held)))]
          : // what falls due next (a reminder, no step) before what helps the score or the standing
            [
              ...new Set(asked.map((r) => describeRemedy(r, held))),
              ...(moveAdvice.length ? moveAdvice : standing(trace, end, day, owedToday(trace, end, day))),
            ],
    todoFrom:
      fromNextDay && closing !== undefined
        ? {
            day: day + 1,
            date: calendar.date(day + 1),
            after: describeEvent(closing),
            overdue: asked.some((r) => r.kind === "pay_overdue"),
          }
        : null,
  };
}

/** Steps the customer takes once whatever the line (one verification lifts every hold; the clean period
 *  and the applications' window are the customer's record): said once, without a line, when both give it. */
const CUSTOMERS: readonly Remedy["kind"][] = ["verify_identity", "keep_clean_until", "wait_for_inquiries"];

/**
 * The day's steps in words, each step once: two decisions of a day (customer service, then an early review)
 * may both give one — the same kind for the same line (a suspension's record: for the same cause), or one
 * of the customer's from each line. It keeps the place it was first given, in the words of the last to give
 * it (what the day left: an amount after a repayment between them).
 */
function onceEach(remedies: readonly Remedy[], held: readonly LineId[]): string[] {
  const steps = new Map<string, { remedy: Remedy; lines: Set<string> }>();
  for (const r of remedies) {
    const customers = CUSTOMERS.includes(r.kind);
    const key = `${customers ? "" : r.line} ${r.kind} ${r.kind === "on_record" ? r.cause : ""}`;
    const lines = steps.get(key)?.lines ?? new Set<string>();
    steps.set(key, { remedy: r, lines: lines.add(r.line) });
  }
  return [
    ...new Set(
      [...steps.values()].map(({ remedy, lines }) =>
        lines.size > 1 ? remedyText(remedy, held) : describeRemedy(remedy, held),
      ),
    ),
  ];
}

/** What is past due while `day` runs: the arrears grow with the penalty at each day's close, so the last
 *  step's amount is out of date; the day before's end says what paying today must cover (when observed),
 *  else the day's own end. */
function owedToday(trace: Trace, end: Snapshot, day: number): { huabei: number; jiebei: number } {
  const { from, to } = dayOf(trace.steps, day);
  const before = from === to ? trace.snapshots.get(day - 1) : undefined;
  const at = before ?? end;
  return { huabei: at.overdue, jiebei: at.jiebei.overdue };
}

/** A day that asks nothing new of the customer, who is still behind or suspended: what still stands. */
function standing(
  trace: Trace,
  last: Snapshot,
  day: number,
  owed: { huabei: number; jiebei: number },
): string[] {
  const out: string[] = [];
  if (last.overdue > 0 && owed.huabei > 0)
    out.push(describeRemedy({ line: "huabei", kind: "pay_overdue", amount: owed.huabei }));
  if (last.jiebei.overdue > 0 && owed.jiebei > 0)
    out.push(describeRemedy({ line: "jiebei", kind: "pay_overdue", amount: owed.jiebei }));
  if (last.status === "suspended" || last.jiebei.status === "suspended") {
    // the last decision that kept or made the suspension says what blocks restoration
    const steps = trace.steps;
    let why: Step | undefined;
    for (let i = dayOf(steps, day).to - 1; i >= 0 && why === undefined; i--) {
      const s = steps[i]!;
      if (s.reasons.length > 0 && (s.decision === "suspended" || s.decision === null)) why = s;
    }
    if (why)
      out.push(`the line is suspended: \`explain --day ${why.day}\` shows what still blocks restoration`);
  }
  return out;
}
