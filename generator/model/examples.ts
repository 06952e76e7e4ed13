// Examples: one key links the request side (body / parameter examples) and the response side.
import { toPointer } from "../errors.js";
import { isObject } from "./schema.js";
import type { SpecEndpointFile } from "./source.js";
import type { Example, ExampleValue, Parameter, Response } from "./types.js";

interface ExamplesInput {
  file: SpecEndpointFile;
  op: Record<string, any>;
  base: string[];
  parameters: readonly Parameter[];
  successResponse: Response | null;
  responses: readonly Response[];
}

interface Entry {
  summary?: unknown;
  description?: unknown;
  value?: unknown;
}

export function buildExamples(input: ExamplesInput): Example[] {
  const { keys, bodyExamples, paramExamples, responseExamples } = exampleSources(input.op);
  return keys.map((key): Example => {
    const body = bodyExamples[key];
    const parameters: ExampleValue[] = [];
    for (const { param, examples } of paramExamples) {
      const e = examples[key];
      if (e) parameters.push({ name: String(param.name), location: param.in, value: e.value });
    }
    if (body && isObject(body.value)) {
      for (const [name, value] of Object.entries(body.value)) parameters.push({ name, location: "body", value });
    }
    const response = responseExamples.find(({ examples }) => examples[key]);
    const meta = body ?? paramExamples.map(({ examples }) => examples[key]).find(Boolean) ?? response?.examples[key] ?? {};
    const status = response?.status ?? input.successResponse?.status ?? "200";
    return {
      key,
      title: String(meta.summary ?? key),
      description: String(meta.description ?? ""),
      request: { parameters, body: body?.value },
      response: { status, body: response ? response.examples[key]?.value : null },
      source: { file: input.file.rel, pointer: toPointer([...input.base]) },
    };
  });
}

/** Whether the operation declares an example (buildExamples would make one): read from the operation alone. */
export function declaresExamples(op: Record<string, any>): boolean {
  return exampleSources(op).keys.length > 0;
}

/** The operation's examples by where they are declared, and their keys in order (one example per key). */
function exampleSources(op: Record<string, any>) {
  const bodyContent = op.requestBody?.content ?? {};
  const bodyMedia = Object.keys(bodyContent)[0];
  const bodyExamples: Record<string, Entry> = bodyMedia ? examplesOf(bodyContent[bodyMedia]) : {};
  const paramExamples = ((op.parameters ?? []) as any[]).map((p) => ({ param: p, examples: examplesOf(p) }));
  const responseExamples = Object.entries((op.responses ?? {}) as Record<string, any>).map(([status, res]) => {
    const content = res?.content ?? {};
    const media = Object.keys(content)[0];
    return { status, examples: media ? examplesOf(content[media]) : {} };
  });
  const keys: string[] = [];
  const add = (k: string) => keys.includes(k) || keys.push(k);
  Object.keys(bodyExamples).forEach(add);
  paramExamples.forEach(({ examples }) => Object.keys(examples).forEach(add));
  responseExamples.forEach(({ examples }) => Object.keys(examples).forEach(add));
  return { keys, bodyExamples, paramExamples, responseExamples };
}

function examplesOf(holder: unknown): Record<string, Entry> {
  if (!isObject(holder) || !isObject(holder["examples"])) return {};
  return holder["examples"] as Record<string, Entry>;
}
