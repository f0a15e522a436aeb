import { UNKNOWN, type ProgramRun, type RecordedResource } from "../harness/run-program";
import { TAG_ROLE, TAG_VOTING_POWER, TAG_ZONE } from "../../components/common/tags";
import type { PlanReport, RegionReport, ResourceCounts } from "./report";

/** What the inventory needs from the validated config (a `NetworkConfig` fits). */
export interface InventoryConfig {
    environment: string;
    regions: readonly { name: string; role: string; zones: readonly string[] }[];
}

const VALIDATOR_TYPE = "aws:ec2/instance:Instance";
const GROUP_TYPE = "aws:autoscaling/group:Group";

/** Pulumi's marker for a secret value in raw engine inputs. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** An input's plain value: secrets unwrapped, unknowns as undefined. */
function known(value: unknown): unknown {
    if (value === UNKNOWN) return undefined;
    if (
        value !== null &&
        typeof value === "object" &&
        (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
    ) {
        return known((value as Record<string, unknown>).value);
    }
    return value;
}

const knownString = (value: unknown): string | undefined => {
    const v = known(value);
    return typeof v === "string" ? v : undefined;
};

/** Tags as a map, from either an AWS `tags` map or an Auto Scaling group's `[{key, value}]` list. */
function tagsOf(resource: RecordedResource): Record<string, string> {
    const tags = known(resource.inputs.tags);
    const out: Record<string, string> = {};
    if (Array.isArray(tags)) {
        for (const tag of tags.map(known)) {
            const t = tag as Record<string, unknown> | null;
            const key = knownString(t?.key);
            const value = knownString(t?.value);
            if (key !== undefined && value !== undefined) out[key] = value;
        }
    } else if (tags !== null && typeof tags === "object") {
        for (const [key, value] of Object.entries(tags)) {
            const v = knownString(value);
            if (v !== undefined) out[key] = v;
        }
    }
    return out;
}

/**
 * The region a custom resource lives in. AWS provider v7 lets a resource
 * override its provider's region with a `region` input, so that wins; a
 * provider resource's own region is its `region` input.
 */
function regionOfCustom(resource: RecordedResource): string | undefined {
    const aws = resource.type.startsWith("aws:") || resource.type === "pulumi:providers:aws";
    return (aws ? knownString(resource.inputs.region) : undefined) ?? resource.providerRegion;
}

/**
 * Region of every resource. A component has no provider, so it belongs to the
 * region of its custom descendants when they all share one; a component whose
 * children span regions (the network, the peering mesh) belongs to none.
 */
function attributeRegions(resources: readonly RecordedResource[]): Map<string, string | undefined> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const descendantRegions = new Map<string, Set<string | undefined>>();
    for (const r of resources) {
        if (!r.custom) continue;
        const region = regionOfCustom(r);
        for (let p = byUrn.get(r.parent); p !== undefined && !p.custom; p = byUrn.get(p.parent)) {
            const set = descendantRegions.get(p.urn) ?? new Set();
            set.add(region);
            descendantRegions.set(p.urn, set);
        }
    }
    const regions = new Map<string, string | undefined>();
    for (const r of resources) {
        if (r.custom) {
            regions.set(r.urn, regionOfCustom(r));
        } else {
            const set = descendantRegions.get(r.urn);
            regions.set(r.urn, set?.size === 1 ? [...set][0] : undefined);
        }
    }
    return regions;
}

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
        monthlyCostUsd: null,
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
 * their voting power per region, full-node groups. Pure: reads only `run` and
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
    for (const report of Object.values(regions)) {
        report.validatorShare = totalVotingPower > 0 ? round4(report.votingPower / totalVotingPower) : 0;
        report.resourcesByType = sortedKeys(report.resourcesByType);
    }
    unattributed.resourcesByType = sortedKeys(unattributed.resourcesByType);

    return {
        project: run.project,
        stack: run.stack,
        environment: config.environment,
        resourceCount: run.resources.length,
        validators,
        totalVotingPower,
        fullNodes,
        monthlyCostUsd: null,
        regions,
        unattributed,
        resourcesByType: sortedKeys(resourcesByType),
        policies: { evaluated: false, violations: [] },
        regionLoss: null,
        warnings,
    };
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
