import { isDeepStrictEqual } from "node:util";
import type { ComparablePlan } from "./read-plan";

/*
 * What changes between two plans (`--compare`): resources added, removed and
 * changed (by URN, with the inputs that differ), the cost per region and in
 * total, and the policy findings that are new or fixed. Pure: both plans are
 * the JSON report's fields.
 */

export interface ResourceRef {
    urn: string;
    type: string;
}

export interface ChangedResource extends ResourceRef {
    /** Top-level inputs whose values differ, sorted. */
    inputs: string[];
}

export interface CostChange {
    baseUsd: number;
    headUsd: number;
    deltaUsd: number;
}

export interface Finding {
    policy: string;
    enforcementLevel: string;
    message: string;
    urn?: string;
}

export interface PlanComparison {
    base: { stack: string; configFile: string | null };
    resourceCount: { base: number; head: number };
    /**
     * Resource changes; null when either plan has no `steps` (a plan made by
     * a version of the tool before them), with `resourcesNote` saying which.
     */
    resources: { added: ResourceRef[]; removed: ResourceRef[]; changed: ChangedResource[] } | null;
    resourcesNote?: string;
    /** Total, then every region of either plan (base order, then new ones), then `global`. */
    cost: { total: CostChange; regions: Record<string, CostChange> };
    findings: { new: Finding[]; fixed: Finding[] };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const costChange = (base: number, head: number): CostChange => ({
    baseUsd: base,
    headUsd: head,
    deltaUsd: round2(head - base),
});

/** The key a finding is matched on across plans. */
const findingKey = (f: Finding) => JSON.stringify([f.policy, f.enforcementLevel, f.urn ?? "", f.message]);

const findingOf = (v: Finding): Finding => ({
    policy: v.policy,
    enforcementLevel: v.enforcementLevel,
    message: v.message,
    ...(v.urn ? { urn: v.urn } : {}),
});

function diffResources(
    base: ComparablePlan,
    head: ComparablePlan,
): Pick<PlanComparison, "resources" | "resourcesNote"> {
    if (!base.steps || !head.steps) {
        const which =
            !base.steps && !head.steps
                ? "neither plan has steps"
                : !base.steps
                  ? "the base plan has no steps"
                  : "this plan has no steps";
        return {
            resources: null,
            resourcesNote: `${which} (made by an older npm run plan); resource changes not compared`,
        };
    }
    const byUrn = (plan: ComparablePlan) => new Map(plan.steps!.map((s) => [s.urn, s.newState]));
    const before = byUrn(base);
    const after = byUrn(head);
    const added: ResourceRef[] = [];
    const changed: ChangedResource[] = [];
    for (const [urn, state] of after) {
        const old = before.get(urn);
        if (!old) {
            added.push({ urn, type: state.type });
            continue;
        }
        const a = old.inputs ?? {};
        const b = state.inputs ?? {};
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        const inputs = keys.filter((k) => !isDeepStrictEqual(a[k], b[k]));
        if (inputs.length > 0 || old.type !== state.type) changed.push({ urn, type: state.type, inputs });
    }
    const removed = [...before].filter(([urn]) => !after.has(urn)).map(([urn, s]) => ({ urn, type: s.type }));
    return { resources: { added, removed, changed } };
}

export function comparePlans(base: ComparablePlan, head: ComparablePlan): PlanComparison {
    const regions: Record<string, CostChange> = {};
    for (const name of new Set([...Object.keys(base.regions), ...Object.keys(head.regions)])) {
        regions[name] = costChange(base.regions[name]?.monthlyCostUsd ?? 0, head.regions[name]?.monthlyCostUsd ?? 0);
    }
    const global = costChange(base.cost?.globalMonthlyUsd ?? 0, head.cost?.globalMonthlyUsd ?? 0);
    if (global.baseUsd !== 0 || global.headUsd !== 0) regions.global = global;

    const baseFindings = new Set(base.policies.violations.map(findingKey));
    const headFindings = new Set(head.policies.violations.map(findingKey));
    return {
        base: { stack: base.stack, configFile: base.configFile ?? null },
        resourceCount: { base: base.resourceCount, head: head.resourceCount },
        ...diffResources(base, head),
        cost: { total: costChange(base.monthlyCostUsd, head.monthlyCostUsd), regions },
        findings: {
            new: head.policies.violations.filter((v) => !baseFindings.has(findingKey(v))).map(findingOf),
            fixed: base.policies.violations.filter((v) => !headFindings.has(findingKey(v))).map(findingOf),
        },
    };
}
