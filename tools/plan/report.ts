/**
 * The offline plan's report: what `--format json` prints and the other
 * formats render. Field names are an interface for CI and later issues (cost,
 * policies, region loss fill in the fields that are null or empty today), so
 * add fields rather than rename them.
 */
export interface PlanReport {
    project: string;
    stack: string;
    environment: string;
    /** Every resource the program registers: custom, component and provider resources. */
    resourceCount: number;
    validators: number;
    totalVotingPower: number;
    fullNodes: number;
    /** Estimated monthly cost; null until the cost model exists. */
    monthlyCostUsd: number | null;
    /** Per AWS region code, in config order. */
    regions: Record<string, RegionReport>;
    /** Resources no single region owns: components whose children span regions. */
    unattributed: ResourceCounts;
    /** All resources by type token, including unattributed ones. */
    resourcesByType: Record<string, number>;
    policies: PolicyReport;
    /** Effect of losing each region; null until that analysis exists. */
    regionLoss: null;
    /** Things the plan could not determine (unknown inputs), one sentence each. */
    warnings: string[];
}

export interface ResourceCounts {
    resources: number;
    resourcesByType: Record<string, number>;
}

export interface RegionReport extends ResourceCounts {
    /** The region's role from config (primary, secondary, ...), when config lists it. */
    role: string | null;
    validators: number;
    votingPower: number;
    /** This region's voting power over the total, rounded to 4 places (2/7 = 0.2857). */
    validatorShare: number;
    /** Zones holding at least one validator, sorted. */
    validatorZones: string[];
    /** Sum of the minimum sizes of the region's full-node Auto Scaling groups. */
    fullNodes: number;
    /** Zones the full-node groups span, sorted. */
    fullNodeZones: string[];
    monthlyCostUsd: number | null;
}

export interface PolicyReport {
    /** False until the policy pack runs as part of the plan. */
    evaluated: boolean;
    violations: PolicyViolation[];
}

export interface PolicyViolation {
    policy: string;
    enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    message: string;
    /** The resource at fault; absent for stack-level findings without one. */
    urn?: string;
}
