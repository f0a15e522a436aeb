import type { PlanReport } from "../report";

/*
 * The global traffic as a Mermaid flowchart (GitHub renders it in a comment):
 * clients, the accelerator or Cloudflare, each region's load balancers and
 * full nodes, with dials, and dashed arrows for paths used only in failover.
 */

/** A Mermaid node id from a region code. */
const id = (region: string, part: string) => `${region.replace(/[^a-z0-9]/gi, "_")}_${part}`;
const label = (text: string) => `"${text.replace(/"/g, "'")}"`;

export function trafficDiagram(report: PlanReport): string[] | null {
    const global = report.globalTraffic;
    if (global.provider === null) return null;
    const lines = ["```mermaid", "flowchart LR", `  clients([${label("Clients")}])`];

    for (const [name, region] of Object.entries(report.regions)) {
        const hasNlb = region.endpoints.loadBalancers.some((lb) => lb.type === "network");
        const waf = region.endpoints.wafRules.length > 0 ? " + WAF" : "";
        lines.push(`  subgraph ${id(name, "region")}[${label(`${name} (${region.role ?? "?"})`)}]`);
        lines.push(`    ${id(name, "alb")}[${label(`ALB :443${waf}`)}]`);
        if (hasNlb) lines.push(`    ${id(name, "nlb")}[${label("NLB :9090 TLS")}]`);
        lines.push(`    ${id(name, "nodes")}[(${label(`${region.fullNodes}+ full nodes`)})]`);
        lines.push(`    ${id(name, "alb")} --> ${id(name, "nodes")}`);
        if (hasNlb) lines.push(`    ${id(name, "nlb")} --> ${id(name, "nodes")}`);
        lines.push("  end");
    }

    if (global.provider === "aws" && global.accelerator) {
        const ports = global.accelerator.listeners.map((l) => l.port).join(", ");
        lines.push(`  ga{{${label(`Global Accelerator<br/>TCP ${ports}`)}}}`);
        lines.push(`  clients -->|${label("rpc, grpc")}| ga`);
        const dials = new Map<string, number>();
        for (const g of global.accelerator.endpointGroups)
            dials.set(g.region, Math.max(dials.get(g.region) ?? 0, g.trafficDial));
        for (const [region, dial] of dials) {
            if (!(region in report.regions)) continue;
            const arrow = dial > 0 ? `-->|${label(`dial ${dial}%`)}|` : `-.->|${label("dial 0%: failover only")}|`;
            // To the region as a whole: 443 reaches its ALB, 9090 its NLB.
            lines.push(`  ga ${arrow} ${id(region, "region")}`);
        }
        const geo = global.dnsRecords.filter((r) => r.routing.startsWith("geolocation"));
        if (geo.length > 0) {
            lines.push(`  dns[[${label("Route53 api (geolocation)")}]]`);
            lines.push(`  clients -->|api| dns`);
            const byRegion = new Map<string, string[]>();
            for (const r of geo) {
                const region = /^([a-z0-9-]+)\.api\./.exec(r.target)?.[1];
                if (region === undefined || !(region in report.regions)) continue;
                byRegion.set(region, [...(byRegion.get(region) ?? []), r.routing.replace("geolocation ", "")]);
            }
            for (const [region, where] of byRegion)
                lines.push(`  dns -->|${label(where.sort().join(", "))}| ${id(region, "alb")}`);
            lines.push(`  dns -.->|${label("region unhealthy: via accelerator")}| ga`);
        }
    } else if (global.provider === "cloudflare" && global.cloudflare) {
        const names = global.cloudflare.loadBalancers.map((lb) => lb.name.split(".")[0]).join(", ");
        lines.push(`  cf{{${label(`Cloudflare load balancer<br/>${names}, geo, DNS-only`)}}}`);
        lines.push(`  clients --> cf`);
        const byRegion = new Map<string, string[]>();
        for (const [code, [region]] of Object.entries(global.cloudflare.regionPools)) {
            if (region !== undefined) byRegion.set(region, [...(byRegion.get(region) ?? []), code]);
        }
        for (const [region, codes] of byRegion) {
            if (region in report.regions) lines.push(`  cf -->|${label(codes.join(", "))}| ${id(region, "alb")}`);
        }
        const primary = Object.entries(report.regions).find(([, r]) => r.role === "primary")?.[0];
        if (primary) lines.push(`  cf -.->|${label("pool down: fallback")}| ${id(primary, "alb")}`);
    }
    lines.push("```");
    return lines;
}
