// The day an application for an increase can pass, told to a customer whose recent applications are the
// answer's reasons.

import { decideApplication, increaseFrom } from "../applications.js";
import type { Calendar } from "../calendar.js";
import { type Customer, lineOf } from "../customer.js";
import { FEN_PER_YUAN } from "../money.js";
import { REASONS, type ReasonCode } from "../reasons.js";
import { openingOn } from "../report-ahead.js";
import { type Scored, scoreOn } from "../score-inputs.js";
import type { Remedy } from "../types.js";
import { applicationOn } from "./applying.js";
import type { SupportAnswer } from "./citing.js";

/** The rules only time clears for an increase: the applications of the last 30 days, the cooldown since
 *  the line's last opening or increase, the clean record since a missed due date. */
const INCREASE_WAITS: readonly ReasonCode[] = [
  "TOO_MANY_APPLICATIONS",
  "INCREASE_TOO_SOON",
  "RECENT_MISSED_PAYMENT",
];

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
  // advice is then what it says)
  if (!answer.reasons.some((r) => r === "INQUIRIES_30D" || r === "INQUIRIES_180D")) return answer;
  // (a limit cut the next review makes asks nothing: its warning leaves the day to name as it was)
  if (
    answer.remedies.some((r) => r.kind !== "on_record" && r.kind !== "next_due" && r.kind !== "review_cuts")
  )
    return answer;
  // a policy that allows no application at all: no day to name
  if (c.policy.maxApplications30d < 1) return answer;
  const remedies: Remedy[] = [...answer.remedies];
  for (const line of [c.huabei, c.jiebei]) {
    if (line.status !== "active") continue;
    let on = applicationOn(c, day, increaseFrom(c, line, day), s);
    // the line as that day opens, as things stand (each bill and instalment met at its minimum, nothing more
    // spent): a review before it that cuts the limit — the next one's cut is warned of (review_cuts), a
    // later one reads the month ends until then — restarts the cooldown, and the day is counted from it
    // (PROPERTY_SEED=9129: ¥3,001 cut to ¥3,000 by the review of day 74, the day named 76 was declined
    // INCREASE_TOO_SOON)
    let opened = on.day > day ? openingOn(c, day, calendar, on.day) : c;
    let restarted = false;
    for (let i = 0; i < 12; i++) {
      const ahead = lineOf(opened, line.id);
      if (ahead.status !== "active" || increaseFrom(opened, ahead, on.day) <= on.day) break;
      on = applicationOn(c, day, increaseFrom(opened, ahead, on.day), s);
      opened = openingOn(c, day, calendar, on.day);
      restarted = true;
    }
    const from = on.day;
    // the increase probed is one a customer would ask for — the limit raised to the next whole hundred of
    // yuan — which the decline then quotes as the amount asked (a fen or a yuan more read '¥8,001.00 asked')
    const hundred = 100 * FEN_PER_YUAN;
    const more = (Math.floor(line.limit / hundred) + 1) * hundred - line.limit;
    const now = decideApplication(c, line, day, "increase", more, s, 1);
    if (from === day) {
      // nothing time clears, and still declined today for a line left unused (increaseUsedWithinDays): said,
      // with the step that puts it right — told only to stop applying, the customer declined for it learnt
      // nothing of the use asked (the other rules' steps are the answer's own)
      const unused = now.decision === "declined" && now.facts.some((f) => f.code === "LINE_NOT_IN_USE");
      if (unused)
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
      (code) => now.facts.some((f) => f.code === code) || (restarted && code === "INCREASE_TOO_SOON"),
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
