// The `verify` entry of the CLI's command table (kept here so that cli.ts only lists it).
import type { Io } from "../cli.js";
import { UserError } from "../errors.js";
import { parseFormat, runVerify } from "./run.js";

export const verifyCommand = {
  summary: "check documented examples (GitBook, Mintlify, Markdown, x-codeSamples) against the spec",
  usage: "specsmith verify --docs <path> [--spec spec/<api>] [--format auto|gitbook|mintlify|markdown] [--json] [--strict]",
  options: {
    docs: { type: "string" },
    spec: { type: "string", default: "spec" },
    format: { type: "string", default: "auto" },
    examples: { type: "string", default: "off" },
    json: { type: "boolean" },
    strict: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    help: { type: "boolean", short: "h" },
  },
  help: `Options:
  --docs <path>       a docs file or directory: GitBook pages, Mintlify pages or OpenAPI documents with
                      x-codeSamples (a spec directory too), plain Markdown references (required)
  --spec <dir>        the API to check against: spec/<api>, or a spec root holding one API [default: spec]
  --format <f>        auto (detect per file), gitbook, mintlify or markdown [default: auto]
  --examples <mode>   off | warn | error: whether the spec's own examples are validated against its schemas
                      (verify checks the docs; generate/check validate the spec) [default: off]
  --json              print the report as JSON
  --strict            formatting-only differences fail too (exit 1)
  -q, --quiet         print only the blocks that differ (no counts)
Exit code: 1 when a block drifts (or, with --strict, differs in layout only), else 0.`,
  async run(values: Record<string, unknown>, _positionals: string[], io: Io): Promise<number> {
    if (typeof values["docs"] !== "string") throw new UserError("verify: missing --docs <path> (see specsmith verify --help)");
    const examples = values["examples"];
    if (examples !== "error" && examples !== "warn" && examples !== "off") {
      throw new UserError(`--examples must be off, warn or error, not ${JSON.stringify(examples)}`);
    }
    const { report, exitCode, text } = await runVerify({
      docs: values["docs"],
      spec: String(values["spec"]),
      format: parseFormat(values["format"]),
      examples,
      strict: values["strict"] === true,
    });
    if (values["json"]) io.out(JSON.stringify({ ...report, exitCode }, null, 2));
    else if (values["quiet"]) io.out(text.split("\n\n").slice(0, -1).join("\n\n"));
    else io.out(text);
    return exitCode;
  },
} as const;
