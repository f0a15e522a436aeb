import type { ProgramRun, RecordedResource } from "../harness/run-program";
import { TAG_ROLE, TAG_VOTING_POWER, TAG_ZONE } from "../../components/common/tags";
import { attributeRegions, known, knownString, tagsOf } from "../harness/recorded";
import { estimateMonthlyCost } from "./cost/estimate";
import { PRICE_SOURCE, PRICES_AS_OF } from "./cost/prices";
import { kubernetesReport } from "./kubernetes/report";
import { regionLoss } from "./region-loss";
import { withDisasterRecovery } from "./dr/report";
import { regionEndpoints } from "./edge/endpoints";
import { globalTraffic } from "./edge/global-traffic";
import { trafficLoss } from "./edge/traffic-loss";
import type { PlanReport, RegionReport, ResourceCounts } from "./report";

/** What the inventory needs from the validated config (a `NetworkConfig` fits). */
export interface InventoryConfig {
    environment: string;
    regions: readonly { name: string; role: string; zones: readonly string[]; trafficDial?: number }[];
    /** Full-node data volume size: the restore estimate's archive size is assumed from it. Default 500. */
    fullNodeVolumeGiB?: number;
    /** Validator data volume size, for the backup cost note. Default 1000. */
    validatorVolumeGiB?: number;
}

const VALIDATOR_TYPE = "aws:ec2/instance:Instance";
const GROUP_TYPE = "aws:autoscaling/group:Group";

function count(into: ResourceCounts, type: string): void {
    into.resources++;
    into.resourcesByType[type] = (into.resourcesByType[type] ?? 0) + 1;
}

function emptyRegion(role: string | null): RegionReport {
    return {
        role,
        validators: 0,
        votingPower: 0,
        validatorShare: 0,
        validatorZones: [],
        fullNodes: 0,
        fullNodeZones: [],
        resources: 0,
        resourcesByType: {},
        monthlyCostUsd: 0,
        endpoints: { loadBalancers: [], listeners: [], wafRules: [] },
    };
}

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

const addSorted = (list: string[], value: string) => {
    if (!list.includes(value)) {
        list.push(value);
        list.sort();
    }
};

/**
 * Summarises a program run: resources per type and region, validators and
 * their voting power per region, full-node groups, the estimated monthly cost
 * and what each region's loss leaves online. Pure: reads only `run` and
 * `config`, so it can be tested on recorded or hand-made resources.
 */
