// Policies whose parameters are each valid alone but together make the engine say what is not so: a bill
// stated as carried, its minimum folded into the next, before it fell due; a limit band the file writes
// and no customer ever gets. Refused where they are written — a policy file, a `policy` event's `set` (and
// what-if's --set, written as one), a --challenger-set or a --sweep variant — every one at once, with the
// values that would work. What binds when thresholds cross (a restoration score below the keeping one, a
// band below the smallest line) is the policy's choice and runs: docs/model.md says what the engine does.
// Where such a choice makes the engine reward what the policy means to discourage (a penalty below the
// interest it replaces: missing a due date costs less than paying the minimum), it runs with a warning.

import { Calendar, type PolicyParamName, type PolicyParams } from "../engine/index.js";

/** Two parameters (or a table's rows) that make no policy together. */
export interface PolicyConflict {
  /** the parameters involved: the first one a file or a `set` writes is where it is told */
  params: readonly PolicyParamName[];
  /** below the parameter told, where there is more to point at (a band's index) */
  at?: readonly number[];
  message: string;
  expected: string;
  found: string;
  hint: string;
}

/** Every conflict of a whole policy's parameters, in the order of the parameters. */
function policyConflicts(p: PolicyParams): PolicyConflict[] {
  return [
    ...calendarConflicts(p),
    ...bandConflicts(p, "limitBands"),
    ...bandConflicts(p, "jiebeiLimitBands"),
  ];
}

/** Every caution of a whole policy's parameters: what runs as written, but rewards what it means to deter. */
function policyCautions(p: PolicyParams): PolicyConflict[] {
  return [
    ...penaltyCautions(
      p,
      "penaltyRatePerDay",
      "revolvingRatePerDay",
      "a missed Huabei bill bears less a day, yuan for yuan, than one whose minimum is paid and the rest revolved",
    ),
    ...penaltyCautions(
      p,
      "jiebeiPenaltyRatePerDay",
      "jiebeiRatePerDay",
      "a missed Jiebei instalment's principal bears less a day than the loan's principal not yet due",
    ),
  ];
}

/** The cautions of `p` that involve a parameter `written` names, told as conflictsWritten tells its
 *  conflicts: warnings, not refusals (the policy runs as written). */
export function cautionsWritten(
  p: PolicyParams,
  written: readonly string[],
  from: string,
): Array<PolicyConflict & { param: PolicyParamName }> {
  return writtenOf(policyCautions(p), written, from);
}

/** A caution as a warning line: where it is written (`file:line:column`, the file alone with no position),
 *  the field, what it does, what was found and the fix. */
export function cautionText(
  c: PolicyConflict,
  file: string,
  at: { line: number; column: number } | undefined,
  field: string,
): string {
  const where = at ? `${file}:${at.line}:${at.column}` : file;
  return `${where}: ${field}: ${c.message}: ${c.found}; ${c.hint}`;
}

/** The conflicts of `p` that involve a parameter `written` names (a file's own keys, a `set`'s): the
 *  others are another's to tell (the policy it extends, the one in effect before). Each with the parameter
 *  to tell it at, the first of its own that `written` names; what it found says which of the others came
 *  from `from`, the policy the rest is (by name). */
export function conflictsWritten(
  p: PolicyParams,
  written: readonly string[],
  from: string,
): Array<PolicyConflict & { param: PolicyParamName }> {
  return writtenOf(policyConflicts(p), written, from);
}

function writtenOf(
  all: readonly PolicyConflict[],
  written: readonly string[],
  from: string,
): Array<PolicyConflict & { param: PolicyParamName }> {
  const out: Array<PolicyConflict & { param: PolicyParamName }> = [];
  for (const c of all) {
    const param = c.params.find((name) => written.includes(name));
    if (param === undefined) continue;
    const others = c.params.filter((name) => !written.includes(name));
    const found = others.length > 0 ? `${c.found} (${others.join(", ")} of policy ${from})` : c.found;
    out.push({ ...c, param, found });
  }
  return out;
}

// --- the calendar -------------------------------------------------------------------------------------

// Two years from a common year: a February of 28 days and one of 29, and every pair of month lengths one
// after the other (31→28, 31→29, 28→31, 29→31, 31→30, 30→31, 31→31). A day of the month past a month's
// end is its last day, as the engine's calendar clamps it; a statement's bill falls due on the first due
// day after it (Calendar.nextDayOfMonth), as the engine bills it.
const CALENDAR = new Calendar("2023-01-01");
const MONTHS = 24;

interface LateDue {
  statement: number;
  due: number;
  next: number;
}

const LATE_DUE = new Map<number, LateDue | null>();

/** The first statement in the two years whose bill falls due on or after the next statement; null when
 *  every bill falls due before it. */
function lateDue(statementDay: number, dueDay: number): LateDue | null {
  const key = statementDay * 32 + dueDay;
  const known = LATE_DUE.get(key);
  if (known !== undefined) return known;
  let found: LateDue | null = null;
  for (let m = 0; m < MONTHS && found === null; m++) {
    const statement = CALENDAR.dayOfMonthIn(2023 + Math.floor(m / 12), (m % 12) + 1, statementDay);
    const due = CALENDAR.nextDayOfMonth(statement, dueDay);
    const next = CALENDAR.nextDayOfMonth(statement, statementDay);
    if (due >= next) found = { statement, due, next };
  }
  LATE_DUE.set(key, found);
  return found;
}

