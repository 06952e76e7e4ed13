// A Wadler/prettier-style layout engine: build a Doc, then print it at a line width.
// Printers of every language share it so that "break only when it does not fit" is decided in one place.

export type Doc = string | Doc[] | DocNode;

type DocNode =
  | { type: "group"; contents: Doc; shouldBreak: boolean; id?: symbol }
  | { type: "indent"; contents: Doc }
  | { type: "line"; soft: boolean; hard: boolean }
  | { type: "if-break"; breakContents: Doc; flatContents: Doc; groupId?: symbol }
  | { type: "fill"; parts: Doc[] };

export interface PrintOptions {
  width: number;
  /** Spaces added by one `indent`. */
  indentWidth: number;
}

export const line: Doc = { type: "line", soft: false, hard: false };
export const softline: Doc = { type: "line", soft: true, hard: false };
export const hardline: Doc = { type: "line", soft: false, hard: true };

export function group(contents: Doc, opts: { shouldBreak?: boolean; id?: symbol } = {}): Doc {
  return { type: "group", contents, shouldBreak: opts.shouldBreak ?? false, id: opts.id };
}

export function indent(contents: Doc): Doc {
  return { type: "indent", contents };
}

/** Prints `breakContents` when the enclosing (or the named) group is broken, else `flatContents`. */
export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: symbol): Doc {
  return { type: "if-break", breakContents, flatContents, groupId };
}

/** Alternating content and separators; each separator breaks only when the next content does not fit. */
export function fill(parts: Doc[]): Doc {
  return { type: "fill", parts };
}

export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));
}

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;
interface Command {
  ind: number;
  mode: Mode;
  doc: Doc;
}

/** Marks every group that contains a hard line as broken, as the printer requires. */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.map(propagateBreaks).some(Boolean);
  switch (doc.type) {
    case "line":
      return doc.hard;
    case "group": {
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.shouldBreak = true;
      return doc.shouldBreak;
    }
    case "indent":
      return propagateBreaks(doc.contents);
    case "if-break":
      return [propagateBreaks(doc.breakContents), propagateBreaks(doc.flatContents)].some(Boolean);
    case "fill":
      return doc.parts.map(propagateBreaks).some(Boolean);
  }
}

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return width;
}

type GroupModes = Map<symbol, Mode>;

/** Whether `next` fits in `width` columns, reading on into `rest` until its first line break. */
function fits(next: Command, rest: Command[], width: number, modes: GroupModes, mustBeFlat: boolean): boolean {
  let restIdx = rest.length;
  const cmds: Array<{ mode: Mode; doc: Doc }> = [next];
  while (width >= 0) {
    if (cmds.length === 0) {
      if (restIdx === 0) return true;
      cmds.push(rest[--restIdx]!);
      continue;
    }
    const { mode, doc } = cmds.pop()!;
    if (typeof doc === "string") {
      width -= textWidth(doc);
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ mode, doc: doc[i]! });
    } else if (doc.type === "indent") {
      cmds.push({ mode, doc: doc.contents });
    } else if (doc.type === "group") {
      if (mustBeFlat && doc.shouldBreak) return false;
      cmds.push({ mode: doc.shouldBreak ? BREAK : mode, doc: doc.contents });
    } else if (doc.type === "if-break") {
      const groupMode = doc.groupId ? (modes.get(doc.groupId) ?? FLAT) : mode;
      cmds.push({ mode, doc: groupMode === BREAK ? doc.breakContents : doc.flatContents });
    } else if (doc.type === "line") {
      if (mode === BREAK || doc.hard) return true;
      if (!doc.soft) width -= 1;
    } else {
      for (let i = doc.parts.length - 1; i >= 0; i--) cmds.push({ mode, doc: doc.parts[i]! });
    }
  }
  return false;
}

function trimTrailingSpaces(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0 || last.length === 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}

/** Prints a fill: keeps content on the line while it fits, breaking separators one at a time. */
function pushFill(cmd: Command, parts: Doc[], rem: number, cmds: Command[], modes: GroupModes): void {
  const { ind, mode } = cmd;
  if (parts.length === 0) return;
  const [content, separator] = parts as [Doc, Doc];
  const contentFlat: Command = { ind, mode: FLAT, doc: content };
  const contentBreak: Command = { ind, mode: BREAK, doc: content };
  const contentFits = fits(contentFlat, [], rem, modes, true);
  if (parts.length === 1) {
    cmds.push(contentFits ? contentFlat : contentBreak);
    return;
  }
  const sepFlat: Command = { ind, mode: FLAT, doc: separator };
  const sepBreak: Command = { ind, mode: BREAK, doc: separator };
  if (parts.length === 2) {
    cmds.push(...(contentFits ? [sepFlat, contentFlat] : [sepBreak, contentBreak]));
    return;
  }
  const remaining: Command = { ind, mode, doc: fill(parts.slice(2)) };
  const pairFlat: Command = { ind, mode: FLAT, doc: [content, separator, parts[2]!] };
  if (fits(pairFlat, [], rem, modes, true)) cmds.push(remaining, sepFlat, contentFlat);
  else if (contentFits) cmds.push(remaining, sepBreak, contentFlat);
  else cmds.push(remaining, sepBreak, contentBreak);
}

export function printDoc(doc: Doc, options: PrintOptions): string {
  propagateBreaks(doc);
  const modes: GroupModes = new Map();
  const out: string[] = [];
  const cmds: Command[] = [{ ind: 0, mode: BREAK, doc }];
  let pos = 0;
  while (cmds.length > 0) {
    const cmd = cmds.pop()!;
    const { ind, mode, doc: d } = cmd;
    if (typeof d === "string") {
      out.push(d);
      pos += textWidth(d);
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: d[i]! });
    } else if (d.type === "indent") {
      cmds.push({ ind: ind + options.indentWidth, mode, doc: d.contents });
    } else if (d.type === "group") {
      const flat: Command = { ind, mode: FLAT, doc: d.contents };
      const chosen: Command =
        mode === FLAT && !d.shouldBreak
          ? flat
          : !d.shouldBreak && fits(flat, cmds, options.width - pos, modes, false)
            ? flat
            : { ind, mode: BREAK, doc: d.contents };
      if (d.id) modes.set(d.id, chosen.mode);
      cmds.push(chosen);
    } else if (d.type === "if-break") {
      const groupMode = d.groupId ? (modes.get(d.groupId) ?? FLAT) : mode;
      cmds.push({ ind, mode, doc: groupMode === BREAK ? d.breakContents : d.flatContents });
    } else if (d.type === "line") {
      if (mode === FLAT && !d.hard) {
        if (!d.soft) {
          out.push(" ");
          pos += 1;
        }
      } else {
        trimTrailingSpaces(out);
        out.push("\n" + " ".repeat(ind));
        pos = ind;
      }
    } else {
      pushFill(cmd, d.parts, options.width - pos, cmds, modes);
    }
  }
  return out.join("");
}
