import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { showValue } from "../../../config/schema";

/*
 * Reads an earlier plan's `--format json` output for `--compare`. Only the
 * fields the comparison uses are checked; anything else the file holds is
 * ignored, so a plan from an older or newer version of the tool still
 * compares as far as both have the fields.
 */

/** Refuse to parse more than this: a plan of the largest stacks is a few megabytes. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;

const violation = z.object({
    policy: z.string(),
    enforcementLevel: z.string(),
    message: z.string(),
    urn: z.string().optional(),
});

/** One `create` step of `pulumi preview --json`, as far as the comparison reads it. */
const step = z.object({
    urn: z.string(),
    newState: z.object({ type: z.string(), inputs: z.record(z.string(), z.unknown()).optional() }),
});

const plan = z.object({
    stack: z.string(),
    configFile: z.string().nullable().optional(),
    resourceCount: z.number(),
    monthlyCostUsd: z.number(),
    regions: z.record(z.string(), z.object({ monthlyCostUsd: z.number() })),
    cost: z.object({ globalMonthlyUsd: z.number() }).optional(),
    policies: z.object({ evaluated: z.boolean(), violations: z.array(violation) }),
    steps: z.array(step).optional(),
});

/** The parts of a plan's JSON that `--compare` reads. */
export type ComparablePlan = z.output<typeof plan>;

export type ReadPlanResult = { ok: true; plan: ComparablePlan } | { ok: false; problems: string[] };

/** Reads and checks `file` (relative to `cwd`); every problem names the file, and the key where there is one. */
export function readPlanFile(file: string, cwd = process.cwd()): ReadPlanResult {
    const full = path.resolve(cwd, file);
    const name = `--compare ${file}`;
    let stat: fs.Stats;
    try {
        stat = fs.statSync(full);
    } catch {
        return { ok: false, problems: [`${name}: no such file`] };
    }
    if (!stat.isFile()) return { ok: false, problems: [`${name}: not a regular file`] };
    if (stat.size > MAX_PLAN_BYTES) {
        return {
            ok: false,
            problems: [`${name}: ${stat.size} bytes, over the ${MAX_PLAN_BYTES}-byte limit for a plan`],
        };
    }
    let text: string;
    try {
        text = fs.readFileSync(full, "utf8");
    } catch (err) {
        return { ok: false, problems: [`${name}: cannot read it (${(err as NodeJS.ErrnoException).code ?? "error"})`] };
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (err) {
        return { ok: false, problems: [`${name}: not JSON (${whyNotJson(text, err as Error)}); ${GIVE_A_PLAN}`] };
    }
    return parsePlan(raw, name);
}

const GIVE_A_PLAN = "give the output of npm run plan -- --format json";

/**
 * Why `text` is not JSON, on one line, in our words: the engine's message
 * quotes the text, newlines and all, and says "position" where a user wants
 * a line and column.
 */
export function whyNotJson(text: string, err: Error): string {
    if (text.trim() === "") return "it is empty";
    const at = /^(.*?) in JSON at position (\d+)/.exec(err.message);
    if (at) {
        const before = text.slice(0, Number(at[2])).split("\n");
        const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
        return `${at[1].charAt(0).toLowerCase()}${at[1].slice(1)}, at ${where}`;
    }
    const token = /^Unexpected token '(.+?)'/.exec(err.message);
    if (token) return `unexpected ${JSON.stringify(token[1])}`;
    if (/end of JSON input/.test(err.message)) return "it ends in the middle of a value";
    return err.message.split("\n")[0];
}

/** The keys every plan has: a JSON object with none of them is some other file. */
const PLAN_KEYS = ["stack", "resourceCount", "monthlyCostUsd", "regions", "policies"] as const;

/** What a JSON type is called in messages. */
const TYPE_NAMES: Record<string, string> = {
    string: "text",
    number: "a number",
    boolean: "true or false",
    object: "a map",
    record: "a map",
    array: "a list",
};

/** A zod issue in our words: missing, or the wrong kind of value, showing it. */
function issueMessage(issue: z.core.$ZodRawIssue): string {
    if (issue.input === undefined) return "is missing";
    const expected = issue.code === "invalid_type" ? TYPE_NAMES[issue.expected] : undefined;
    const want = expected ? `must be ${expected}` : "is not what a plan holds here";
    return `${want} (got ${showValue(issue.input)})`;
}

/** Checks a parsed plan; `name` prefixes each problem. */
export function parsePlan(raw: unknown, name: string): ReadPlanResult {
    const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
    if (!isObject || !PLAN_KEYS.some((key) => key in raw)) {
        return {
            ok: false,
            problems: [`${name}: not a plan (it has none of ${PLAN_KEYS.join(", ")}); ${GIVE_A_PLAN}`],
        };
    }
    const parsed = plan.safeParse(raw, { error: issueMessage });
    if (parsed.success) return { ok: true, plan: parsed.data };
    const problems = parsed.error.issues.map((issue) => {
        const key = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
        return `${name}: ${key.replace(/^\./, "")}: ${issue.message}`;
    });
    return { ok: false, problems };
}
