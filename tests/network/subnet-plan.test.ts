import fc from "fast-check";
import { overlaps, parseNetwork } from "../../config/cidr";
import { ZONE_LETTERS } from "../../config/regions";
import { planSubnets } from "../../components/network/subnet-plan";

const net = (cidr: string) => {
    const n = parseNetwork(cidr);
    if (!n) throw new Error(`not a network: ${cidr}`);
    return n;
};

describe("planSubnets", () => {
    it("gives us-east-1 in 10.0.0.0/16 private /19s and public /22s keyed on the zone letter", () => {
        expect(planSubnets("10.0.0.0/16", ["us-east-1a", "us-east-1b", "us-east-1c"])).toEqual([
            { zone: "us-east-1a", privateCidr: "10.0.0.0/19", publicCidr: "10.0.192.0/22" },
            { zone: "us-east-1b", privateCidr: "10.0.32.0/19", publicCidr: "10.0.196.0/22" },
            { zone: "us-east-1c", privateCidr: "10.0.64.0/19", publicCidr: "10.0.200.0/22" },
        ]);
    });

    // Any VPC the config accepts (private, /16 to /20), any set and order of zones.
    const vpcArb = fc
        .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 20 }))
        .map(([second, prefix]) => {
            const size = 2 ** (32 - prefix);
            const base = (10 << 24) + second * 65536;
            const aligned = base - (base % size);
            return `10.${(aligned >> 16) & 255}.${(aligned >> 8) & 255}.0/${prefix}`;
        });
    const zonesArb = fc
        .subarray([...ZONE_LETTERS], { minLength: 1 })
        .chain((letters) => fc.shuffledSubarray(letters, { minLength: letters.length, maxLength: letters.length }))
        .map((letters) => letters.map((l) => `eu-west-1${l}`));

    it("keeps each zone's subnets when other zones are added, removed or reordered", () => {
        fc.assert(
            fc.property(vpcArb, zonesArb, zonesArb, (vpc, before, after) => {
                const was = new Map(planSubnets(vpc, before).map((s) => [s.zone, s]));
                for (const subnet of planSubnets(vpc, after)) {
                    const old = was.get(subnet.zone);
                    if (old) expect(subnet).toEqual(old);
                }
            }),
        );
    });

    it("places every subnet inside the VPC with no two overlapping", () => {
        fc.assert(
            fc.property(vpcArb, zonesArb, (vpc, zones) => {
                const all = planSubnets(vpc, zones)
                    .flatMap((s) => [s.privateCidr, s.publicCidr])
                    .map(net);
                const parent = net(vpc);
                for (const [i, a] of all.entries()) {
                    expect(a.first >= parent.first && a.last <= parent.last).toBe(true);
                    for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
                }
            }),
        );
    });
});
