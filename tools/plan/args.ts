import { parseArgs as nodeParseArgs } from "node:util";
import { WIDTH } from "./text";

/** Output formats of the plan: a terminal table, one JSON object for tools, or a PR comment. */
export const FORMATS = ["text", "json", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanOptions {
    /** Stack name; its config is `Pulumi.<stack>.yaml` unless `configFile` is given. */
    stack: string;
    /** A file in `Pulumi.<stack>.yaml` format to plan instead of the stack's own config. */
    configFile?: string;
    /** A policy config to run the pack with instead of `policies/config/<stack>.json`. */
    policyConfig?: string;
    /** An earlier plan's `--format json` output to compare this plan against. */
    compare?: string;
    format: Format;
    help: boolean;
}

export type ParseResult =
    | { ok: true; options: PlanOptions }
    /** `stray`: an argument that is no flag's value, as npm leaves behind when it keeps a flag. */
    | { ok: false; error: string; stray?: boolean };

export const DEFAULT_STACK = "production";

/** One command-line flag: how it is parsed and how `--help` explains it. */
interface FlagSpec {
    /** The long name, without `--`. */
    name: string;
    short?: string;
    /** Placeholder for the flag's value in help; absent for a switch. */
    value?: string;
    /** Which PlanOptions field the value goes to. */
    option: keyof PlanOptions;
    /** Help text, one line each (kept short enough for the help to fit 100 columns). */
    help: readonly string[];
}

/** Every flag of the plan. Adding a flag is one entry here (and its field in PlanOptions). */
export const FLAGS: readonly FlagSpec[] = [
    {
        name: "stack",
        value: "NAME",
        option: "stack",
        help: [
            `Stack to plan: reads Pulumi.NAME.yaml. Default: ${DEFAULT_STACK}.`,
            "The stack also picks the policy config, policies/config/NAME.json.",
        ],
    },
    {
        name: "config",
        value: "FILE",
        option: "configFile",
        help: [
            "Plan FILE, written like Pulumi.<stack>.yaml, instead of the stack's own",
            "file (e.g. a proposed change). A relative path is from where you are.",
        ],
    },
    {
        name: "format",
        value: "FORMAT",
        option: "format",
        help: ["How to print the report (see Formats below). Default: text."],
    },
    {
        name: "policy-config",
        value: "FILE",
        option: "policyConfig",
        help: [
            "Run the policy pack with the policy config FILE instead of",
            "policies/config/<stack>.json; needed for a stack that has none.",
        ],
    },
    {
        name: "compare",
        value: "PLAN.json",
        option: "compare",
        help: [
            "Also show what changes against an earlier plan printed with",
            "--format json: resources added, removed and changed, cost per",
            "region and in total, policy findings new and fixed.",
        ],
    },
    { name: "help", short: "h", option: "help", help: ["Print this help and exit 0."] },
];

const flagName = (flag: FlagSpec) =>
    `${flag.short ? `-${flag.short}, ` : ""}--${flag.name}${flag.value ? ` ${flag.value}` : ""}`;

/** The usage synopsis, every flag, wrapped under `npm run plan --` to fit WIDTH. */
export const USAGE = wrapWords(
    "usage: npm run plan --",
    FLAGS.map((f) => (f.value ? `[--${f.name} ${f.value}]` : `[--${f.name}]`)),
);

/** Wraps whole flag synopses (`[--stack NAME]` never split), unlike text.ts's `wrap`. */
function wrapWords(head: string, words: readonly string[]): string {
    const lines = [head];
    for (const word of words) {
        const last = lines.length - 1;
        if (lines[last].length + 1 + word.length <= WIDTH) lines[last] += ` ${word}`;
        else lines.push(`${" ".repeat(head.length)} ${word}`);
    }
    return lines.join("\n");
}

/** `--help`: every flag, format and exit code. Lines fit WIDTH. */
export function helpText(): string {
    const column = Math.max(...FLAGS.map((f) => flagName(f).length)) + 4;
    const flags = FLAGS.flatMap((flag) =>
        flag.help.map((line, i) => `${(i === 0 ? `  ${flagName(flag)}` : "").padEnd(column)}${line}`),
    );
    return [
        USAGE,
        "",
        "Runs the Pulumi program under mocks, with no cloud credentials and no Pulumi CLI,",
        "evaluates the policy pack on what it would create, and reports what `pulumi up` would",
        "build. Put the flags after `--`: npm keeps flags written before it for itself.",
        "",
        "Flags:",
        ...flags,
        "",
        "Formats:",
        "  text      tables for a terminal (the default)",
        "  json      one JSON object for tools: stack, configFile, resourceCount, monthlyCostUsd,",
        "            regions, policies, regionLoss, and steps shaped like `pulumi preview --json`",
        "  markdown  a pull-request comment: summary line first, details folded",
        "",
        "Exit codes:",
        "  0  planned; no mandatory policy violation (advisory findings are listed)",
        "  1  planned; mandatory policy violations, listed in the report",
        "  2  invalid input: flags, a file, the stack config or the policy config;",
        "     one line per problem on stderr, naming the flag, file or key and the bad value",
        "  3  internal error, a bug in the plan; or the program failed as a real deployment would",
        "     (an apply threw, a lookup went unanswered): the errors and a stack trace on stderr",
        "",
        "Examples:",
        "  npm run plan",
        "  npm run plan -- --stack staging --format json > staging.json",
        "  npm run plan -- --config my-change.yaml --compare staging.json",
        "",
    ].join("\n");
}

// Pulumi's own rule for stack names; it also keeps the name from escaping the
// project directory when it becomes `Pulumi.<stack>.yaml`.
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Parses the plan's command line with Node's own `util.parseArgs` (strict: no
 * unknown options or stray arguments), then turns its errors into one plain
 * sentence naming the flag, which the CLI prints with the usage line and exit
 * code 2.
 */
/**
 * Whether the user asked for help (`--help` or `-h` before any `--`): then
 * the help is printed and nothing else is checked, so a flag npm kept for
 * itself (`npm_config_stack`) or a mistake elsewhere does not hide it.
 */
export function asksForHelp(argv: readonly string[]): boolean {
    const end = argv.indexOf("--");
    return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

export function parseArgs(argv: readonly string[]): ParseResult {
    let parsed;
    try {
        parsed = nodeParseArgs({
            args: [...argv],
            strict: true,
            allowPositionals: false,
            options: Object.fromEntries(
                FLAGS.map((f) => [
                    f.name,
                    f.value ? { type: "string", multiple: true } : { type: "boolean", short: f.short },
                ]),
            ),
        });
    } catch (err) {
        const stray = (err as { code?: string }).code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL";
        return { ok: false, error: describeParseError(err, argv), ...(stray ? { stray } : {}) };
    }
    const values = parsed.values as Record<string, string[] | boolean | undefined>;
    const given: Record<string, string | undefined> = {};
    for (const flag of FLAGS.filter((f) => f.value)) {
        const all = (values[flag.name] as string[] | undefined) ?? [];
        if (all.length > 1) return { ok: false, error: `--${flag.name} is given more than once` };
        if (all.length === 1 && all[0] === "") return { ok: false, error: `--${flag.name} needs a value` };
        given[flag.name] = all[0];
    }

    const stack = given.stack ?? DEFAULT_STACK;
    if (!STACK_NAME.test(stack)) {
        return {
            ok: false,
            error: `--stack "${stack}" is not a stack name (letters, digits, "-", "_" and "." only)`,
        };
    }
    const format = given.format ?? "text";
    if (!(FORMATS as readonly string[]).includes(format)) {
        return { ok: false, error: `--format must be one of ${FORMATS.join(", ")} (got "${format}")` };
    }
    // Each value flag's value under its option's name; flags not given are absent.
    const fromFlags = Object.fromEntries(
        FLAGS.filter((f) => f.value && given[f.name] !== undefined).map((f) => [f.option, given[f.name]]),
    );
    return {
        ok: true,
        options: { ...fromFlags, stack, format: format as Format, help: values.help === true },
    };
}

/**
 * Flags npm took for itself. `npm run plan --stack=staging` (no `--`) never
 * hands `--stack` to the plan: npm reads it as its own config and sets
 * `npm_config_stack=staging` in the script's environment (`true`, with the
 * value passed on as a stray argument, for `--stack staging`), so the plan
 * would quietly plan the default stack. One line per flag found.
 */
export function flagsNpmSwallowed(env: Readonly<Record<string, string | undefined>>): string[] {
    return FLAGS.flatMap((flag) => {
        const variable = `npm_config_${flag.name.replace(/-/g, "_")}`;
        const value = env[variable];
        if (value === undefined) return [];
        const written = flag.value && value !== "true" ? `--${flag.name}=${value}` : `--${flag.name}`;
        const example = `--${flag.name}${flag.value ? ` ${value !== "true" ? value : flag.value}` : ""}`;
        return [`${written} was taken by npm (${variable}): put it after --, as in npm run plan -- ${example}`];
    });
}

/**
 * Said under `npm run` after a stray argument: npm reads `--format` as its own
 * `--format-package-lock` (an abbreviation) and sets no variable, so only the
 * value it left behind shows that the `--` was forgotten.
 */
export const NPM_STRAY_HINT =
    "if you wrote plan flags without -- (npm run plan --format json), npm kept them: put them after --";

/** `util.parseArgs` errors carry a code; say the same thing in the words of this CLI. */
function describeParseError(err: unknown, argv: readonly string[]): string {
    const code = (err as { code?: string }).code;
    const message = err instanceof Error ? err.message : String(err);
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    switch (code) {
        case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
            return option?.startsWith("--") ? `unknown option ${option}` : `unexpected argument "${option ?? message}"`;
        case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
            return `unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? argv.join(" ")}"`;
        case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
            return `${option ?? "an option"} needs a value`;
        default:
            return message;
    }
}
