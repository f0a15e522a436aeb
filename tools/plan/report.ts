import type { PlanComparison } from "./compare/compare";
import type { KubernetesRegionReport } from "./kubernetes/report";
import type { RestoreAssumptions } from "./dr/assumptions";
import type { BackupPlacement, RegionLossDr } from "./dr/drill";
import type { EndpointsReport, GlobalTrafficReport, TrafficLossReport } from "./edge/report-types";

/**
 * The offline plan's report: what `--format json` prints and the other
 * formats render. Field names are an interface for CI and later issues (cost,
 * policies, region loss fill in the fields that are null or empty today), so
 * add fields rather than rename them.
 */
import type { PreviewStep } from "./steps";

export interface PlanReport {
    project: string;
    stack: string;
    /** The stack config file that was planned (`Pulumi.<stack>.yaml` or `--config FILE`); null before the CLI sets it. */
    configFile: string | null;
    environment: string;
    /** Every resource the program registers: custom, component and provider resources. */
    resourceCount: number;
    validators: number;
    totalVotingPower: number;
    fullNodes: number;
    /** Estimated monthly on-demand cost in USD (list prices; usage-based charges excluded). */
    monthlyCostUsd: number;
    /** How the estimate was made: the price table's source and date, and what it leaves out. */
    cost: CostReport;
    /** Per AWS region code, in config order. */
    regions: Record<string, RegionReport>;
    /** Resources no single region owns: components whose children span regions. */
    unattributed: ResourceCounts;
    /** All resources by type token, including unattributed ones. */
    resourcesByType: Record<string, number>;
    policies: PolicyReport;
    /** For each region (config order): what is left if that region goes down. */
    regionLoss: Record<string, RegionLossReport>;
    /** Where backups are kept, and the restore estimate's labelled assumptions (tools/plan/dr). */
    disasterRecovery?: { placement: BackupPlacement; assumptions: RestoreAssumptions };
    /** The accelerator and DNS records, or the Cloudflare load balancers (see edge/report-types.ts). */
    globalTraffic: GlobalTrafficReport;
    /** Things the plan could not determine (unknown inputs), one sentence each. */
    warnings: string[];
    /**
     * Set when the stack's name and the planned file's environment differ:
     * the policies ran with another environment's config. Also one of the
     * warnings; the text and markdown formats show it beside the verdict.
     */
    environmentMismatch?: string;
    /**
     * What `pulumi preview --json` lists as `steps`: one create per resource,
     * secrets as "[secret]", unknowns as the engine's unknown marker. Set by
     * the CLI; only the JSON format prints it.
     */
    steps?: PreviewStep[];
    /** With `--compare PLAN.json`: what changes from that plan to this one. */
    comparison?: PlanComparison;
    /** Per region with a cluster: EKS, Redis, charts and workloads with their scaling owners. */
    kubernetes?: Record<string, KubernetesRegionReport>;
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
    /** This region's share of the estimated monthly cost, in USD. */
    monthlyCostUsd: number;
    /** Its load balancers, listeners and WAF rules. */
    endpoints: EndpointsReport;
}

export interface CostReport {
    /** Costs no region owns (global services such as Global Accelerator), in USD. */
    globalMonthlyUsd: number;
    /** Where the prices come from, and the date they are as of. */
    priceSource: string;
    pricesAsOf: string;
    /** What the estimate could not price or leaves out (usage-based charges), one sentence each. */
    notes: string[];
}

export interface RegionLossReport extends Partial<RegionLossDr> {
    /** Voting power still online without this region, over the total, rounded to 4 places. */
    onlineShare: number;
    /** True when more than 2/3 of voting power stays online: the chain keeps committing blocks. */
    quorum: boolean;
    /** Validators still online. */
    validatorsOnline: number;
    /** Where each continent's clients go and how long detection takes; null without global traffic. */
    traffic: TrafficLossReport | null;
}

export interface PolicyReport {
    /** True once the policy pack has run; false when the plan could not run it. */
    evaluated: boolean;
    /** The pack's name and version, as `pulumi preview --policy-pack` would load it. */
    pack: string | null;
    /** The policy config file used (`policies/config/<stack>.json` or `--policy-config FILE`); null when not evaluated. */
    configFile: string | null;
    /** Every policy of the pack, in its order, with the level it ran at and how the config weakens it. */
    levels: PolicyLevel[];
    /** Mandatory findings first, then advisory; each in the order the pack reported them. */
    violations: PolicyViolation[];
}

export interface PolicyViolation {
    policy: string;
    enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    message: string;
    /** The resource at fault; absent for stack-level findings without one. */
    urn?: string;
}

export interface PolicyLevel {
    policy: string;
    /** The level it ran at under the policy config. */
    enforcementLevel: PolicyViolation["enforcementLevel"];
    /** The level the pack declares. */
    packLevel: PolicyViolation["enforcementLevel"];
    /** Each way the policy config weakens it against the pack's defaults, one sentence each. */
    weakened: string[];
}
