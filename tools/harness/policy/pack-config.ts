import * as fs from "node:fs";
import Ajv from "ajv";
import { showValue } from "../../../config/schema";

/*
 * Policy pack config as `pulumi preview --policy-pack-config FILE` takes it,
 * reconciled the way the engine does before it calls the pack's `configure`:
 * `all` sets every policy's level, a policy's own entry overrides it, the
 * properties get their defaults from the policy's config schema and are
 * validated against it.
 */

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** What the pack says about one policy (from its analyzer info). */
export interface PolicyDeclaration {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    /** JSON Schema `properties` of the policy's config. */
    configProperties: Record<string, unknown>;
    required: string[];
}

/** One policy's reconciled config: what `configure` receives. */
export interface ResolvedPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type PackConfigResult =
    { ok: true; config: Record<string, ResolvedPolicyConfig> } | { ok: false; problems: string[] };

const isLevel = (value: unknown): value is EnforcementLevel =>
    typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);

const isMap = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === "object" && !Array.isArray(value);

const levels = ENFORCEMENT_LEVELS.join(", ");

/** " (got <value>)": every problem with a value the user wrote shows it. */
const got = (value: unknown) => ` (got ${showValue(value)})`;

/** A policy config is a few hundred bytes; refuse to read more than this. */
export const MAX_POLICY_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a policy config file; a missing file is `undefined` (the caller
 * decides: the plan refuses a stack without one), anything else unreadable
 * is a problem naming the file.
 */
export function readPackConfigFile(
    file: string,
    source = file,
): { ok: true; raw: unknown } | { ok: false; problems: string[] } {
    let text: string;
    try {
        // A regular file of sane size only: /dev/zero or a FIFO would never end.
        const stat = fs.statSync(file);
        if (!stat.isFile()) return { ok: false, problems: [`${source}: not a regular file`] };
        if (stat.size > MAX_POLICY_CONFIG_BYTES) {
            return {
                ok: false,
                problems: [
                    `${source}: ${stat.size} bytes, over the ${MAX_POLICY_CONFIG_BYTES}-byte limit for a policy config`,
                ],
            };
        }
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, raw: undefined };
        return { ok: false, problems: [`${source}: cannot read it: ${(err as Error).message}`] };
    }
    try {
        return { ok: true, raw: JSON.parse(text) as unknown };
    } catch (err) {
        return { ok: false, problems: [`${source}: not valid JSON: ${(err as Error).message}`] };
    }
}

/**
 * Reconciles `raw` (a parsed config file, or undefined for none) with the
 * pack's declarations. Every problem is reported at once, each naming the
 * file and the key, so a typo never silently weakens a policy.
 */
export function resolvePackConfig(
    declarations: readonly PolicyDeclaration[],
    raw: unknown,
    source: string,
): PackConfigResult {
    const problems: string[] = [];
    const given = raw === undefined ? {} : raw;
    if (!isMap(given)) {
        return {
            ok: false,
            problems: [`${source}: must be a JSON object of policy names (or "all") to a level or a config object`],
        };
    }
    const known = new Set(declarations.map((d) => d.name));
    for (const key of Object.keys(given)) {
        if (key !== "all" && !known.has(key)) {
            problems.push(`${source}: "${key}" is not a policy of this pack; policies: ${[...known].join(", ")}`);
        }
    }
    let all: EnforcementLevel | undefined;
    if (given.all !== undefined) {
        if (isLevel(given.all)) all = given.all;
        else problems.push(`${source}: all: must be one of ${levels}${got(given.all)}`);
    }

    // verbose: each error carries the value it is about (`data`), to show it.
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true });
    const config: Record<string, ResolvedPolicyConfig> = {};
    for (const d of declarations) {
        const entry = given[d.name];
        let level: EnforcementLevel = all ?? d.enforcementLevel;
        let properties: Record<string, unknown> = {};
        if (isLevel(entry)) {
            level = entry;
        } else if (isMap(entry)) {
            const { enforcementLevel, ...rest } = entry;
            if (enforcementLevel !== undefined) {
                if (isLevel(enforcementLevel)) level = enforcementLevel;
                else
                    problems.push(
                        `${source}: ${d.name}.enforcementLevel: must be one of ${levels}${got(enforcementLevel)}`,
                    );
            }
            properties = rest;
        } else if (entry !== undefined) {
            problems.push(
                `${source}: ${d.name}: must be an enforcement level (${levels}) or a config object${got(entry)}`,
            );
        }
        // Defaults are filled in here as the engine does; the policies apply them too.
        const validate = ajv.compile({
            type: "object",
            properties: d.configProperties,
            required: d.required,
            additionalProperties: false,
        });
        const filled = structuredClone(properties);
        if (!validate(filled)) {
            for (const e of validate.errors ?? []) {
                const at = e.instancePath.replace(/^\//, "").replace(/\//g, ".");
                const extra = (e.params as { additionalProperty?: string }).additionalProperty;
                const key = [d.name, at, extra].filter(Boolean).join(".");
                const allowed = Object.keys(d.configProperties).join(", ") || "none";
                problems.push(
                    extra
                        ? `${source}: ${key}: not a setting of ${d.name} (settings: ${allowed})`
                        : // A missing key has no value to show; "data" is then the map it is missing from.
                          `${source}: ${key}: ${e.message ?? "is invalid"}${e.keyword === "required" ? "" : got(e.data)}`,
                );
            }
        }
        config[d.name] = { enforcementLevel: level, properties: filled };
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}