export function buildInventory(run: ProgramRun, config: InventoryConfig): PlanReport {
    const warnings: string[] = [];
    const regions: Record<string, RegionReport> = {};
    for (const r of config.regions) regions[r.name] = emptyRegion(r.role);
    const regionReport = (name: string) => (regions[name] ??= emptyRegion(null));
    const unattributed: ResourceCounts = { resources: 0, resourcesByType: {} };
    const resourcesByType: Record<string, number> = {};
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    const regionOf = attributeRegions(run.resources);

    let totalVotingPower = 0;
    let validators = 0;
    let fullNodes = 0;
    for (const r of run.resources) {
        resourcesByType[r.type] = (resourcesByType[r.type] ?? 0) + 1;
        const region = regionOf.get(r.urn);
        count(region === undefined ? unattributed : regionReport(region), r.type);

        const tags = r.type === VALIDATOR_TYPE || r.type === GROUP_TYPE ? tagsOf(r) : {};
        const role = tags[TAG_ROLE];
        if (r.type === VALIDATOR_TYPE && role === "validator") {
            const power = votingPower(r, tags[TAG_VOTING_POWER], warnings);
            validators++;
            totalVotingPower += power;
            if (region === undefined) {
                warnings.push(`validator ${r.name} has no known region; it counts only in the totals`);
                continue;
            }
            const report = regionReport(region);
            report.validators++;
            report.votingPower += power;
            const zone = knownString(r.inputs.availabilityZone) ?? tags[TAG_ZONE];
            if (zone !== undefined) addSorted(report.validatorZones, zone);
            else warnings.push(`validator ${r.name}: its Availability Zone is not known until deployment`);
        } else if (r.type === GROUP_TYPE && role === "full-node") {
            const minSize = known(r.inputs.minSize);
            const size = typeof minSize === "number" ? minSize : 0;
            if (typeof minSize !== "number") {
                warnings.push(`full-node group ${r.name}: minSize is not known until deployment; counted as 0`);
            }
            fullNodes += size;
            if (region === undefined) {
                warnings.push(`full-node group ${r.name} has no known region; it counts only in the totals`);
                continue;
            }
            const report = regionReport(region);
            report.fullNodes += size;
            for (const zone of groupZones(r, byUrn, config, region)) addSorted(report.fullNodeZones, zone);
        }
    }
    const cost = estimateMonthlyCost(run.resources, Object.keys(regions), regionOf);
    for (const [name, report] of Object.entries(regions)) {
        report.validatorShare = totalVotingPower > 0 ? round4(report.votingPower / totalVotingPower) : 0;
        report.resourcesByType = sortedKeys(report.resourcesByType);
        report.monthlyCostUsd = cost.byRegion[name] ?? 0;
    }
    unattributed.resourcesByType = sortedKeys(unattributed.resourcesByType);
    for (const name of Object.keys(regions)) {
        regions[name].endpoints = regionEndpoints(run.resources, regionOf, name);
    }
    const steered = config.regions.map((r) => ({
        name: r.name,
        role: r.role as "primary" | "secondary" | "tertiary" | "standby",
        trafficDial: r.trafficDial ?? 100,
    }));
    const traffic = globalTraffic(run.resources, regionOf, steered);
    const losses = regionLoss(regions, { validators, votingPower: totalVotingPower });
    for (const [name, loss] of Object.entries(losses)) {
        loss.traffic = trafficLoss(name, steered, traffic, run.resources, regionOf);
    }

    const report: PlanReport = {
        project: run.project,
        stack: run.stack,
        // The CLI names the planned file; the inventory only sees the program run.
        configFile: null,
        environment: config.environment,
        resourceCount: run.resources.length,
        validators,
        totalVotingPower,
        fullNodes,
        monthlyCostUsd: cost.monthlyUsd,
        cost: {
            globalMonthlyUsd: cost.globalUsd,
            priceSource: PRICE_SOURCE,
            pricesAsOf: PRICES_AS_OF,
            notes: cost.warnings,
        },
        regions,
        unattributed,
        resourcesByType: sortedKeys(resourcesByType),
        // The CLI fills this in from the pack (see policy-report.ts); the inventory stays pure.
        policies: { evaluated: false, pack: null, configFile: null, levels: [], violations: [] },
        regionLoss: losses,
        globalTraffic: traffic,
        warnings,
        kubernetes: kubernetesReport(run.resources, regionOf),
    };
    return withDisasterRecovery(report, run.resources, config);
}

/** Voting power from the tag, default 1 as the policy pack reads it. */
function votingPower(r: RecordedResource, tag: string | undefined, warnings: string[]): number {
    if (tag === undefined) return 1;
    const power = Number(tag);
    if (Number.isFinite(power) && power >= 0) return power;
    warnings.push(`validator ${r.name}: voting power tag "${tag}" is not a number; counted as 1`);
    return 1;
}

/**
 * Zones of an Auto Scaling group: its subnet ids are unknown in a preview, so
 * follow `vpcZoneIdentifiers` to the subnets it was built from and read their
 * zones; when that fails, the region's zones from config (the group spans all).
 */
function groupZones(
    group: RecordedResource,
    byUrn: Map<string, RecordedResource>,
    config: InventoryConfig,
    region: string,
): readonly string[] {
    const fromSubnets = (group.propertyDependencies.vpcZoneIdentifiers ?? [])
        .map((urn) => byUrn.get(urn))
        .map((subnet) => (subnet ? knownString(subnet.inputs.availabilityZone) : undefined))
        .filter((zone): zone is string => zone !== undefined);
    if (fromSubnets.length > 0) return fromSubnets;
    return config.regions.find((r) => r.name === region)?.zones ?? [];
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
