import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";

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
    let raw: unknown;
    try {
        raw = JSON.parse(fs.readFileSync(full, "utf8"));
    } catch (err) {
        return {
            ok: false,
            problems: [
                `${name}: not JSON (${(err as Error).message}); give the output of npm run plan -- --format json`,
            ],
        };
    }
    return parsePlan(raw, name);
}

/** Checks a parsed plan; `name` prefixes each problem. */
export function parsePlan(raw: unknown, name: string): ReadPlanResult {
    const parsed = plan.safeParse(raw);
    if (parsed.success) return { ok: true, plan: parsed.data };
    const problems = parsed.error.issues.map((issue) => {
        const key = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
        const at = key === "" ? "" : ` ${key.replace(/^\./, "")}:`;
        return `${name}:${at} ${issue.message}; is it the output of npm run plan -- --format json?`;
    });
    return { ok: false, problems };
}
