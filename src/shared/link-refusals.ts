// Symbolic links an output is refused through: where a link (to the file, or a folder on its way) leads,
// and the refusals of one that leads out of its folder and the working folder, into a .git folder, or to a
// program. A descriptor the user's shell opened (`/dev/fd/3`) is the user's own.

import { existsSync, lstatSync, readlinkSync, realpathSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve, sep } from "node:path";
import { InputError } from "./errors.js";
import { isWithin } from "./paths.js";

/** Whether a folder is this process's open descriptors' (Linux: /dev/fd is /proc/self/fd, which is
 *  /proc/<pid>/fd) — not another process's, whose files a planted link could reach through theirs. */
const ownDescriptors = (folder: string): boolean =>
  /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd$/.exec(folder)?.[1] === String(process.pid);

/**
 * Where the link at `path` leads, as the system follows it when the file is opened: every link on the
 * way, each one's text read from the folder it is in — realpathSync reads a `..` in a link's text as a
 * path (`sub/../x`, `sub` a link to another folder, named a file in this one, where the write goes
 * elsewhere), and a link to a link that leads nowhere yet creates what the last one names. `exists`:
 * whether anything is at its end; `descriptor`: whether it goes through an open descriptor's link
 * (`/dev/stdout`, `/dev/fd/3` of a shell's `3> page.html`): a file the user opened, not one planted.
 */
export function linkEnd(path: string): { path: string; exists: boolean; descriptor: boolean } {
  let at = path;
  let descriptor = false;
  // as many links as the system follows (Linux's MAXSYMLINKS); more, and opening the path fails
  for (let hops = 0; hops <= 40; hops++) {
    const folder = realFolder(dirname(at));
    if (folder !== null && ownDescriptors(folder)) descriptor = true;
    const end = (exists: boolean) => ({
      path: folder === null ? resolve(at) : join(folder, basename(at)),
      exists,
      descriptor,
    });
    let st: Stats;
    try {
      st = lstatSync(at);
    } catch {
      return end(false);
    }
    if (!st.isSymbolicLink()) return end(true);
    const text = readlinkSync(at);
    // not joined: a join reads `..` in the text as a path, where the system reads it in the folder
    at = isAbsolute(text) ? text : `${dirname(at)}${sep}${text}`;
  }
  return { path: resolve(at), exists: false, descriptor };
}

/** A folder's path with every link on its way followed by the system (null: it cannot be resolved). */
export function realFolder(folder: string): string | null {
  try {
    return realpathSync.native(folder);
  } catch {
    return null;
  }
}

/** A link the user named that leads to a file (or to none yet) outside both its own folder and the
 *  working folder is refused: the user typed the link's path, not its target's, and a link planted in a
 *  checked-out repository would otherwise make a report replace any file the job may write. A device or
 *  a pipe is not a file replaced, and stays written through (`--csv /dev/stdout`). */
export function refuseLeadingOut(target: string, path: string, dest: string, cwd: string | undefined): void {
  // the link's folder is the system's (`else/` of `lnk/../r.html`, lnk → else/sub), not the one typed: safe
  // as it is reached only through plan(), after refuseFolderLeadingOut has refused a path typed in the
  // working folder whose folder the system takes out of it (hostile-round20's `lnk/../r.html` → victim)
  // a folder that cannot be resolved holds nothing
  const within = (folder: string) => isWithin(dest, realFolder(folder) ?? folder);
  if (within(dirname(path)) || within(cwd ?? process.cwd())) return;
  throw new InputError(
    "cannot write: it is a symbolic link that leads out of its folder and the working folder",
    {
      file: target,
      found: dest,
      hint: "name the file it leads to, if that is the one to write, or remove the link",
    },
  );
}

/** A path in the working folder whose folder a link on the way takes out of it is refused, as a link to
 *  the file would be: a repository checked out there may plant `reports -> ../../victim`, and a CI job's
 *  `--output-file junit=reports/junit.xml` would replace `victim/junit.xml` (or make folders and files
 *  there). The folders of a path outside the working folder are the user's own, links and all (a home
 *  folder linked to another disk). What does not exist yet is checked at its nearest folder that does.
 *  `path`: the file written, or a folder written in (`--flips DIR`, `init DIR`: its own link is refused
 *  where it is written in), as the system reaches it (resolveAsSystem); `typed`: that path as the user
 *  typed it, which says whether it is in the working folder — `reports/../junit.xml` is, though the
 *  system's path, back from where `reports` leads, is not. */
export function refuseFolderLeadingOut(
  target: string,
  path: string,
  cwd: string | undefined,
  typed = target,
): void {
  // the folder as the system reaches it (a `..` after a linked folder is read there, not in the text)
  let folder = dirname(path);
  const rest = [basename(path)];
  while (!existsSync(folder) && dirname(folder) !== folder) {
    rest.unshift(basename(folder));
    folder = dirname(folder);
  }
  const real = realFolder(folder);
  if (real === null) return;
  const dest = join(real, ...rest);
  refuseIntoGit(target, path, dest);
  const work = resolve(cwd ?? process.cwd());
  if (!isWithin(resolve(work, typed), work)) return;
  // where the path lands, every link on its way followed: the working folder itself lands in it, though
  // the folder it is in (its parent) is outside
  if (isWithin(dest, realFolder(work) ?? work) || isWithin(dest, work)) return;
  throw new InputError("cannot write: a symbolic link on its way leads out of the working folder", {
    file: target,
    found: dest,
    hint: "name the folder it leads to, if that is where to write, or remove the link",
  });
}

/** A file with an execute bit reached through a link is not replaced: a report is no program, and a
 *  checkout's untracked programs (node_modules/.bin's scripts, an installed git hook) are run by what
 *  comes next — a replaced shell script runs each line it can, one a scenario's name wrote among them.
 *  Named itself, it is the user's to replace. */
export function refuseProgram(target: string, st: Stats, dest: string): void {
  if ((st.mode & 0o111) === 0) return;
  throw new InputError(
    "cannot write: a symbolic link on its way leads to a program (a file with an execute bit)",
    {
      file: target,
      found: dest,
      hint: "a report never replaces a program through a link: name the file itself, if that is the one to write, or remove the link",
    },
  );
}

/** Whether a path goes through a folder named `.git` (in any case: `.GIT` is that folder on a file system
 *  that ignores case, macOS's and Windows' by default). */
const throughGit = (path: string): boolean =>
  resolve(path)
    .split(sep)
    .some((part) => part.toLowerCase() === ".git");

/** A link — to the file or a folder on its way, anywhere — never leads into a `.git` folder that the path
 *  as named does not go into: what is there is git's own (its configuration; its hooks, which git runs
 *  with the mode they have), never a file a checkout holds. A repository may plant `report.txt ->
 *  .git/hooks/pre-commit`: a report replaced the hook, and a scenario named `x; curl … | sh` ran at the
 *  next commit. A path typed into `.git` is written. */
export function refuseIntoGit(target: string, path: string, dest: string): void {
  if (!throughGit(dest) || throughGit(path)) return;
  throw new InputError("cannot write: a symbolic link on its way leads into a .git folder", {
    file: target,
    found: dest,
    hint: "a .git folder holds git's own files (its hooks are run by git): name the file itself to write there, or remove the link",
  });
}
