import type { PlanReport } from "../../tools/plan/report";
import { planStack } from "./real-run";

// The production plan's edge sections, from the real program in a preview.
let report: PlanReport;
beforeAll(async () => {
    report = await planStack("production");
});

describe("the plan's edge and global traffic (production)", () => {
    it("lists each region's load balancers, listeners with their TLS policy, and WAF rules", () => {
        const east = report.regions["us-east-1"].endpoints;
        expect(east.loadBalancers.map((lb) => [lb.name, lb.type, lb.internetFacing])).toEqual([
            ["us-east-1-edge-alb", "application", true],
            ["us-east-1-edge-internal-rest-nlb", "network", false],
            ["us-east-1-edge-nlb", "network", true],
        ]);
        expect(east.listeners.map((l) => [l.loadBalancer, l.port, l.protocol, l.sslPolicy, l.action]).sort()).toEqual([
            ["us-east-1-edge-alb", 443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", "forward to edge-rpc"],
            ["us-east-1-edge-alb", 80, "HTTP", null, "redirect to HTTPS"],
            ["us-east-1-edge-internal-rest-nlb", 1317, "TCP", null, "forward to edge-internal-rest-targets"],
            ["us-east-1-edge-nlb", 9090, "TLS", "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", "forward to edge-grpc"],
        ]);
        // The API reaches api-gateway (on the EKS nodes) by host name; nothing else has rules.
        expect(east.listeners.flatMap((l) => l.rules.map((r) => [l.port, r]))).toEqual([
            [
                443,
                {
                    priority: 10,
                    hosts: ["api.virtengine.network", "*.api.virtengine.network"],
                    action: "forward to edge-api",
                },
            ],
        ]);
        expect(east.wafRules.map((r) => [r.rule, r.action])).toEqual([
            ["rate-limit-per-ip", "block"],
            ["AWSManagedRulesAmazonIpReputationList", "managed"],
            ["AWSManagedRulesKnownBadInputsRuleSet", "managed"],
            ["AWSManagedRulesCommonRuleSet", "managed, counts SizeRestrictions_BODY"],
        ]);
    });

    it("shows the accelerator's listeners and every endpoint group's region and dial", () => {
        const ga = report.globalTraffic.accelerator!;
        expect(report.globalTraffic.provider).toBe("aws");
        expect(ga.listeners).toEqual([
            { port: 443, protocol: "TCP", clientIpPreservation: true },
            { port: 9090, protocol: "TCP", clientIpPreservation: false },
        ]);
        expect(ga.endpointGroups.filter((g) => g.port === 443).map((g) => [g.region, g.trafficDial])).toEqual([
            ["us-east-1", 100],
            ["eu-west-1", 100],
            ["ap-south-1", 100],
            ["us-west-2", 0],
        ]);
    });

    it("lists the DNS records by name and routing policy", () => {
        const api = report.globalTraffic.dnsRecords.filter((r) => r.name === "api.virtengine.network");
        expect(api.map((r) => [r.routing, r.target])).toEqual([
            ["geolocation *", "us-east-1.api.virtengine.network"],
            ["geolocation AS", "ap-south-1.api.virtengine.network"],
            ["geolocation EU", "eu-west-1.api.virtengine.network"],
            ["geolocation NA", "us-east-1.api.virtengine.network"],
        ]);
        const east = report.globalTraffic.dnsRecords.filter((r) => r.name === "us-east-1.rpc.virtengine.network");
        expect(east.map((r) => [r.routing, r.target])).toEqual([
            ["failover PRIMARY", "us-east-1 ALB"],
            ["failover SECONDARY", "accelerator"],
        ]);
    });

    it("keeps global services out of every region's count and cost", () => {
        expect(report.unattributed.resourcesByType["aws:globalaccelerator/accelerator:Accelerator"]).toBe(1);
        expect(report.regions["us-west-2"].resourcesByType["aws:route53/healthCheck:HealthCheck"]).toBeUndefined();
        expect(report.cost.globalMonthlyUsd).toBeGreaterThan(18);
    });

    it("says where each continent goes when a region is lost, and how fast", () => {
        // The standby (dial 0) still takes North America's traffic when the primary fails.
        expect(report.regionLoss["us-east-1"].traffic).toMatchObject({
            continents: { NA: "us-west-2", SA: "us-west-2", EU: "eu-west-1", AS: "ap-south-1", OC: "ap-south-1" },
            detectionSeconds: 30,
            dnsDetectionSeconds: 90,
        });
        expect(report.regionLoss["eu-west-1"].traffic?.continents).toMatchObject({ EU: "us-east-1", NA: "us-east-1" });
    });
});

describe("the edge in the rendered plan", () => {
    it("draws global traffic as a Mermaid diagram in the pull-request comment, failover paths dashed", async () => {
        const { renderMarkdown } = await import("../../tools/plan/render");
        const md = renderMarkdown(report);
        const diagram = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1] ?? "";
        expect(diagram).toContain("flowchart LR");
        expect(diagram).toMatch(/subgraph us_east_1_region\["us-east-1 \(primary\)"\]/);
        expect(diagram).toContain('us_east_1_nodes[("4+ full nodes")]');
        expect(diagram).toContain('ga -->|"dial 100%"| eu_west_1_region');
        expect(diagram).toContain('ga -.->|"dial 0%: failover only"| us_west_2_region');
        expect(diagram).toContain('dns -->|"EU"| eu_west_1_alb');
        // Not folded: a reviewer sees it without opening anything.
        const before = md.slice(0, md.indexOf("```mermaid"));
        expect(before.split("<details>").length).toBe(before.split("</details>").length);
    });

    it("lists listeners with TLS policies, WAF rules, dials, DNS records and region-loss traffic in text", async () => {
        const { renderText } = await import("../../tools/plan/render");
        const text = renderText(report);
        for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
        expect(text).toMatch(/Endpoints: 16 listeners/);
        expect(text).toMatch(/us-east-1-edge-alb\s+HTTPS 443\s+ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09/);
        expect(text).toMatch(/HTTPS 443 .*\n\s+rule 10\s+api\.virtengine\.network, \*\.api\.virtengine\.network\n/);
        expect(text).toMatch(/us-east-1-edge-alb\s+forward to edge-rpc\n\s+forward to edge-api\n/);
        expect(text).toMatch(/us-east-1-edge-alb\s+HTTP 80\s+-\n/);
        expect(text).toMatch(/us-east-1-edge-alb\s+redirect to HTTPS\n/);
        expect(text).toMatch(/us-west-2\s+rate-limit-per-ip\s+block/);
        expect(text).toMatch(/TCP 443\s+us-west-2\s+0%\s+yes/);
        expect(text).toMatch(/api\.virtengine\.network\s+A\s+geolocation \*\s+us-east-1\.api\.virtengine\.network/);
        expect(text).toMatch(
            /us-east-1\s+us-west-2\s+us-west-2\s+eu-west-1\s+eu-west-1\s+ap-south-1\s+ap-south-1\s+30 s\s+90 s/,
        );
    });
});
