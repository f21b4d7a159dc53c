// A customer at the most bound-detail changes the policy allows: until when one more puts a security hold on.

import type { Calendar } from "../calendar.js";
import type { Customer } from "../customer.js";
import { recentProfileChanges, securityWindow } from "../triggers.js";
import type { Remedy } from "../types.js";

/** The lines the security trigger watches (active, or suspended for credit or policy) when the bound-detail
 *  changes since the last verification within the window are as many as the policy allows
 *  (securityMaxChanges): another before the day the oldest of them leaves the window is one too many and
 *  puts a hold on them — said before it happens, as a bill's suspension is. Told on the first line it holds,
 *  naming each. None when no change is allowed at all (every change holds: nothing counts down). */
export function changeHolds(c: Customer, day: number, calendar: Calendar): Remedy[] {
  const max = c.policy.securityMaxChanges;
  const changes = recentProfileChanges(c, day);
  if (max === 0 || changes < max) return [];
  const lines = [c.huabei, c.jiebei].filter(
    (l) => l.status === "active" || (l.status === "suspended" && l.cause !== "security"),
  );
  const { window, windowClearsOn } = securityWindow(c, day);
  if (lines.length === 0 || windowClearsOn === undefined || window === undefined) return [];
  return [
    {
      line: lines[0]!.id,
      kind: "change_holds",
      day: windowClearsOn,
      date: calendar.date(windowClearsOn),
      changes,
      window,
      lines: lines.map((l) => l.id),
    },
  ];
}
