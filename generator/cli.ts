// specsmith command line: subcommands, each a thin wrapper around a stage function.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "./errors.js";
import { importSpec } from "./import/index.js";
import { runGenerate } from "./pipeline.js";
import { closeSchemaWorker } from "./targets/client/schema-types.js";
import { closeWriteWorker } from "./write/write-offload.js";
import { runWatch } from "./watch.js";
import { TARGET_IDS } from "./targets/index.js";
import { verifyCommand } from "./verify/command.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  help: string;
  run(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number>;
}

const common = {
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const;

const generateOptions = {
  spec: { type: "string", default: "spec" },
  out: { type: "string", default: "generated" },
  targets: { type: "string" },
  templates: { type: "string" },
  examples: { type: "string", default: "error" },
  ...common,
} as const;

const generateHelp = `Options:
  --spec <dir>        spec root (one API per subdirectory) or one API directory [default: spec]
  --out <dir>         output root; each API goes to <out>/<api>/ [default: generated]
  --targets <list>    comma-separated target ids or prefixes (e.g. docs) [default: all]
                      known: ${TARGET_IDS.join(", ")}
  --templates <dir>   override templates: files here replace bundled ones with the same path
  --examples <mode>   error: an example that does not match its schema fails the run [default]
                      warn: report such examples as warnings (for vendor specs with abbreviated samples)
  -q, --quiet         print nothing but errors and warnings (on stderr)`;

const commands: Record<string, Command> = {
  import: {
    summary: "split a whole OpenAPI document into one normalised document per endpoint",
    usage: "specsmith import <spec.(json|yaml) | npm-module#export> --out spec/<api> [options]",
    options: {
      out: { type: "string" },
      "code-samples": { type: "string" },
      "paths-metadata": { type: "string" },
      "resource-samples": { type: "string" },
      settings: { type: "string" },
      check: { type: "boolean" },
      ...common,
    },
    help: `Arguments:
  <spec>                  an OpenAPI 3.0/3.1 file (JSON or YAML; local $refs to other files are followed)
                          or an npm module export, e.g. @seamapi/types/connect#openapi
Options:
  --out <dir>             where to write the per-endpoint documents (required)
  --code-samples <dir>    Seam-style sample definitions (*.yaml) to store as examples
  --paths-metadata <file> Seam-style paths.yaml (route titles, notices) stored as x-routes
  --resource-samples <file>
                          Seam-style resource samples stored as x-resource-samples on their schemas
  --settings <file>       YAML/JSON mapping of API-level x- keys merged into _api.yaml
                          (x-client-name, x-docs-gitbook, x-snippets… — see README)
  --check                 write nothing; exit 1 if the output directory is not up to date
  -q, --quiet             print nothing but errors and warnings (on stderr)`,
    async run(values, positionals, io) {
      const source = positionals[0];
      if (!source) throw new UserError("import: missing <spec> argument (see specsmith import --help)");
      if (typeof values["out"] !== "string") throw new UserError("import: missing --out <dir>");
      const result = await importSpec({
        source,
        out: values["out"],
        codeSamples: values["code-samples"] as string | undefined,
        pathsMetadata: values["paths-metadata"] as string | undefined,
        resourceSamples: values["resource-samples"] as string | undefined,
        settings: values["settings"] as string | undefined,
        check: values["check"] === true,
      });
      for (const w of result.warnings) io.err(`warning: ${w}`);
      if (!values["quiet"]) io.out(formatImport(result));
      if (values["check"] === true && result.changed.length > 0) {
        for (const f of result.changed) io.err(`out of date  ${f}`);
        return 1;
      }
      return 0;
    },
  },
  generate: {
    summary: "render every target for the APIs in spec/ into generated/ (writes only what changed)",
    usage: "specsmith generate [--spec spec] [--out generated] [--targets a,b] [--templates dir]",
    options: generateOptions,
    help: generateHelp,
    async run(values, _positionals, io) {
      await runGenerate({ ...generateArgs(values), once: true, log: values["quiet"] ? undefined : io.out, warn: io.err });
      return 0;
    },
  },
  watch: {
    summary: "regenerate on every change of spec/ or templates/ (outputs edited by hand are restored); a broken file is reported and watching goes on",
    usage: "specsmith watch [--spec spec] [--out generated] [--targets a,b] [--templates dir]",
    options: generateOptions,
    help: generateHelp,
    async run(values, _positionals, io) {
      // Ctrl-C (or a TERM) ends the session cleanly: a regeneration under way finishes and the caches are written.
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        await runWatch({ ...generateArgs(values), io, signal: stop.signal });
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      return 0;
    },
  },
  check: {
    summary: "render in memory and exit 1 if generated/ is stale, missing or has extra files",
    usage: "specsmith check [--spec spec] [--out generated] [--targets a,b] [--templates dir]",
    options: generateOptions,
    help: generateHelp,
    async run(values, _positionals, io) {
      const reports = await runGenerate({ ...generateArgs(values), check: true, once: true, log: values["quiet"] ? undefined : io.out, warn: io.err });
      const problems = reports.flatMap(({ result: r }) => [
        ...r.stale.map((f) => `stale    ${f}`),
        ...r.missing.map((f) => `missing  ${f}`),
        ...r.extra.map((f) => `extra    ${f}`),
      ]);
      if (problems.length === 0) return 0;
      for (const p of problems) io.err(p);
      io.err(`${problems.length} file${problems.length === 1 ? "" : "s"} out of date: run specsmith generate`);
      return 1;
    },
  },
  verify: verifyCommand,
};

function generateArgs(values: Record<string, unknown>) {
  const examples = values["examples"];
  if (examples !== "error" && examples !== "warn") throw new UserError(`--examples must be error or warn, not ${JSON.stringify(examples)}`);
  return {
    examples: examples as "error" | "warn",
    spec: String(values["spec"]),
    out: String(values["out"]),
    targets: typeof values["targets"] === "string" ? values["targets"].split(",").map((t) => t.trim()).filter(Boolean) : undefined,
    templates: values["templates"] as string | undefined,
  };
}

function formatImport({ counts: c }: Awaited<ReturnType<typeof importSpec>>): string {
  return `imported ${c.paths} paths, ${c.operations} operations into ${c.files} files (${c.written} written, ${c.unchanged} unchanged, ${c.removed} removed)`;
}

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "specsmith — OpenAPI-driven clients, docs snippets and fixtures",
    "",
    "Usage: specsmith <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run specsmith <command> --help for the options of a command.",
  ].join("\n");
}

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.err(`specsmith: unknown command "${name}"\n\n${usage()}`);
    return 1;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: command.options, allowPositionals: true });
    if (values["help"]) {
      io.out(`Usage: ${command.usage}\n\n${command.summary}\n\n${command.help}`);
      return 0;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.err(error.report());
      return 1;
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`specsmith ${name}: ${(error as Error).message}\nRun specsmith ${name} --help for the options.`);
      return 1;
    }
    throw error;
  } finally {
    // The run is over: its workers must not keep the process alive (a write in flight is finished first).
    await Promise.all([closeSchemaWorker(), closeWriteWorker()]);
  }
}
