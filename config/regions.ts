import { Region } from "@pulumi/aws/types/enums";
import availabilityZones from "./availability-zones.json";

/**
 * AWS region codes this program can deploy to: the commercial `aws` partition
 * only, because the edge (Global Accelerator, Route53 health checks, Cloudflare)
 * and the ARNs we build assume it. The list comes from the provider's own enum so
 * it grows with the pinned `@pulumi/aws` version.
 */
export const SUPPORTED_REGIONS: readonly string[] = Object.values(Region)
    .filter((code) => !/^(cn|us-gov|us-iso[a-z]*|eu-isoe|eusc)-/.test(code))
    .sort();

/** Zone letters AWS uses for standard Availability Zones (us-east-1 goes up to f). */
export const ZONE_LETTERS = ["a", "b", "c", "d", "e", "f"] as const;

/**
 * The slot of a zone inside its region, from its letter: `us-east-1c` is 2.
 * Subnet CIDRs are keyed on this slot, not on the zone's position in config,
 * so adding or removing a zone never renumbers the other zones' subnets.
 */
export function zoneSlot(zone: string): number {
    return ZONE_LETTERS.indexOf(zone.slice(-1) as (typeof ZONE_LETTERS)[number]);
}

/**
 * The Availability Zones that exist in each region, from the maintained table
 * `config/availability-zones.json` (its `source` says where it comes from;
 * `tools/zones/refresh-availability-zones.ts` rewrites it from the AWS API).
 * A zone the table lacks fails `pulumi up`, so the config check rejects it.
 */
export const AVAILABILITY_ZONES: Readonly<Record<string, readonly string[]>> = availabilityZones.zones;

/** The zone names of `region`, in letter order; empty for a region the table does not know. */
export function zonesOfRegion(region: string): readonly string[] {
    return Object.hasOwn(AVAILABILITY_ZONES, region) ? AVAILABILITY_ZONES[region] : [];
}

/** True when `zone` is an Availability Zone that exists in `region` (`us-east-1a`, not `eu-west-1e`). */
export function isZoneOfRegion(zone: string, region: string): boolean {
    return zonesOfRegion(region).includes(zone);
}
