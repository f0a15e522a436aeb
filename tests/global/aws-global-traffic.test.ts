import * as path from "node:path";
import type { ProgramRun, RecordedResource } from "../../tools/harness/run-program";

// The AWS global traffic component alone, under preview mocks, over four
// regions' endpoints. Each run gets its own module registry (the program is
// a module with side effects), so a test can run it twice and compare.
async function run(dials: Record<string, number> = {}): Promise<ProgramRun> {
    let result: ProgramRun | undefined;
    await jest.isolateModulesAsync(async () => {
        const { runProgram } = await import("../../tools/harness/run-program");
        result = await runProgram({
            project: "virtengine",
            stack: "production",
            config: { "test:dials": JSON.stringify(dials) },
            preview: true,
            program: path.join(__dirname, "programs/aws-global-traffic.ts"),
        });
    });
    return result!;
}

let resources: RecordedResource[];
beforeAll(async () => {
    resources = (await run()).resources;
});
const ofType = (type: string) => resources.filter((r) => r.type === type);
const deps = (r: RecordedResource, key: string) =>
    (r.propertyDependencies[key] ?? []).map((urn) => resources.find((x) => x.urn === urn)!.name);

describe("Global Accelerator", () => {
    it("lives on the global us-west-2 provider", () => {
        const [accelerator] = ofType("aws:globalaccelerator/accelerator:Accelerator");
        expect(accelerator.providerRegion).toBe("us-west-2");
        expect(accelerator.inputs).toMatchObject({ enabled: true, ipAddressType: "IPV4" });
    });

    it("listens on TCP 443 and 9090", () => {
        const listeners = ofType("aws:globalaccelerator/listener:Listener").map((l) => [
            l.name,
            l.inputs.protocol,
            l.inputs.portRanges,
        ]);
        expect(listeners).toEqual([
            ["traffic-https", "TCP", [{ fromPort: 443, toPort: 443 }]],
            ["traffic-grpc", "TCP", [{ fromPort: 9090, toPort: 9090 }]],
        ]);
    });

    it("has one endpoint group per region and listener, with its region and dial set", () => {
        const groups = ofType("aws:globalaccelerator/endpointGroup:EndpointGroup");
        expect(groups.map((g) => [g.name, g.inputs.endpointGroupRegion, g.inputs.trafficDialPercentage])).toEqual([
            ["traffic-https-us-east-1", "us-east-1", 100],
            ["traffic-https-eu-west-1", "eu-west-1", 100],
            ["traffic-https-ap-south-1", "ap-south-1", 100],
            ["traffic-https-us-west-2", "us-west-2", 0],
            ["traffic-grpc-us-east-1", "us-east-1", 100],
            ["traffic-grpc-eu-west-1", "eu-west-1", 100],
            ["traffic-grpc-ap-south-1", "ap-south-1", 100],
            ["traffic-grpc-us-west-2", "us-west-2", 0],
        ]);
    });

    it("preserves client IPs on the ALBs (443) and not through the TLS NLBs (9090)", () => {
        const groups = ofType("aws:globalaccelerator/endpointGroup:EndpointGroup");
        for (const g of groups) {
            const [endpoint] = g.inputs.endpointConfigurations as {
                endpointId: string;
                clientIpPreservationEnabled: boolean;
            }[];
            const https = g.name.startsWith("traffic-https");
            expect(endpoint.endpointId).toContain(https ? "loadbalancer/app/" : "loadbalancer/net/");
            expect(endpoint.clientIpPreservationEnabled).toBe(https);
        }
    });

    it("changes only a region's endpoint groups when its dial turns (draining eu-west-1)", async () => {
        const turned = (await run({ "eu-west-1": 0 })).resources;
        const changed = turned
            .filter((r) => JSON.stringify(r.inputs) !== JSON.stringify(resources.find((x) => x.urn === r.urn)?.inputs))
            .map((r) => r.name);
        expect(changed).toEqual(["traffic-https-eu-west-1", "traffic-grpc-eu-west-1"]);
        expect(turned.length).toBe(resources.length);
    });
});

describe("Route53", () => {
    it("checks every region's ALB over HTTPS /health every 10 s, failing after 3", () => {
        const checks = ofType("aws:route53/healthCheck:HealthCheck");
        expect(checks.map((c) => c.inputs.fqdn)).toEqual([
            "app-us-east-1.elb.amazonaws.com",
            "app-eu-west-1.elb.amazonaws.com",
            "app-ap-south-1.elb.amazonaws.com",
            "app-us-west-2.elb.amazonaws.com",
        ]);
        for (const c of checks)
            expect(c.inputs).toMatchObject({
                type: "HTTPS",
                port: 443,
                resourcePath: "/health",
                requestInterval: 10,
                failureThreshold: 3,
                enableSni: true,
            });
    });

    const records = () => ofType("aws:route53/record:Record").map((r) => r.inputs as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    const named = (name: string) => records().filter((r) => r.name === name);

    it("aliases rpc and grpc to the accelerator", () => {
        for (const name of ["rpc.example.network", "grpc.example.network"]) {
            const [record] = named(name);
            expect(named(name)).toHaveLength(1);
            expect(record.aliases).toEqual([
                { name: expect.any(String), zoneId: "Z2BJ6XQ5FK7U4H", evaluateTargetHealth: false },
            ]);
            expect(record.setIdentifier).toBeUndefined();
        }
    });

    it("makes <region>.rpc and <region>.api failover pairs: the ALB with its health check, then the accelerator", () => {
        for (const region of ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"]) {
            for (const service of ["rpc", "api"]) {
                const pair = named(`${region}.${service}.example.network`).sort((a, b) =>
                    a.setIdentifier.localeCompare(b.setIdentifier),
                );
                expect(pair.map((r) => r.failoverRoutingPolicies[0].type)).toEqual(["PRIMARY", "SECONDARY"]);
                expect(pair[0].aliases[0]).toMatchObject({
                    name: `app-${region}.elb.amazonaws.com`,
                    zoneId: `Z-app-${region}`,
                });
                expect(pair[0].healthCheckId).toBeDefined();
                expect(pair[1].aliases[0].zoneId).toBe("Z2BJ6XQ5FK7U4H");
                expect(pair[1].healthCheckId).toBeUndefined();
            }
        }
        const primary = ofType("aws:route53/record:Record").find(
            (r) => r.name === "traffic-record-eu-west-1-rpc-primary",
        )!;
        expect(deps(primary, "healthCheckId")).toEqual(["traffic-health-eu-west-1"]);
    });

    it("routes api by continent to the regions' api names, with a * default to the primary's", () => {
        const api = named("api.example.network").map((r) => [r.geolocationRoutingPolicies[0], r.aliases[0].name]);
        expect(api).toEqual([
            [{ continent: "NA" }, "us-east-1.api.example.network"],
            [{ continent: "EU" }, "eu-west-1.api.example.network"],
            [{ continent: "AS" }, "ap-south-1.api.example.network"],
            [{ country: "*" }, "us-east-1.api.example.network"],
        ]);
    });
});
