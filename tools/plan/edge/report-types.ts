/*
 * The plan report's fields for the edge and global traffic. Added to
 * report.ts's interfaces; field names are an interface for CI.
 */

export interface ListenerReport {
    loadBalancer: string;
    port: number | null;
    protocol: string;
    /** The TLS policy named, or null (HTTP, TCP, or none named). */
    sslPolicy: string | null;
    /** forward to edge-rpc, redirect to HTTPS, ... (target groups named without their region). */
    action: string;
    /** Listener rules in priority order: the host names they match and where they send them. */
    rules: ListenerRuleReport[];
}

export interface ListenerRuleReport {
    priority: number | null;
    hosts: string[];
    action: string;
}

export interface EndpointsReport {
    loadBalancers: { name: string; type: string; internetFacing: boolean }[];
    listeners: ListenerReport[];
    /** WAF rules by web ACL name, in priority order: name and what it does. */
    wafRules: { webAcl: string; rule: string; action: string }[];
}

export interface DnsRecordReport {
    name: string;
    type: string;
    /** simple, failover PRIMARY, geolocation NA, geolocation *, ... */
    routing: string;
    /** What the record answers with, as far as the plan can tell. */
    target: string;
}

export interface GlobalTrafficReport {
    /** aws (Global Accelerator and Route53), cloudflare, or null when the stack has neither. */
    provider: "aws" | "cloudflare" | null;
    accelerator: {
        listeners: { port: number; protocol: string; clientIpPreservation: boolean }[];
        endpointGroups: { port: number; region: string; trafficDial: number }[];
    } | null;
    /** Route53 health checks: what they request and how fast they fail. */
    healthChecks: { region: string; type: string; path: string; intervalSeconds: number; failureThreshold: number }[];
    dnsRecords: DnsRecordReport[];
    cloudflare: {
        pools: { name: string; region: string }[];
        loadBalancers: {
            name: string;
            steering: string;
            defaultPools: string[];
            fallbackPool: string;
            proxied: boolean;
        }[];
        /** Cloudflare steering region (WNAM, WEU, ...) to the regions whose pools serve it, in order. */
        regionPools: Record<string, string[]>;
    } | null;
}

export interface TrafficLossReport {
    /** Where each continent's clients are served once the region is down (region code). */
    continents: Record<string, string>;
    /** Seconds until global traffic stops sending clients there (accelerator or Cloudflare monitors). */
    detectionSeconds: number | null;
    /** Seconds until DNS answers move (health check interval x failures + TTL); null without DNS failover. */
    dnsDetectionSeconds: number | null;
    /** How it works, one sentence. */
    how: string;
}
