// The day an application for an increase can pass, told to a customer whose recent applications are the
// answer's reasons.

import { decideApplication, increaseFrom } from "../applications.js";
import type { Calendar } from "../calendar.js";
import { type Customer, countWithin, type Line, lineOf, thinFile } from "../customer.js";
import { FEN_PER_YUAN } from "../money.js";
import { REASONS, type ReasonCode } from "../reasons.js";
import { openingOn } from "../report-ahead.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import { monthEndAfter } from "../state.js";
import type { Remedy } from "../types.js";
import { applicationOn } from "./applying.js";
import type { SupportAnswer } from "./citing.js";

/** The rules only time clears for an increase: the applications of the last 30 days, the cooldown since
 *  the line's last opening or increase, the clean record since a missed due date, the thin-file cap. */
const INCREASE_WAITS: readonly ReasonCode[] = [
  "TOO_MANY_APPLICATIONS",
  "INCREASE_TOO_SOON",
  "RECENT_MISSED_PAYMENT",
  // the thin-file cap: lifted once the file holds six months of repayment record (its months elsewhere
  // counted), the month ends of a line used within the year before counting as they come
  "LIMIT_AT_THIN_FILE_CAP",
];

/** The most month ends read ahead for the file to reach six months of record (it needs at most six). */
const THIN_FILE_MONTHS_AHEAD = 7;

/** An answer that tells the customer to stop applying (its reasons the recent applications, nothing else
 *  asked): for each active line an application for an increase would be declined today for what only time
 *  clears, the first day on which none of those rules declines it, each by its own window — if nothing
 *  else moves — and what would decline it then besides (`blocked`, judged as the engine would on that day,
 *  on the customer as things stand then: the reviews until then made, a cut restarting the cooldown, a
 *  suspension declining it; `besides`, every other rule that would). Told only 'stop applying for a while' after seven weekly asks, the customer could not
 *  know the cooldown allowed one from day 181. (A limit cut's way back names its own day, a step.) */
