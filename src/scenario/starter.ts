// The scenario `credit-sim init` writes: a commented starter that teaches the calendar, shows a bill
// repaid on time and one repaid late, and carries one expectation that holds. Pure text; the command
// writes it.

/** The file name `init` gives the starter. */
export const STARTER_FILE = "first-scenario.yaml";

/** `schema`: the first line's comment, by which editors find scenario.schema.json from the new file's
 *  folder, or null: no such line (json-schema.ts's schemaComment). */
export function starterScenario(schema: string | null): string {
  return `${schema !== null ? `# ${schema}\n#\n` : ""}# Your first credit-sim scenario: one customer's timeline, played day by day.
# To try it, from this file's folder:
#   credit-sim run ${STARTER_FILE}                      the trace: every step, decision and reason
#   credit-sim explain ${STARTER_FILE} --day 73         why the score fell that day
#   credit-sim test .                                       checks the expectations below
#
# The calendar (policy "default"; day 0 is \`start\`, 2024-01-01 here):
#   the 1st of each month   statement: purchases so far become a bill       (day 31 = 1 Feb, day 60 = 1 Mar)
#   the 10th                the bill is due; its minimum is 10 %            (day 40 = 10 Feb, day 69 = 10 Mar)
#   the 11th-13th           grace days: a repayment still counts as on time
#   the 14th                an unpaid minimum is overdue (0.05 %/day)       (day 44 = 14 Feb, day 73 = 14 Mar)
#   the 15th                the monthly review: suspend, cut the limit, or restore
# So a purchase on day 5 is billed on day 31, due on day 40, and overdue from day 44 if still unpaid.

name: My first scenario
description: opens an account, repays the first bill on time and the second one late
start: 2024-01-01
until: 100                 # the last simulated day
policy: default            # or tightened, or a path to a policy file (see \`credit-sim policies\`)
profile: { age: 30, monthlyIncome: 8000, verified: true, creditHistoryMonths: 24 }

events:                    # amounts in yuan; same-day events keep this order
  - { day: 0, type: apply, product: open, amount: 5000 }
  - { day: 5, type: purchase, amount: 1200, merchant: Taobao }   # billed on day 31, due day 40
  - { day: 38, type: repay, amount: statement }                  # 8 Feb: before the due day, on time
  - { day: 50, type: purchase, amount: 800, merchant: JD }       # billed on day 60, due day 69
  - { day: 75, type: repay, amount: full }                       # 16 Mar: 6 days past due (try day 68)
  - { day: 76, type: contact_support }                           # customer service explains the score

expect:                    # what \`credit-sim test\` checks, at the end of each day
  - { end: true, status: active, balance: 0 }
  # more to try: - { day: 76, decision: info, reasons: [OVERDUE_RECENT] }    - { day: 0, decision: approved, limit: 5000 }
`;
}
