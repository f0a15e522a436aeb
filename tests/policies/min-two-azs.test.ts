import { UNKNOWN } from "../../tools/harness/run-program";
import { find, resource, topology } from "./fixtures";
import { evaluate, of } from "./pack";

const POLICY = "min-two-azs";

describe("min-two-azs", () => {
    it("passes fleets spread over two zones", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    describe("validators", () => {
        it("fails two validators in one zone, naming the region, the validators and the zone", async () => {
            const resources = topology({ "us-east-1": { validators: ["a", "a"] } });
            const [d, ...rest] = of(await evaluate(resources), POLICY);
            expect(rest).toEqual([]);
            expect(d.enforcementLevel).toBe("mandatory");
            expect(d.message).toMatch(/^us-east-1: validators us-east-1-validator-0-us-east-1a, us-east-1-validator-1/);
            expect(d.message).toContain("are in 1 zone (us-east-1a)");
        });

        it("passes two validators in two zones", async () => {
            expect(of(await evaluate(topology({ "us-east-1": { validators: ["a", "b"] } })), POLICY)).toEqual([]);
        });

        it("does not ask a lone validator to span zones", async () => {
            expect(of(await evaluate(topology({ "us-east-1": { validators: ["a"] } })), POLICY)).toEqual([]);
        });

        it("reads the zone from the validator's subnet when its own zone input is unknown", async () => {
            const resources = topology({
                "us-east-1": {
                    validators: [
                        { zone: "a", zoneUnknown: true },
                        { zone: "a", zoneUnknown: true },
                    ],
                },
            });
            const found = of(await evaluate(resources), POLICY);
            expect(found).toHaveLength(1);
            expect(found[0].message).toContain("(us-east-1a)");
        });
    });

    it("fails a full-node group in one zone and passes it in two", async () => {
        const one = of(await evaluate(topology({ "eu-west-1": { fullNodeZones: ["b"] } })), POLICY);
        expect(one).toHaveLength(1);
        expect(one[0].message).toBe(
            "eu-west-1: Auto Scaling group eu-west-1-full-node-asg is in 1 zone (eu-west-1b); " +
                "at least 2 are required so one zone outage cannot take them all down",
        );
        expect(one[0].urn).toContain("eu-west-1-full-node-asg");
        expect(of(await evaluate(topology({ "eu-west-1": { fullNodeZones: ["a", "b"] } })), POLICY)).toEqual([]);
    });

    it("fails a region whose subnets sit in one zone (the VPC, and the group built on it)", async () => {
        const found = of(await evaluate(topology({ "ap-south-1": { zones: ["a"], validators: ["a"] } })), POLICY);
        expect(found.map((d) => d.message.split(" zone")[0])).toEqual([
            "ap-south-1: Auto Scaling group ap-south-1-full-node-asg is in 1",
            "ap-south-1: the subnets of VPC ap-south-1-vpc are in 1",
        ]);
    });

    describe("load balancers and EKS node groups, wherever they exist", () => {
        const withFleet = (type: string, key: string, letters: string[]) => {
            const resources = topology({ "us-east-1": { validators: ["a", "b"], zones: ["a", "b"] } });
            const region = find(resources, "us-east-1-provider");
            const subnets = letters.map((l) => find(resources, `us-east-1-private-${l}`).urn);
            resources.push(
                resource(
                    type,
                    "us-east-1-edge",
                    { [key]: subnets.map(() => UNKNOWN) },
                    {
                        provider: `${region.urn}::id`,
                        providerRegion: "us-east-1",
                        propertyDependencies: { [key]: subnets },
                    },
                ),
            );
            return resources;
        };

        it.each([
            ["aws:lb/loadBalancer:LoadBalancer", "subnets", "load balancer"],
            ["aws:eks/nodeGroup:NodeGroup", "subnetIds", "EKS node group"],
        ])("%s: one zone fails, two pass", async (type, key, kind) => {
            const one = of(await evaluate(withFleet(type, key, ["a"])), POLICY);
            expect(one.map((d) => d.message)).toEqual([
                expect.stringContaining(`us-east-1: ${kind} us-east-1-edge is in 1 zone (us-east-1a)`),
            ]);
            expect(of(await evaluate(withFleet(type, key, ["a", "b"])), POLICY)).toEqual([]);
        });

        it("refuses a load balancer whose zones cannot be known in a preview", async () => {
            const resources = withFleet("aws:lb/loadBalancer:LoadBalancer", "subnets", []);
            const found = of(await evaluate(resources), POLICY);
            expect(found).toHaveLength(1);
            expect(found[0].message).toContain("its zones cannot be determined during preview");
        });
    });

    it("takes a higher minimum from config", async () => {
        const found = of(
            await evaluate(topology({ "us-east-1": { validators: ["a", "b"] } }), { [POLICY]: { minZones: 3 } }),
            POLICY,
        );
        expect(found.length).toBeGreaterThan(0);
        expect(found[0].message).toContain("at least 3 are required");
    });
});
