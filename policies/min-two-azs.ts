import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { dependenciesOf, isValidator, plural, regionOf, withDefaults } from "./lib/read";
import { LOAD_BALANCER_TYPES, T } from "./lib/types";
import { instanceZone, placementZones, subnetZone, unique } from "./lib/zones";

export interface MinTwoAzsConfig {
    /** Fewest Availability Zones each fleet must span. Default 2. */
    minZones: number;
}

export const MIN_TWO_AZS_DEFAULTS: MinTwoAzsConfig = { minZones: 2 };

/** Fleets whose placement is checked, by type, with the word the message uses. */
const GROUP_TYPES: Record<string, string> = {
    [T.autoScalingGroup]: "Auto Scaling group",
    [T.eksNodeGroup]: "EKS node group",
    ...Object.fromEntries(LOAD_BALANCER_TYPES.map((t) => [t, "load balancer"])),
};

const zoneList = (zones: readonly string[]) => (zones.length > 0 ? zones.join(", ") : "none known");

/**
 * A zone outage must not take out a whole fleet: in every region the
 * validators (when there are two or more), each Auto Scaling group, each
 * VPC's subnets, and each EKS node group and load balancer span at least
 * `minZones` zones. Zones come from known inputs, or from the subnets an
 * input was computed from, never from ids (unknown in a preview).
 */
export const minTwoAzs: StackValidationPolicy = {
    name: "min-two-azs",
    description: "In every region, validators, node groups, subnets and load balancers span at least two zones.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minZones: {
                type: "integer",
                minimum: 2,
                default: MIN_TWO_AZS_DEFAULTS.minZones,
                description: "Fewest Availability Zones each fleet must span (2 or more).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { minZones } = withDefaults(args.getConfig<MinTwoAzsConfig>(), MIN_TWO_AZS_DEFAULTS);
        const where = (r: PolicyResource) => regionOf(r) ?? "(unknown region)";
        const check = (region: string, what: string, zones: readonly string[], urn: string | undefined, are = "is") => {
            if (zones.length >= minZones) return;
            reportViolation(
                `${region}: ${what} ${are} in ${plural(zones.length, "zone")} (${zoneList(zones)}); ` +
                    `at least ${minZones} are required so one zone outage cannot take them all down`,
                urn,
            );
        };

        // Validators, per region, once there are enough to spread.
        const validatorsByRegion = groupBy(args.resources.filter(isValidator), where);
        for (const [region, validators] of validatorsByRegion) {
            if (validators.length < 2) continue;
            const zones = unique(validators.map(instanceZone).filter((z): z is string => z !== undefined));
            const names = validators.map((v) => v.name).join(", ");
            check(region, `validators ${names}`, zones, validators[0].urn, "are");
        }

        // Each fleet-like resource on its own.
        for (const r of args.resources) {
            const kind = GROUP_TYPES[r.type];
            if (kind === undefined) continue;
            const zones = placementZones(r);
            if (zones === undefined) {
                reportViolation(
                    `${where(r)}: ${kind} ${r.name}: its zones cannot be determined during preview; ` +
                        `build its subnets in this stack (or list availabilityZones) so they can be checked`,
                    r.urn,
                );
                continue;
            }
            check(where(r), `${kind} ${r.name}`, zones, r.urn);
        }

        // Each VPC's subnets together (a VPC whose subnets sit in one zone cannot host a spread fleet).
        const subnets = args.resources.filter((r) => r.type === T.subnet);
        const byVpc = groupBy(subnets, (s) => dependenciesOf(s, "vpcId", T.vpc)[0]?.urn ?? `${where(s)} (vpc unknown)`);
        for (const group of byVpc.values()) {
            const vpc = dependenciesOf(group[0], "vpcId", T.vpc)[0];
            const zones = unique(group.map(subnetZone).filter((z): z is string => z !== undefined));
            check(
                where(group[0]),
                `the subnets of VPC ${vpc?.name ?? "(unknown)"}`,
                zones,
                vpc?.urn ?? group[0].urn,
                "are",
            );
        }
    },
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
    }
    return groups;
}
