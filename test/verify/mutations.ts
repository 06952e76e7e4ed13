// One-at-a-time mutations of Seam corpus pages and what verify must report for each: the single block that
// changed, its class and drift kinds, and its line (the first code line of the block, found in the mutated text).
import type { BlockClass, DriftKind } from "../../generator/verify/types.js";

export interface Mutation {
  name: string;
  /** Page under corpus/seam/pages. */
  page: string;
  mutate(text: string): string;
  want: {
    class: BlockClass;
    kinds: DriftKind[];
    language: string;
    role: string;
    /** Text that starts the reported line in the mutated page, and which occurrence of it (default 0). */
    lineText: string;
    occurrence?: number;
    /** Lines after that line (e.g. 1 for the first code line under a fence). */
    offset?: number;
  };
}

/** Replaces the n-th (0-based) occurrence of `from`; throws when there is none, so a stale mutation fails loudly. */
export function replaceNth(text: string, from: string, to: string, n = 0): string {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(from, at + 1);
    if (at < 0) throw new Error(`mutation: occurrence ${n} of ${JSON.stringify(from)} not found`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the n-th line starting with `prefix`. */
export function lineOf(text: string, prefix: string, n = 0): number {
  const hits = text.split("\n").flatMap((l, i) => (l.startsWith(prefix) ? [i] : []));
  const i = hits[n];
  if (i === undefined) throw new Error(`no line ${n} starts with ${JSON.stringify(prefix)}`);
  return i + 1;
}

const ADD = "spaces/add_devices.md";
const CREATE = "spaces/create.md";

export const MUTATIONS: Mutation[] = [
  {
    name: "rename the method in JavaScript",
    page: ADD,
    mutate: (t) => replaceNth(t, "await seam.spaces.addDevices(", "await seam.spaces.addDevice("),
    want: { class: "drift", kinds: ["unknown-method"], language: "javascript", role: "request", lineText: "await seam.spaces.addDevice(" },
  },
  {
    name: "rename the method in the CLI",
    page: ADD,
    mutate: (t) => replaceNth(t, "seam spaces add-devices ", "seam spaces attach-devices "),
    want: { class: "drift", kinds: ["unknown-method"], language: "cli", role: "request", lineText: "seam spaces attach-devices" },
  },
  {
    name: "drop a required parameter in Python",
    page: ADD,
    mutate: (t) => replaceNth(t, '    space_id="4d53b5c0-87cd-4de9-832d-025e075e7cd4",\n', ""),
    want: { class: "drift", kinds: ["missing-parameter"], language: "python", role: "request", lineText: "seam.spaces.add_devices(" },
  },
  {
    name: "add an unknown parameter in Ruby",
    page: ADD,
    mutate: (t) => replaceNth(t, '  device_ids: ["22fb4992', '  color: "red",\n  device_ids: ["22fb4992', 1),
    want: { class: "drift", kinds: ["unknown-parameter"], language: "ruby", role: "request", lineText: "seam.spaces.add_devices(", occurrence: 1 },
  },
  {
    name: "change a value's type in PHP",
    page: ADD,
    mutate: (t) => replaceNth(t, '    device_ids: ["22fb4992-463c-4ccd-b568-50fcea243665"],', '    device_ids: "22fb4992-463c-4ccd-b568-50fcea243665",'),
    want: { class: "drift", kinds: ["wrong-type"], language: "php", role: "request", lineText: "$seam->spaces->add_devices(" },
  },
  {
    name: "change a value in the cURL body",
    page: ADD,
    mutate: (t) => replaceNth(t, '"space_id": "4d53b5c0-87cd-4de9-832d-025e075e7cd4"', '"space_id": "00000000-87cd-4de9-832d-025e075e7cd4"'),
    want: { class: "drift", kinds: ["wrong-value"], language: "curl", role: "request", lineText: "curl --include --request POST" },
  },
  {
    name: "change the response key in the cURL output",
    page: CREATE,
    mutate: (t) => replaceNth(t, '  "space": {', '  "spaces": {'),
    want: { class: "drift", kinds: ["stale-response"], language: "curl", role: "output", lineText: "```curl", occurrence: 1, offset: 1 },
  },
  {
    name: "list an unknown parameter",
    page: ADD,
    mutate: (t) => replaceNth(t, "**`space_id`** *String* (Required)", "**`space_id`** *String* (Required)\n\nID.\n\n---\n\n**`zone_id`** *String*"),
    want: { class: "drift", kinds: ["unknown-parameter"], language: "parameters", role: "parameters", lineText: "## Request Parameters" },
  },
  {
    name: "reformat a JavaScript block onto one line",
    page: CREATE,
    mutate: (t) =>
      replaceNth(
        t,
        'await seam.spaces.create({\n  name: "My Space",\n  device_ids: ["b7254403-db91-4e10-bb7b-31d0615d2963"],\n  acs_entrance_ids: ["46a47667-a90b-45cc-9bb6-f0917464f1f3"],\n});',
        'await seam.spaces.create({ name: "My Space", device_ids: ["b7254403-db91-4e10-bb7b-31d0615d2963"], acs_entrance_ids: ["46a47667-a90b-45cc-9bb6-f0917464f1f3"] });',
      ),
    want: { class: "formatting-only", kinds: [], language: "javascript", role: "request", lineText: "await seam.spaces.create({ name" },
  },
];
