// What is at a path an output is opened on, and so how it is written: a regular file or nothing yet is
// replaced whole (atomic-write.ts), a device or a pipe is written through (write-through.ts), a folder or a
// link that must not be followed is refused (link-refusals.ts). Looked at, never followed, unless asked.

import { lstatSync, type Stats, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "./errors.js";
import { errnoOf, fileError } from "./file-errors.js";
import {
  linkEnd,
  realFolder,
  refuseFolderLeadingOut,
  refuseIntoGit,
  refuseLeadingOut,
  refuseProgram,
} from "./link-refusals.js";
import { namesAFolder } from "./paths.js";

/** Whether anything is at `path`: a file, a folder, a device, or a link — even one that leads nowhere
 *  (which `existsSync` reports as absent, and writing through would create its target). */
export function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    if (errnoOf(e) === "ENOENT" || errnoOf(e) === "ENOTDIR") return false;
    throw fileError(e, path);
  }
}

/** A file an output would replace, refused unless the user asked for that (`--force`, checked by the
 *  caller): anything at the path counts, a link that leads nowhere too. One refusal, said alike by every
 *  command that writes a file it names (`init`, `whatif --save`, `simulate --export-account -o`).
 *  `forced`: what the write with --force takes there (OutputOptions.existing) — with `regular`, anything
 *  but a regular file is refused for what it is, as --force would refuse it: --force is offered only
 *  where it would replace what is there. */
export function refuseReplacing(
  shown: string,
  path: string,
  hint = "choose another name, or add --force to replace it",
  forced: "any" | "regular" = "any",
): void {
  if (!occupied(path)) return;
  if (forced === "regular") planStrict(shown, path, "regular");
  throw new InputError("the file exists; credit-sim never replaces a file it was not asked to", {
    file: shown,
    hint,
  });
}

/** A name ending in a separator, or in `/.`, is a folder's (`--html out/`): never a file to write —
 *  resolve() drops them, and the file of that name was written, or replaced. A folder there is said to
 *  be one. */
export function refuseFolderName(target: string, path: string): void {
  if (!namesAFolder(target)) return;
  if (lookedAt(target, resolve(path))?.isDirectory()) throw fileError({ code: "EISDIR" }, target);
  const ending = target.endsWith(".") ? "/." : "/";
  throw new InputError(`cannot write: a name ending in "${ending}" is a folder's`, {
    file: target,
    hint: `give a file's name: without the trailing ${ending}, or a file in that folder`,
  });
}

/** What is at the path, looked at and not followed (a link is a link); null when nothing is. */
function lookedAt(target: string, path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return null;
    throw fileError(e, target);
  }
}

/** `regular` and `new`: what is at the path is looked at, never followed. */
export function planStrict(
  target: string,
  path: string,
  existing: "regular" | "new",
): { kind: "replace"; path: string } {
  const st = lookedAt(target, path);
  if (st === null) return { kind: "replace", path };
  if (st.isDirectory()) throw fileError({ code: "EISDIR" }, target);
  if (existing === "new") throw fileError({ code: "EEXIST" }, target);
  if (st.isFile()) return { kind: "replace", path };
  throw new InputError(
    st.isSymbolicLink() ? "cannot write: it is a symbolic link" : "cannot write: not a regular file",
    {
      file: target,
      hint: st.isSymbolicLink()
        ? "remove it, or give another name: this file is never written through a link"
        : "remove it (a pipe, a device or a socket), or give another name: this file is only written as a file of its own",
    },
  );
}

/** Replace a regular file (or create a new one) through a temporary file; write anything else through. */
export function plan(
  target: string,
  path: string,
  cwd: string | undefined,
): { kind: "replace"; path: string } | { kind: "through" } {
  refuseFolderLeadingOut(target, path, cwd);
  const st = lookedAt(target, path);
  if (st === null) return { kind: "replace", path };
  if (st.isDirectory()) throw fileError({ code: "EISDIR" }, target);
  if (st.isFile()) {
    // reached through a linked folder
    const real = realFolder(dirname(path));
    if (real !== null && real !== resolve(dirname(path)))
      refuseProgram(target, st, join(real, basename(path)));
    return { kind: "replace", path };
  }
  if (st.isSymbolicLink()) {
    // followed (a link to a pipe, `/dev/fd/63` of a `>(…)`, is looked at as the pipe)
    let to: Stats | null = null;
    try {
      to = statSync(path);
    } catch {
      // a dangling link: writing through creates what it points at
    }
    if (to?.isDirectory()) throw fileError({ code: "EISDIR" }, target);
    if (to !== null && !to.isFile()) return { kind: "through" };
    const end = linkEnd(path);
    if (!end.descriptor) {
      refuseLeadingOut(target, path, end.path, cwd);
      refuseIntoGit(target, path, end.path);
      if (to !== null) refuseProgram(target, to, end.path);
    }
    // a file is replaced where the link leads (the link stays); a link that leads nowhere yet — or a
    // descriptor whose file is gone — is written through
    return to !== null && end.exists ? { kind: "replace", path: end.path } : { kind: "through" };
  }
  return { kind: "through" };
}
