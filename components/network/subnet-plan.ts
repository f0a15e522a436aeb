import { cidrSubnet } from "../../config/cidr";
import { zoneSlot } from "../../config/regions";

/** The subnets of one Availability Zone. */
export interface ZoneSubnetPlan {
    zone: string;
    /** Private subnet: validators, Kubernetes nodes. An eighth of the VPC (a /19 of a /16). */
    privateCidr: string;
    /** Public subnet: NAT gateways, load balancers, full nodes. A /22 of a /16. */
    publicCidr: string;
}

/**
 * Carves a region's VPC into per-zone subnets.
 *
 * The VPC is split in eight; the first six eighths are private subnets, one per
 * zone letter a-f, and the seventh is split again in eight for the public
 * subnets. The eighth is kept free for later use (EKS pod ranges, intra
 * subnets). Each zone's slot comes from its letter, not its position in config,
 * so adding or removing a zone never moves another zone's subnets (which would
 * replace every instance in them).
 */
export function planSubnets(vpcCidr: string, zones: readonly string[]): ZoneSubnetPlan[] {
    return zones.map((zone) => {
        const slot = zoneSlot(zone);
        if (slot < 0) {
            throw new Error(`planSubnets: ${zone} has no zone letter a-f`);
        }
        return {
            zone,
            privateCidr: cidrSubnet(vpcCidr, 3, slot),
            publicCidr: cidrSubnet(vpcCidr, 6, 6 * 8 + slot),
        };
    });
}
