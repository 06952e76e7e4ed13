// User errors carry a location and print as one line each; anything else is our bug.

/** One located problem in a user's input. */
export interface Problem {
  /** File path as the user should see it (relative to the cwd when possible). */
  file: string;
  /** 1-based line and column; 0 when unknown. */
  line: number;
  col: number;
  /** JSON pointer inside the document ("" for the whole file). */
  pointer: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  return p.pointer ? `${where}  ${p.pointer}  ${p.message}` : `${where}  ${p.message}`;
}

/** A problem the user can fix (bad input, bad option). Printed without a stack trace; exit code 1. */
export class UserError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = "UserError";
    this.problems = problems;
  }

  /** The full report: the message, then every problem on its own line. */
  report(): string {
    const lines = this.problems.map(formatProblem);
    return [this.message, ...lines].join("\n");
  }
}

/** Throws a UserError listing every problem, when there is at least one. */
export function assertNoProblems(problems: readonly Problem[], what: string): void {
  if (problems.length === 0) return;
  const n = problems.length;
  throw new UserError(`${what}: ${n} problem${n === 1 ? "" : "s"}`, sortProblems(problems));
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.pointer.localeCompare(b.pointer) ||
      a.message.localeCompare(b.message),
  );
}

/** JSON pointer from path segments (RFC 6901 escaping). */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function fromPointer(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  return pointer
    .replace(/^#/, "")
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
