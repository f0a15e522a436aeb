/**
 * Turns the AWS CLI's answers to `aws ec2 describe-availability-zones
 * --all-availability-zones --region R --output json` into the zone lists of
 * `config/availability-zones.json`. Pure, so it is tested on a recorded answer.
 */

/** The fields of one zone in the EC2 API's answer that the table needs. */
export interface DescribedZone {
    ZoneName: string;
    ZoneType: string;
    RegionName: string;
    State?: string;
}

/** One region's answer, as the AWS CLI prints it. */
export interface DescribeAvailabilityZonesOutput {
    AvailabilityZones: DescribedZone[];
}

/**
 * The standard Availability Zones of each region, sorted. Local Zones and
 * Wavelength Zones (`us-east-1-bos-1a`) are left out: the program places
 * subnets and validators only in a region's own zones. Throws when an answer
 * belongs to another region than the one it was asked for, or has no zones.
 */
export function zoneTable(
    answers: Readonly<Record<string, DescribeAvailabilityZonesOutput>>,
): Record<string, string[]> {
    const table: Record<string, string[]> = {};
    for (const region of Object.keys(answers).sort()) {
        const zones = answers[region].AvailabilityZones ?? [];
        const foreign = zones.find((z) => z.RegionName !== region);
        if (foreign) throw new Error(`${region}: the answer lists ${foreign.ZoneName} of ${foreign.RegionName}`);
        const names = zones
            .filter((z) => z.ZoneType === "availability-zone")
            .map((z) => z.ZoneName)
            .sort();
        if (names.length === 0) throw new Error(`${region}: the answer lists no Availability Zones`);
        table[region] = names;
    }
    return table;
}
