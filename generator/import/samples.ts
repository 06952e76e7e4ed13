// Seam-style code sample definitions → OpenAPI examples on the endpoint's preferred operation,
// request and response sides linked by one key (docs/spec-format.md, "Examples").
import { promises as fs } from "node:fs";
import path from "node:path";
import { assertNoProblems, UserError, type Problem } from "../errors.js";
import { displayPath, readDataFile } from "./parse.js";

export interface SampleDefinition {
  title: string;
  description: string;
  path: string;
  /** Optional explicit method; the path's preferred operation otherwise. */
  method: string | null;
  /** Parameter values in the order the sample gives them. */
  parameters: Record<string, unknown>;
  /** Response body; null for a void result. */
  responseBody: unknown;
  /** Optional response status; the first 2xx response with content otherwise. */
  status: string | null;
  /** `file #index`, for warnings. */
  where: string;
}

/** `"Remove devices from a space"` → `remove_devices_from_a_space`. */
export function exampleKey(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "example";
}

/** `key`, or `key_2`, `key_3`... — the first not in `taken`. */
export function uniqueKey(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  let n = 2;
  while (taken.has(`${key}_${n}`)) n++;
  return `${key}_${n}`;
}

/** Every sample in every `*.yaml` / `*.yml` of dir (files sorted by name, samples in file order). */
export async function loadSampleDefinitions(dir: string): Promise<SampleDefinition[]> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UserError(`code samples directory not found: ${displayPath(dir)}`);
    throw error;
  }
  const problems: Problem[] = [];
  const samples: SampleDefinition[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const data = await readDataFile(file, "code sample file");
    const list = data === null ? [] : data;
    if (!Array.isArray(list)) {
      problems.push({ file: displayPath(file), line: 0, col: 0, pointer: "", message: "expected a list of sample definitions" });
      continue;
    }
    list.forEach((entry, i) => {
      const sample = readSample(entry, `${displayPath(file)} #${i}`);
      if (typeof sample === "string") problems.push({ file: displayPath(file), line: 0, col: 0, pointer: `/${i}`, message: sample });
      else samples.push(sample);
    });
  }
  assertNoProblems(problems, "code sample definitions");
  return samples;
}

function readSample(entry: unknown, where: string): SampleDefinition | string {
  if (!isRecord(entry)) return "expected a mapping";
  const request = entry["request"];
  const response = entry["response"];
  if (typeof entry["title"] !== "string") return "missing title";
  if (!isRecord(request) || typeof request["path"] !== "string") return "missing request.path";
  const params = request["parameters"] ?? {};
  if (!isRecord(params)) return "request.parameters must be a mapping";
  const body = isRecord(response) ? response["body"] : null;
  const method = request["method"];
  const status = isRecord(response) ? response["status"] : undefined;
  return {
    title: entry["title"],
    description: typeof entry["description"] === "string" ? entry["description"] : "",
    path: request["path"],
    method: typeof method === "string" ? method.toLowerCase() : null,
    parameters: params,
    responseBody: body === undefined ? null : body,
    status: status === undefined || status === null ? null : String(status),
    where,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
