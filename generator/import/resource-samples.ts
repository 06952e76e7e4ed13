// Seam-style resource sample definitions ({title, description, resource_type, properties}) →
// `x-resource-samples` on the schema of that resource, wherever the split put the schema.
import { UserError } from "../errors.js";
import { displayPath, readDataFile } from "./parse.js";
import type { SplitDoc } from "./split.js";

export interface ResourceSample {
  title: string;
  description: string;
  resourceType: string;
  value: unknown;
}

export async function loadResourceSamples(file: string): Promise<ResourceSample[]> {
  const data = await readDataFile(file, "resource samples file");
  if (!Array.isArray(data)) throw new UserError(`${displayPath(file)}: expected a list of resource samples`);
  return data.map((entry, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    if (typeof e["resource_type"] !== "string") {
      throw new UserError(`${displayPath(file)}: sample ${i + 1} has no resource_type`);
    }
    return {
      title: String(e["title"] ?? e["resource_type"]),
      description: String(e["description"] ?? ""),
      resourceType: e["resource_type"],
      value: e["properties"] ?? {},
    };
  });
}

/** Attaches samples in file order; returns warnings for resource types no schema has. */
export function attachResourceSamples(docs: readonly SplitDoc[], samples: readonly ResourceSample[]): string[] {
  const warnings: string[] = [];
  for (const sample of samples) {
    const schema = docs
      .map((d) => d.doc["components"]?.["schemas"]?.[sample.resourceType])
      .find((s) => s && typeof s === "object" && !("$ref" in s));
    if (!schema) {
      warnings.push(`resource sample "${sample.title}": no schema named ${sample.resourceType}`);
      continue;
    }
    const list = (schema["x-resource-samples"] ??= []) as unknown[];
    list.push({ title: sample.title, description: sample.description, value: sample.value });
  }
  return warnings;
}
