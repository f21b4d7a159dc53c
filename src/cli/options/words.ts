// A word of a fixed few (an outcome, a shell) typed another way: in capitals (`SUSPENDED`), with spaces
// around it, in a near spelling (`suspend`, `declines`): the word to write, said as such, as a command's or
// a policy's name is told.

import { suggest } from "../../shared/errors.js";
import { withoutBlanks } from "../../shared/text.js";

/** The hint for `typed`, which is none of `words`: the word meant and why it was not read; {} when none is
 *  near. */
export function wordHint(typed: string, words: readonly string[]): { hint?: string } {
  const bare = typed.trim();
  if (words.includes(bare)) return { hint: withoutBlanks(typed, bare) };
  const lower = words.find((w) => w === bare.toLowerCase());
  if (lower !== undefined) return { hint: `write ${lower}: it is written in lower case` };
  // near in spelling and begun the same (`suspend`, `declines`): `fish` is two letters from `bash`, and
  // no shell meant by it
  const near = bare === "" ? undefined : suggest(bare, words);
  const begun = (w: string) => w.slice(0, 3) === bare.toLowerCase().slice(0, 3);
  return near === undefined || !begun(near) ? {} : { hint: `did you mean "${near}"?` };
}
