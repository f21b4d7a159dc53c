// An empty value on the command line is most often a shell variable left unset (`--start "$START"`):
// whichever check refuses it — an option's parser, the command's reading of its values, or a what-if
// edit read against the scenario — the problem says so first and keeps its own advice.

import { InputError } from "../../shared/errors.js";

/** What an empty value likely is, said before the check's own advice. */
export const EMPTY_VALUE = "an empty value (an unset shell variable?)";

/** `problem` with what an empty value likely is before its hint (each problem of a group). */
export function saidEmpty(problem: InputError): InputError {
  return toldEach(problem, () => true);
}

/**
 * `e` with each of its problems that is about an option given empty on the command line (`args`) said
 * so: a problem naming the option first, in its message or as its field (`--shard must be I/N …`,
 * `--set "": no policy parameter given`),
 * when the option was given nothing but empty, or the problem quotes the empty value; and an
 * argument given empty, whose problem (no file's) found `""` (`completion ""`, `reasons ""`).
 */
export function toldEmptyOptions(e: InputError, args: readonly string[]): InputError {
  const given = optionValues(args);
  const empties = [...given].filter(([, values]) => values.some((v) => v === "" || emptyAssignment(v)));
  if (empties.length === 0 && !args.includes("")) return e;
  return toldEach(
    e,
    (p) =>
      (p.details.file === undefined && p.details.found === '""') ||
      empties.some(
        ([flag, values]) =>
          [p.details.field ?? "", p.message].some((said) => namesFirst(said, flag)) &&
          (values.every((v) => v === "") ||
            `${p.details.field} ${p.message}`.includes('""') ||
            p.details.found === '""'),
      ),
  );
}

/** Whether a `key=value` list gives a key nothing (`minScore=`, `3:day=`, `day=3,amount=`): its value,
 *  as an option's own, most likely an unset shell variable (`minScore=$MIN`). */
const emptyAssignment = (value: string): boolean => /\w\s*=\s*(?:,|$)/.test(value);

/** Whether `said` begins with the option `flag` as a word (`--seed`, not `--seeds`): compared as text, the
 *  flag as typed — a regular expression built of it broke on `--a(=` and threw. */
const namesFirst = (said: string, flag: string): boolean =>
  said.startsWith(flag) && !/[\w-]/.test(said[flag.length] ?? "");

function toldEach(e: InputError, about: (p: InputError) => boolean): InputError {
  let changed = false;
  const problems = e.problems.map((p) => {
    const own = p.details.hint;
    if (!about(p) || own?.includes(EMPTY_VALUE)) return p;
    changed = true;
    return new InputError(p.message, {
      ...p.details,
      hint: own === undefined ? EMPTY_VALUE : `${EMPTY_VALUE}: ${own}`,
    });
  });
  if (!changed) return e;
  return problems.length === 1 && !e.truncated ? problems[0]! : InputError.all(problems, e.truncated);
}

/** Each long option's values as typed (`--x v`, `--x=v`), up to `--`. */
function optionValues(args: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") break;
    if (!/^--[\w-]/.test(arg)) continue;
    const eq = arg.indexOf("=");
    const [flag, value] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, args[i + 1]];
    if (value === undefined) continue;
    out.set(flag, [...(out.get(flag) ?? []), value]);
  }
  return out;
}
