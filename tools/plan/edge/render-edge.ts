import type { PlanReport } from "../report";

/*
 * Table rows for the edge sections of the text and markdown reports; the
 * renderers (render.ts) lay them out like their other tables.
 */

export interface EdgeTable {
    title: string;
    headers: string[];
    rows: string[][];
    numeric: boolean[];
}

const CONTINENT_ORDER = ["NA", "SA", "EU", "AF", "AS", "OC"];

export function edgeTables(report: PlanReport): EdgeTable[] {
    const tables: EdgeTable[] = [];
    const listenerRows = Object.values(report.regions).flatMap((r) =>
        r.endpoints.listeners.flatMap((l) => [
            [l.loadBalancer, `${l.protocol} ${l.port ?? "?"}`, l.sslPolicy ?? "-", l.action],
            // Each host rule under its listener, before the default it overrides.
            ...l.rules.map((rule) => [
                "",
                `rule ${rule.priority ?? "?"}`,
                rule.hosts.join(", ") || "(no host condition)",
                rule.action,
            ]),
        ]),
    );
    const listenerCount = Object.values(report.regions).reduce((n, r) => n + r.endpoints.listeners.length, 0);
    if (listenerRows.length > 0) {
        tables.push({
            title: `Endpoints: ${listenerCount} listeners`,
            headers: ["load balancer", "listener", "TLS policy (rules: hosts)", "action"],
            rows: listenerRows,
            numeric: [false, false, false, false],
        });
    }
    const wafRows = Object.entries(report.regions).flatMap(([region, r]) =>
        r.endpoints.wafRules.map((w) => [region, w.rule, w.action]),
    );
    if (wafRows.length > 0) {
        tables.push({
            title: `WAF: ${wafRows.length} rules`,
            headers: ["region", "rule", "action"],
            rows: wafRows,
            numeric: [false, false, false],
        });
    }
    const global = report.globalTraffic;
    if (global.accelerator) {
        const preserved = new Map(global.accelerator.listeners.map((l) => [l.port, l.clientIpPreservation]));
        tables.push({
            title: `Global Accelerator: ${global.accelerator.endpointGroups.length} endpoint groups`,
            headers: ["listener", "region", "traffic dial", "client IP preserved"],
            rows: global.accelerator.endpointGroups.map((g) => [
                `TCP ${g.port}`,
                g.region,
                `${g.trafficDial}%`,
                preserved.get(g.port) ? "yes" : "no",
            ]),
            numeric: [false, false, true, false],
        });
    }
    if (global.cloudflare) {
        tables.push({
            title: `Cloudflare: ${global.cloudflare.loadBalancers.length} load balancers`,
            headers: ["load balancer", "steering", "default pools", "fallback", "proxied"],
            rows: global.cloudflare.loadBalancers.map((lb) => [
                lb.name,
                lb.steering,
                lb.defaultPools.join(", "),
                lb.fallbackPool,
                lb.proxied ? "yes" : "no",
            ]),
            numeric: [false, false, false, false, false],
        });
    }
    if (global.dnsRecords.length > 0) {
        tables.push({
            title: `DNS: ${global.dnsRecords.length} records`,
            headers: ["name", "type", "routing", "target"],
            rows: global.dnsRecords.map((r) => [r.name, r.type, r.routing, r.target]),
            numeric: [false, false, false, false],
        });
    }
    const losses = Object.entries(report.regionLoss).filter(([, l]) => l.traffic !== null);
    if (losses.length > 0) {
        const seconds = (s: number | null) => (s === null ? "-" : `${s} s`);
        tables.push({
            title: "Traffic when a region goes down",
            headers: ["region lost", ...CONTINENT_ORDER, "detection", "DNS"],
            rows: losses.map(([name, l]) => [
                name,
                ...CONTINENT_ORDER.map((c) => l.traffic?.continents[c] ?? "-"),
                seconds(l.traffic?.detectionSeconds ?? null),
                seconds(l.traffic?.dnsDetectionSeconds ?? null),
            ]),
            numeric: [false, ...CONTINENT_ORDER.map(() => false), true, true],
        });
    }
    return tables;
}
