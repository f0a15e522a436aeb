import type { PolicyResource } from "@pulumi/policy";
import { dependenciesOf, list, str } from "./read";
import { T } from "./types";

/*
 * Zones, read during a preview: a resource's own zone inputs when it has them,
 * else the zones of the subnets its inputs were computed from (subnet ids are
 * unknown until deployment; the links in `propertyDependencies` are not).
 */

/** A subnet's zone name (or zone id when only that is given). */
export function subnetZone(subnet: PolicyResource): string | undefined {
    return str(subnet.props, "availabilityZone") ?? str(subnet.props, "availabilityZoneId");
}

/** An instance's zone: its `availabilityZone`, else its subnet's. */
export function instanceZone(instance: PolicyResource): string | undefined {
    const own = str(instance.props, "availabilityZone");
    if (own !== undefined) return own;
    const [subnet] = dependenciesOf(instance, "subnetId", T.subnet);
    return subnet ? subnetZone(subnet) : undefined;
}

/** The zones of the subnets that the given inputs were computed from. */
function zonesOfSubnetInputs(r: PolicyResource, keys: readonly string[]): string[] {
    const subnets = keys.flatMap((key) => dependenciesOf(r, key, T.subnet));
    return subnets.map(subnetZone).filter((z): z is string => z !== undefined);
}

/**
 * The zones a group-like resource (Auto Scaling group, EKS node group, load
 * balancer) places capacity in, or undefined when they cannot be known.
 */
export function placementZones(r: PolicyResource): string[] | undefined {
    const explicit = list(r.props, "availabilityZones").filter((z): z is string => typeof z === "string");
    if (explicit.length > 0) return unique(explicit);
    let keys: string[];
    switch (r.type) {
        case T.autoScalingGroup:
            keys = ["vpcZoneIdentifiers"];
            break;
        case T.eksNodeGroup:
            keys = ["subnetIds"];
            break;
        default:
            // Load balancers name subnets directly or through `subnetMappings[].subnetId`.
            keys = ["subnets", "subnetMappings"];
    }
    const zones = zonesOfSubnetInputs(r, keys);
    return zones.length > 0 ? unique(zones) : undefined;
}

export const unique = (zones: readonly string[]) => [...new Set(zones)].sort();
