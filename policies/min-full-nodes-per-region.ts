import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isUnknown, isValidator, num, plural, regionOf, roleOf, withDefaults } from "./lib/read";
import { ROLE_FULL_NODE } from "./lib/tag-keys";
import { T } from "./lib/types";

export interface MinFullNodesPerRegionConfig {
    /** Fewest full nodes each region must run. Default 2. */
    minFullNodes: number;
}

export const MIN_FULL_NODES_PER_REGION_DEFAULTS: MinFullNodesPerRegionConfig = { minFullNodes: 2 };

/** What one region runs, as far as a preview can tell. */
interface RegionFullNodes {
    count: number;
    /** "eu-west-1-full-node-asg minSize 1", one per group or instance, for the message. */
    sources: string[];
    /** Full-node groups whose minSize is not known until deployment. */
    unknown: PolicyResource[];
    /** The resource to point at: the region's first full-node group or instance. */
    urn?: string;
}

/**
 * Full nodes are the validators' sentries and the region's public RPC. With
 * one, a single instance failure (or a rolling replacement) cuts the region's
 * validators off from the P2P network and leaves its load balancers with no
 * target. So every region the stack builds in (any VPC, validator or
 * full-node group) keeps at least `minFullNodes` running: the sum of the
 * `minSize` of its Auto Scaling groups tagged `virtengine:role = full-node`
 * (the floor the group never scales below), plus instances tagged full-node.
 */
export const minFullNodesPerRegion: StackValidationPolicy = {
    name: "min-full-nodes-per-region",
    description: "Every region runs at least minFullNodes full nodes.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minFullNodes: {
                type: "integer",
                minimum: 1,
                default: MIN_FULL_NODES_PER_REGION_DEFAULTS.minFullNodes,
                description:
                    "Fewest full nodes (full-node group minSize plus full-node instances) per region (1 or more).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { minFullNodes } = withDefaults(
            args.getConfig<MinFullNodesPerRegionConfig>(),
            MIN_FULL_NODES_PER_REGION_DEFAULTS,
        );
        const regions = new Map<string, RegionFullNodes>();
        const regionFor = (r: PolicyResource) => {
            const name = regionOf(r) ?? "(unknown region)";
            let region = regions.get(name);
            if (!region) {
                region = { count: 0, sources: [], unknown: [] };
                regions.set(name, region);
            }
            return region;
        };

        for (const r of args.resources) {
            if (r.type === T.vpc || isValidator(r)) {
                regionFor(r);
            } else if (r.type === T.autoScalingGroup && roleOf(r) === ROLE_FULL_NODE) {
                const region = regionFor(r);
                region.urn ??= r.urn;
                const minSize = num(r.props, "minSize");
                if (minSize === undefined && isUnknown(r.props, "minSize")) {
                    region.unknown.push(r);
                    continue;
                }
                // minSize is a required input; a group without one would not be created, so it counts 0.
                region.count += minSize ?? 0;
                region.sources.push(`${r.name} minSize ${minSize ?? 0}`);
            } else if (r.type === T.instance && roleOf(r) === ROLE_FULL_NODE) {
                const region = regionFor(r);
                region.urn ??= r.urn;
                region.count += 1;
                region.sources.push(`instance ${r.name}`);
            }
        }

        for (const [name, region] of regions) {
            if (region.count >= minFullNodes) continue;
            if (region.unknown.length > 0) {
                const groups = region.unknown.map((g) => g.name).join(", ");
                reportViolation(
                    `${name}: its full-node count cannot be verified during preview: the minSize of ${groups} ` +
                        `is not known until deployment; set minSize from a plain number ` +
                        `(at least ${minFullNodes} full nodes are required per region)`,
                    region.unknown[0].urn,
                );
                continue;
            }
            const from = region.sources.length > 0 ? region.sources.join(", ") : "no full-node group";
            reportViolation(
                `${name} runs ${plural(region.count, "full node")} (${from}); at least ${minFullNodes} are required ` +
                    `so one node failure cannot cut the region's validators off from the network or leave its ` +
                    `load balancers empty. Raise the minSize of the region's full-node Auto Scaling group ` +
                    `(the region's fullNodes in stack config).`,
                region.urn,
            );
        }
    },
};
