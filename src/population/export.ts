// A generated account as an ordinary scenario file: the same timeline written out (yuan, day numbers,
// policy references), so `credit-sim run exported.yaml` reproduces the account's outcome exactly.

import { Document } from "yaml";
import { fenToYuan, type LineId, type Scenario, type ScenarioEvent } from "../engine/index.js";
import { MAX_DESCRIPTION, MAX_NAME } from "../scenario/schema.js";
import { refuseInexactNumbers } from "../scenario/written-numbers.js";
import { yamlText } from "../scenario/yaml-text.js";
import { elideMiddle } from "../shared/text.js";
import type { Outcome } from "./outcome.js";

const yuan = (fen: number): number => Number(fenToYuan(fen));

/** Huabei is the default line: only Jiebei is written out. */
const onLine = (line: LineId) => (line === "huabei" ? {} : { line });

function writtenEvent(e: ScenarioEvent, policyRef: (name: string) => string): Record<string, unknown> {
  const at = { day: e.day, type: e.type };
  switch (e.type) {
    case "apply":
      return { ...at, ...onLine(e.line), product: e.product, amount: yuan(e.amount) };
    case "purchase":
      return {
        ...at,
        amount: yuan(e.amount),
        ...(e.merchant === null ? {} : { merchant: e.merchant }),
        ...(e.instalments === null ? {} : { instalments: e.instalments }),
      };
    case "borrow":
      return { ...at, amount: yuan(e.amount), term: e.term };
    case "repay":
      return {
        ...at,
        ...onLine(e.line),
        amount: e.amount.kind === "amount" ? yuan(e.amount.fen) : e.amount.kind,
      };
    case "close":
      return { ...at, ...onLine(e.line) };
    case "external_repayment":
      return { ...at, amount: yuan(e.amount) };
    case "request_review":
      return e.line === null ? at : { ...at, line: e.line };
    case "change_profile":
      return { ...at, field: e.field };
    case "external_debt":
      return { ...at, amount: yuan(e.amount) };
    case "income":
      return { ...at, monthlyIncome: e.monthlyIncome };
    case "policy":
      return {
        ...at,
        ...(e.use ? { use: policyRef(e.use.name) } : {}),
        ...(Object.keys(e.set).length > 0 ? { set: e.set } : {}),
      };
    case "note":
      return { ...at, text: e.text };
    case "external_inquiry":
    case "contact_support":
    case "verify_identity":
      return at;
  }
}

export interface ExportOptions {
  /** how the file names a policy: a built-in name, or a path (absolute or relative to the file) */
  policyRef: (policyName: string) => string;
  /** comment lines at the top */
  header: string[];
  /** the outcome in the population, written as an end-of-run expectation */
  outcome?: Outcome;
}

/** The written scenario (YAML text). Events keep the engine's order, so their indices round-trip. A number
 *  the file could not keep (more than 15 significant digits) is refused: an InputError naming its field. */
export function scenarioYaml(s: Scenario, options: ExportOptions): string {
  const written: Record<string, unknown> = {
    $schema: undefined,
    // derived from names a file gives (a persona's, a policy's): fitted, or the file would not load
    name: elideMiddle(s.name, MAX_NAME),
    description: elideMiddle(s.description, MAX_DESCRIPTION),
    start: s.start,
    until: s.until,
    policy: options.policyRef(s.policy.name),
    profile: {
      age: s.profile.age,
      monthlyIncome: s.profile.monthlyIncome,
      verified: s.profile.verified,
      creditHistoryMonths: s.profile.creditHistoryMonths,
      externalDebt: yuan(s.profile.externalDebt),
    },
    events: s.events.map((e) => writtenEvent(e, options.policyRef)),
  };
  delete written.$schema;
  const o = options.outcome;
  if (o) {
    written.expect = [
      {
        end: true,
        status: o.finalStatus,
        ...(o.finalStatus === "suspended" ? { cause: o.finalCause } : {}),
        score: o.finalScore,
        limit: yuan(o.finalLimit),
        balance: yuan(o.balance),
      },
    ];
  }
  refuseInexactNumbers(written);
  const doc = new Document(written);
  doc.commentBefore = options.header.map((l) => ` ${l}`).join("\n");
  for (const key of ["profile", "events", "expect"]) {
    const node = doc.get(key, true) as { flow?: boolean; items?: Array<{ flow?: boolean }> } | undefined;
    if (!node) continue;
    if (key === "profile") node.flow = true;
    else for (const item of node.items ?? []) item.flow = true;
  }
  return yamlText(doc, { lineWidth: 0 });
}
