import { isDeepStrictEqual } from "node:util";
import type { EnforcementLevel, PolicyDeclaration, ResolvedPolicyConfig } from "./pack-config";

/*
 * Whether a stack's policy config is weaker than the pack's own defaults: a
 * policy disabled or lowered to advisory, or a setting moved the loose way
 * (a higher cap, a lower minimum, a shorter deny-list, a longer allow-list).
 * The plan prints this next to its verdict, so "no violations" under a
 * config that turned the rules off never reads as clean.
 */

/** How a setting tightens or loosens its policy. */
export type SettingDirection =
    /** A number whose higher values allow more (a cap, a limit). */
    | "max"
    /** A number whose lower values allow more (a minimum). */
    | "min"
    /** A boolean that adds a requirement when true. */
    | "require"
    /** A list of what is allowed: each added item allows more. */
    | "allow-list"
    /** A list of what is refused or guarded: each removed item allows more. */
    | "deny-list";

/**
 * Every setting of the pack, `<policy>.<setting>`: a new setting must be
 * listed here (tests/policies/weakening.test.ts checks the pack against it),
 * or the plan reports any change of it as possibly weaker.
 */
export const SETTING_DIRECTIONS: Record<string, SettingDirection> = {
    "validator-region-cap.maxRegionShare": "max",
    "min-validators.minValidators": "min",
    "min-two-azs.minZones": "min",
    "min-full-nodes-per-region.minFullNodes": "min",
    "approved-instance-types.nodeFamilies": "allow-list",
    "approved-instance-types.kubernetesFamilies": "allow-list",
    "imdsv2-required.maxHopLimit": "max",
    "imdsv2-required.kubernetesMaxHopLimit": "max",
    "encrypted-volumes.requireCustomerManagedKey": "require",
    "validators-private.forbiddenCidrs": "deny-list",
    "single-scaling-owner.allowedTriggerTypes": "allow-list",
    "pinned-versions.floatingTags": "deny-list",
    "edge-tls.allowedPolicies": "allow-list",
    "public-alb-protected.requireAccessLogs": "require",
    "dns-routing-consistent.requireGeolocationDefault": "require",
    "protect-stateful.additionalTypes": "deny-list",
    // Dropping an input from the list lets a validator be replaced by a change to it.
    "validator-safe-replacement.mustIgnore": "deny-list",
    "backups-multi-region.minRegions": "min",
    "backups-multi-region.minRegionsAfterLoss": "min",
};

/** How strongly a level holds: a lower rank than the pack's own is a weakening. */
const RANK: Record<EnforcementLevel, number> = { disabled: 0, advisory: 1, remediate: 2, mandatory: 2 };

/** One policy as it runs under a stack's config. */
export interface EffectivePolicy {
    policy: string;
    /** The level it runs at under the config. */
    enforcementLevel: EnforcementLevel;
    /** The level the pack declares. */
    packLevel: EnforcementLevel;
    /** Each way the config weakens it, one sentence each; empty when it does not. */
    weakened: string[];
}

const show = (value: unknown) => JSON.stringify(value);

/** Why `value` is looser than the pack's `fallback` for a setting of this direction; undefined when it is not. */
function looser(direction: SettingDirection | undefined, value: unknown, fallback: unknown): string | undefined {
    if (isDeepStrictEqual(value, fallback)) return undefined;
    const items = (v: unknown) => (Array.isArray(v) ? v.map((x) => show(x)) : []);
    const pack = `the pack's default ${show(fallback)}`;
    switch (direction) {
        case "max":
            return (value as number) > (fallback as number) ? `higher than ${pack}` : undefined;
        case "min":
            return (value as number) < (fallback as number) ? `lower than ${pack}` : undefined;
        case "require":
            return value === false && fallback === true ? `not ${pack}` : undefined;
        case "allow-list": {
            const added = items(value).filter((x) => !items(fallback).includes(x));
            return added.length > 0 ? `allowing ${added.join(", ")} beyond ${pack}` : undefined;
        }
        case "deny-list": {
            const removed = items(fallback).filter((x) => !items(value).includes(x));
            return removed.length > 0 ? `dropping ${removed.join(", ")} from ${pack}` : undefined;
        }
        case undefined:
            return `not ${pack}; the plan cannot tell whether that is looser`;
    }
}

/**
 * Each policy's effective level and what the config weakens, in the pack's
 * order. `config` is the reconciled config (resolvePackConfig), defaults filled in.
 */
export function effectivePolicies(
    declarations: readonly PolicyDeclaration[],
    config: Record<string, ResolvedPolicyConfig>,
): EffectivePolicy[] {
    return declarations.map((d) => {
        const resolved = config[d.name] ?? { enforcementLevel: d.enforcementLevel, properties: {} };
        const weakened: string[] = [];
        if (RANK[resolved.enforcementLevel] < RANK[d.enforcementLevel]) {
            weakened.push(`${d.name} is ${resolved.enforcementLevel} (the pack's level: ${d.enforcementLevel})`);
        }
        for (const [key, schema] of Object.entries(d.configProperties)) {
            const fallback = (schema as { default?: unknown }).default;
            const value = resolved.properties[key];
            if (value === undefined || fallback === undefined) continue;
            const why = looser(SETTING_DIRECTIONS[`${d.name}.${key}`], value, fallback);
            if (why) {
                weakened.push(`${d.name}.${key} is ${show(value)}, ${why}`);
            }
        }
        return { policy: d.name, enforcementLevel: resolved.enforcementLevel, packLevel: d.enforcementLevel, weakened };
    });
}
