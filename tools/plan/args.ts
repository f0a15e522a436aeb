import { parseArgs as nodeParseArgs } from "node:util";

/** Output formats of the plan: a terminal table, one JSON object for tools, or a PR comment. */
export const FORMATS = ["text", "json", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanOptions {
    /** Stack name; its config is `Pulumi.<stack>.yaml` unless `configFile` is given. */
    stack: string;
    /** A file in `Pulumi.<stack>.yaml` format to plan instead of the stack's own config. */
    configFile?: string;
    format: Format;
    help: boolean;
    /** A policy config file (`pulumi preview --policy-pack-config` format) instead of `policies/config/<stack>.json`. */
    policyConfig?: string;
    /** An earlier plan's `--format json` output to compare this plan against. */
    compare?: string;
}

export type ParseResult = { ok: true; options: PlanOptions } | { ok: false; error: string };

export const USAGE =
    "usage: npm run plan -- [--stack production|staging] [--config FILE] [--format text|json|markdown]" +
    " [--policy-config FILE] [--compare PLAN.json]";

export const DEFAULT_STACK = "production";

// Pulumi's own rule for stack names; it also keeps the name from escaping the
// project directory when it becomes `Pulumi.<stack>.yaml`.
const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Parses the plan's command line with Node's own `util.parseArgs` (strict: no
 * unknown options or stray arguments), then turns its errors into one plain
 * sentence naming the flag, which the CLI prints with the usage line and exit
 * code 2.
 */
export function parseArgs(argv: readonly string[]): ParseResult {
    let parsed;
    try {
        parsed = nodeParseArgs({
            args: [...argv],
            strict: true,
            allowPositionals: false,
            options: {
                stack: { type: "string", multiple: true },
                config: { type: "string", multiple: true },
                format: { type: "string", multiple: true },
                help: { type: "boolean", short: "h" },
                "policy-config": { type: "string", multiple: true },
                compare: { type: "string", multiple: true },
            },
        });
    } catch (err) {
        return { ok: false, error: describeParseError(err, argv) };
    }
    const values = parsed.values;
    for (const flag of ["stack", "config", "format", "policy-config", "compare"] as const) {
        const given = values[flag] ?? [];
        if (given.length > 1) return { ok: false, error: `--${flag} is given more than once` };
        if (given.length === 1 && given[0] === "") return { ok: false, error: `--${flag} needs a value` };
    }

    const stack = values.stack?.[0] ?? DEFAULT_STACK;
    if (!STACK_NAME.test(stack)) {
        return {
            ok: false,
            error: `--stack "${stack}" is not a stack name (letters, digits, "-", "_" and "." only)`,
        };
    }
    const format = values.format?.[0] ?? "text";
    if (!(FORMATS as readonly string[]).includes(format)) {
        return { ok: false, error: `--format must be one of ${FORMATS.join(", ")} (got "${format}")` };
    }
    return {
        ok: true,
        options: {
            stack,
            configFile: values.config?.[0],
            format: format as Format,
            help: values.help === true,
            ...(values["policy-config"] ? { policyConfig: values["policy-config"][0] } : {}),
            ...(values.compare ? { compare: values.compare[0] } : {}),
        },
    };
}

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