const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

function calendarConflicts(p: PolicyParams): PolicyConflict[] {
  const s = p.statementDayOfMonth;
  const d = p.dueDayOfMonth;
  const late = lateDue(s, d);
  if (late === null) return [];
  const date = (day: number) => CALENDAR.date(day);
  const when =
    late.due === late.next
      ? `on the day of the next statement (${date(late.next)})`
      : `on ${date(late.due)}, after the next statement (${date(late.next)})`;
  const dues = DAYS.filter((x) => lateDue(s, x) === null);
  const statements = DAYS.filter((x) => lateDue(x, d) === null);
  return [
    {
      params: ["dueDayOfMonth", "statementDayOfMonth"],
      message: "a bill would fall due on or after the next statement",
      expected:
        "a due day that comes before the next statement in every month (a day past a short month's end is its last day)",
      found: `statementDayOfMonth ${s}, dueDayOfMonth ${d}: e.g. the bill stated on ${date(late.statement)} falls due ${when}`,
      hint: `with statements on the ${ordinal(s)}, a due day ${days(dues)}; or, due on the ${ordinal(d)}, a statement day ${days(statements)}`,
    },
  ];
}

/** "1st", "2nd", "3rd", "11th", "21st"… */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** Days of the month as runs: "on the 1st–9th or 11th–31st". */
function days(list: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const x of list) {
    const last = runs.at(-1);
    if (last && last[1] === x - 1) last[1] = x;
    else runs.push([x, x]);
  }
  const said = runs.map(([a, b]) => (a === b ? ordinal(a) : `${ordinal(a)}–${ordinal(b)}`));
  return `on the ${said.length === 1 ? said[0]! : `${said.slice(0, -1).join(", ")} or ${said.at(-1)}`}`;
}

/** Yuan with thousands separators, as the trace writes them: ¥8,000, ¥1,234.5. */
function yuan(n: number): string {
  const [whole, fraction] = String(n).split(".");
  return `¥${whole!.replace(/\B(?=(\d{3})+$)/g, ",")}${fraction === undefined ? "" : `.${fraction}`}`;
}

// --- limit bands --------------------------------------------------------------------------------------

/** A band another band offers more than at a score no higher: the engine grants the highest limit among
 *  the bands a score reaches, so this one never binds — a customer from its score gets the other's. */
function bandConflicts(p: PolicyParams, name: "limitBands" | "jiebeiLimitBands"): PolicyConflict[] {
  const bands = p[name];
  const out: PolicyConflict[] = [];
  bands.forEach((b, j) => {
    let over = -1;
    bands.forEach((a, i) => {
      if (i === j || a.minScore > b.minScore || a.maxLimit <= b.maxLimit) return;
      if (over < 0 || a.maxLimit > bands[over]!.maxLimit) over = i;
    });
    if (over < 0) return;
    const a = bands[over]!;
    out.push({
      params: [name],
      at: [j],
      message: "a limit band that never applies: a band from a score no higher offers more",
      expected:
        "a band from a higher score with a higher maxLimit (a score gets the highest limit of the bands it reaches)",
      found: `from ${b.minScore}: ${yuan(b.maxLimit)}; ${name}[${over}] from ${a.minScore}: ${yuan(a.maxLimit)}, so a score of ${b.minScore} or more gets ${yuan(a.maxLimit)}`,
      hint:
        a.minScore === b.minScore
          ? `one band per score: remove this one, or give it another minScore`
          : `give this band a maxLimit above ${yuan(a.maxLimit)}, or remove it`,
    });
  });
  return out;
}

// --- penalty rates ------------------------------------------------------------------------------------

/** A daily penalty below the interest it replaces: the overdue principal bears the penalty instead of
 *  interest (docs/model/huabei.md, jiebei.md: Huabei's whole bill once its minimum is missed, Jiebei's missed instalment), so
 *  a yuan left unpaid on a due date costs less a day than one paid on time and revolved or still lent — the
 *  policy runs, but rewards missing the due date: a warning, not a refusal. */
function penaltyCautions(
  p: PolicyParams,
  penalty: "penaltyRatePerDay" | "jiebeiPenaltyRatePerDay",
  interest: "revolvingRatePerDay" | "jiebeiRatePerDay",
  cheaper: string,
): PolicyConflict[] {
  if (p[penalty] >= p[interest]) return [];
  return [
    {
      params: [penalty, interest],
      message: `a penalty below the interest it replaces: ${cheaper}`,
      expected: `${penalty} at least ${interest} (the overdue principal bears the penalty instead of interest)`,
      found: `${penalty} ${p[penalty]}, ${interest} ${p[interest]}`,
      hint: `set ${penalty} to ${p[interest]} or more, or ${interest} to ${p[penalty]} or less`,
    },
  ];
}
