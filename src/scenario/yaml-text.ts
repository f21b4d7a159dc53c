// The text of a YAML document credit-sim writes — a what-if variant, an exported account, the --flips
// files — which is read with `cat` or on standard output (`whatif --save -`) as well as by the loader.
// The YAML library escapes C0 controls in a double-quoted string, but writes C1 controls (U+009B, a CSI
// to many terminals) and bidirectional overrides raw, and a string holding only those plain: a scenario
// named with them reached the terminal as it reaches it in no report. Every such string is written
// double-quoted, the characters as `\u` escapes, which the loader reads back as the same text. A -0 a
// file accepted (`day: -0`, `--edit 3:day=-0`) is the 0 it stands for: written `0`, not `-0`.

import { type Document, isScalar, visit } from "yaml";
import { escapeUnseen, holdsUnseen } from "../shared/text.js";

/** `doc` as text (`options` as Document.toString's), no string in it holding a raw C1 or bidi control. */
export function yamlText(doc: Document, options: Parameters<Document["toString"]>[0]): string {
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node)) return;
      if (typeof node.value === "string" && holdsUnseen(node.value)) node.type = "QUOTE_DOUBLE";
      else if (Object.is(node.value, -0)) node.value = 0;
    },
  });
  return escapeUnseen(doc.toString(options));
}