export function increaseDay(
  c: Customer,
  day: number,
  s: Scored,
  calendar: Calendar,
  answer: SupportAnswer,
): SupportAnswer {
  // the answer says to stop applying when these are its reasons and it asks nothing else (the reasons'
  // advice is then what it says) — and a customer who applied within the last 30 days asks why and when,
  // whatever the score's drivers rank first (an application declined yesterday, its inquiry outranked by
  // four weaker characteristics, was told score advice alone)
  const asked = countWithin(c.inquiries, day, 30) > 0;
  if (!asked && !answer.reasons.some((r) => r === "INQUIRIES_30D" || r === "INQUIRIES_180D")) return answer;
  // (a limit cut the next review makes asks nothing: its warning leaves the day to name as it was)
  if (
    answer.remedies.some(
      (r) =>
        r.kind !== "on_record" &&
        r.kind !== "next_due" &&
        r.kind !== "review_cuts" &&
        // the day a declined application asked about is allowed asks nothing but waiting either
        r.kind !== "applications_allow",
    )
  )
    return answer;
  // a policy that allows no application at all: no day to name
  if (c.policy.maxApplications30d < 1) return answer;
  const remedies: Remedy[] = [...answer.remedies];
  for (const line of [c.huabei, c.jiebei]) {
    if (line.status !== "active") continue;
    let earliest = increaseFrom(c, line, day);
    let on = applicationOn(c, day, earliest, s);
    // the line as that day opens, as things stand (each bill and instalment met at its minimum, nothing more
    // spent): a review before it that cuts the limit — the next one's cut is warned of (review_cuts), a
    // later one reads the month ends until then — restarts the cooldown, and the day is counted from it
    // (PROPERTY_SEED=9129: ¥3,001 cut to ¥3,000 by the review of day 74, the day named 76 was declined
    // INCREASE_TOO_SOON)
    let opened = on.day > day ? openingOn(c, day, calendar, on.day) : c;
    let restarted = false;
    let thinWaited = false;
    for (let i = 0; i < 12; i++) {
      const ahead = lineOf(opened, line.id);
      if (ahead.status !== "active") break;
      if (increaseFrom(opened, ahead, on.day) > on.day) {
        earliest = increaseFrom(opened, ahead, on.day);
        restarted = true;
      } else {
        // the thin-file cap declines it that day: the day the file reaches six months of record as things
        // stand (none within reach: the cap is said as what declines it then). Told only score advice, a
        // customer declined at the ¥2,000 cap with two bills repaid on time learnt neither why nor when
        if (!thinFile(opened) || !thinCapped(opened, ahead, on.day)) break;
        const record = recordDay(c, day, calendar, on.day);
        if (record === null) break;
        earliest = record;
        thinWaited = true;
      }
      on = applicationOn(c, day, Math.max(earliest, on.day), s);
      opened = openingOn(c, day, calendar, on.day);
    }
    const from = on.day;
    // the increase probed is one a customer would ask for — the limit raised to the next whole hundred of
    // yuan — which the decline then quotes as the amount asked (a fen or a yuan more read '¥8,001.00 asked')
    const hundred = 100 * FEN_PER_YUAN;
    const more = (Math.floor(line.limit / hundred) + 1) * hundred - line.limit;
    const now = decideApplication(c, line, day, "increase", more, s, 1);
    if (from === day) {
      // nothing time clears, and still declined today (a line left unused, a score below minIncreaseScore,
      // a cap): said, every rule with the step that puts it right — told only to stop applying, the customer
      // declined for a line unused learnt nothing of the use asked, and one declined for the score heard
      // score advice but not the score an increase needs
      if (now.decision === "declined" && now.facts.length > 0)
        remedies.push({
          line: line.id,
          kind: "increase_from",
          day,
          date: calendar.date(day),
          waits: [],
          blocked: now.facts[0]!,
          ...(now.facts.length > 1 && { besides: now.facts.slice(1) }),
        });
      continue;
    }
    // (and the cooldown a cut before that day restarts, when it is what the day waits for)
    const waits = INCREASE_WAITS.filter(
      (code) =>
        // the thin-file cap only when the file reaches six months by then (a line unused adds no record: the
        // cap then declines it on that day too, said as what does)
        (code !== "LIMIT_AT_THIN_FILE_CAP" && now.facts.some((f) => f.code === code)) ||
        (restarted && code === "INCREASE_TOO_SOON") ||
        (thinWaited && code === "LIMIT_AT_THIN_FILE_CAP"),
    );
    // judged as the engine would on that day, on the customer as it opens (`opened`, as things stand): a
    // review before it may have cut the line (the increase asked then is from the limit cut to), or suspended
    // it (the month ends until then report what is owed), and a suspended line declines the increase before
    // any rule is read (PROPERTY_SEED=9129: ¥351 owed at a call on day 61, reported on day 90, the review of
    // day 105 read 618 against minScore 620; the answer judged day 180 on today's file, "668 against
    // minIncreaseScore 700", while the line, suspended, declined it for the suspension)
    const ahead = lineOf(opened, line.id);
    const asked = (Math.floor(ahead.limit / hundred) + 1) * hundred - ahead.limit;
    const then = decideApplication(opened, ahead, from, "increase", asked, scoreOn(opened, from), 1);
    // every rule that declines it then is named, each with its step (the first `blocked`, the others
    // `besides`): told only the first, the customer who put it right would be declined for the next — a
    // decline no rule's numbers say (the line suspended) by its reasons
    const rules =
      then.decision !== "declined"
        ? []
        : ahead.status === "active"
          ? then.facts
          : then.reasons.filter((code) => REASONS[code].kind !== "score").map((code) => ({ code }));
    const blocked = rules[0];
    remedies.push({
      line: line.id,
      kind: "increase_from",
      day: from,
      date: calendar.date(from),
      waits,
      ...(blocked && { blocked }),
      ...(rules.length > 1 && { besides: rules.slice(1) }),
    });
  }
  return { ...answer, remedies };
}

/** Whether an increase on `line` asked on `day` by customer `c` is declined at the thin-file cap. */
function thinCapped(c: Customer, line: Line, day: number): boolean {
  const hundred = 100 * FEN_PER_YUAN;
  const asked = (Math.floor(line.limit / hundred) + 1) * hundred - line.limit;
  const v = decideApplication(c, line, day, "increase", asked, scoreOn(c, day), 1);
  return v.decision === "declined" && v.facts.some((f) => f.code === "LIMIT_AT_THIN_FILE_CAP");
}

/** The first day after `from` (a month end's next day: its report is on file by then) on which the customer,
 *  as things stand from `day` (each bill met at its minimum, nothing more spent), has a file of six months
 *  of repayment record; null when none within THIN_FILE_MONTHS_AHEAD month ends does (a line unused for a
 *  year stops adding record). The decline at the cap names it too (customer-events). */
export function recordDay(c: Customer, day: number, calendar: Calendar, from: number): number | null {
  let end = monthEndAfter(calendar, from);
  for (let i = 0; i < THIN_FILE_MONTHS_AHEAD; i++) {
    if (!thinFile(openingOn(c, day, calendar, end + 1))) return end + 1;
    end = monthEndAfter(calendar, end + 1);
  }
  return null;
}
