import { Inventory } from "../helpers/stack-run";
import { engineConfig, rawStackConfig } from "../helpers/fixtures";
import { runProgram } from "../../tools/harness/run-program";

// A staging config that chooses Cloudflare: the real program, under preview mocks.
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const ZONE = "fedcba9876543210fedcba9876543210";
let inv: Inventory;
beforeAll(async () => {
    const raw = {
        ...rawStackConfig("staging"),
        globalTraffic: "cloudflare",
        cloudflareAccountId: ACCOUNT,
        cloudflareZoneId: ZONE,
    };
    inv = new Inventory(
        await runProgram({
            project: "virtengine",
            stack: "staging",
            config: { ...engineConfig(raw), "cloudflare:apiToken": "test-token" },
            preview: true,
        }),
    );
});

const CF = {
    provider: "pulumi:providers:cloudflare",
    monitor: "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor",
    pool: "cloudflare:index/loadBalancerPool:LoadBalancerPool",
    lb: "cloudflare:index/loadBalancer:LoadBalancer",
    record: "cloudflare:index/dnsRecord:DnsRecord",
};

describe("staging on Cloudflare", () => {
    it("builds no accelerator, no Route53 zone, records or health checks", () => {
        for (const type of [
            "aws:globalaccelerator/accelerator:Accelerator",
            "aws:route53/zone:Zone",
            "aws:route53/record:Record",
            "aws:route53/healthCheck:HealthCheck",
        ])
            expect(inv.ofType(type)).toEqual([]);
    });

    it("uses one explicit Cloudflare provider with the token as a secret", () => {
        const providers = inv.ofType(CF.provider);
        expect(providers).toHaveLength(1);
        // Recorded as the engine receives it: wrapped in Pulumi's secret signature.
        expect(providers[0].inputs.apiToken).toEqual({
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            value: "test-token",
        });
        for (const type of Object.values(CF).slice(1))
            for (const r of inv.ofType(type)) expect(r.provider.startsWith(providers[0].urn)).toBe(true);
    });

    it("monitors RPC over HTTPS /health and gRPC over TCP", () => {
        const monitors = inv
            .ofType(CF.monitor)
            .sort((a, b) => b.name.localeCompare(a.name))
            .map((m) => m.inputs);
        expect(monitors).toEqual([
            expect.objectContaining({
                accountId: ACCOUNT,
                type: "https",
                path: "/health",
                port: 443,
                expectedCodes: "200",
            }),
            expect.objectContaining({ accountId: ACCOUNT, type: "tcp", port: 9090 }),
        ]);
    });

    it("has a pool per region and service, on its load balancer", () => {
        const pools = inv.ofType(CF.pool);
        expect(pools.map((p) => p.name).sort()).toEqual(
            ["rpc", "grpc"]
                .flatMap((s) =>
                    ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"].map((r) => `virtengine-traffic-${s}-${r}`),
                )
                .sort(),
        );
        const rpcEast = pools.find((p) => p.name === "virtengine-traffic-rpc-us-east-1")!;
        expect(inv.dependencyOf(rpcEast, "origins").map((r) => r.type)).toContain("aws:lb/loadBalancer:LoadBalancer");
    });

    it("geo-steers rpc and grpc, DNS-only, every pool a default and the primary the fallback", () => {
        const lbs = inv.ofType(CF.lb);
        expect(lbs.map((l) => l.inputs.name).sort()).toEqual([
            "grpc.staging.virtengine.network",
            "rpc.staging.virtengine.network",
        ]);
        for (const lb of lbs) {
            expect(lb.inputs).toMatchObject({ zoneId: ZONE, steeringPolicy: "geo", proxied: false });
            expect(inv.dependencyOf(lb, "defaultPools")).toHaveLength(4);
            expect(inv.dependencyOf(lb, "fallbackPool").map((p) => p.name)).toEqual([
                `virtengine-traffic-${String(lb.inputs.name).split(".")[0]}-us-east-1`,
            ]);
            // North America: us-east-1's pool, then the standby us-west-2's; Europe and Asia: one each.
            const pools = lb.inputs.regionPools as Record<string, unknown[]>;
            expect([pools.WNAM.length, pools.WEU.length, pools.SAS.length]).toEqual([2, 1, 1]);
            expect(Object.keys(lb.inputs.regionPools as object).sort()).toEqual(
                ["WNAM", "ENAM", "WEU", "EEU", "ME", "SAS", "SEAS", "NEAS"].sort(),
            );
        }
    });

    it("puts the regional names, api and the certificate validation records in the Cloudflare zone", () => {
        const names = inv
            .ofType(CF.record)
            .map((r) => r.name)
            .sort();
        expect(names).toEqual(
            [
                "virtengine-dns-validation-api-staging-virtengine-network",
                "virtengine-dns-validation-grpc-staging-virtengine-network",
                "virtengine-dns-validation-rpc-staging-virtengine-network",
                "virtengine-traffic-record-api",
                ...["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"].flatMap((r) => [
                    `virtengine-traffic-record-${r}-api`,
                    `virtengine-traffic-record-${r}-rpc`,
                ]),
            ].sort(),
        );
        for (const r of inv.ofType(CF.record)) expect(r.inputs).toMatchObject({ zoneId: ZONE, proxied: false });
    });
});
