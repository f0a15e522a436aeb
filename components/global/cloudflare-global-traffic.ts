import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { PORTS } from "../common/ports";
import type { RegionEndpoints } from "../edge/endpoints";
import { regionalName, serviceName } from "../edge/hostnames";
import { byRole, primaryOf, steeringPools } from "./geography";

export interface CloudflareGlobalTrafficArgs {
    /** The explicit Cloudflare provider (API token as a secret). */
    provider: cloudflare.Provider;
    accountId: string;
    zoneId: string;
    domain: string;
    /** Name stem for account-level objects (monitors, pools), unique per account. */
    poolPrefix: string;
    regions: readonly RegionEndpoints[];
}

/** Cloudflare monitors: every 60 s (the Pro plan's minimum), down after 2 failures. */
export const CLOUDFLARE_MONITOR = { intervalSeconds: 60, consecutiveDown: 2 } as const;
/** TTL of the load balancers' answers (DNS-only). */
export const CLOUDFLARE_LB_TTL_SECONDS = 30;
/** TTL of plain records. */
const RECORD_TTL = 300;

/**
 * Global traffic on Cloudflare: per service (RPC over the ALBs, gRPC over the
 * NLBs) a monitor, a pool per region and a geo-steered load balancer with
 * every pool as default and the primary's as fallback, DNS-only so clients
 * reach the ALBs (and their WAF) directly; plus the per-region names and
 * `api`. No accelerator and no Route53 zone.
 */
export class CloudflareGlobalTraffic extends pulumi.ComponentResource {
    constructor(name: string, args: CloudflareGlobalTrafficArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:global:CloudflareGlobalTraffic", name, {}, opts);
        const child = { parent: this, provider: args.provider };
        const ordered = byRole(args.regions.map((r) => ({ ...r, name: r.region })));
        const primary = primaryOf(ordered);
        const steering = steeringPools(ordered);

        interface Service {
            role: "rpc" | "grpc";
            host: string;
            origin: (r: RegionEndpoints) => pulumi.Input<string>;
            monitor: Partial<cloudflare.LoadBalancerMonitorArgs>;
        }
        const services: Service[] = [
            {
                role: "rpc",
                host: serviceName("rpc", args.domain),
                origin: (r: RegionEndpoints) => r.alb.dnsName,
                monitor: {
                    type: "https",
                    path: "/health",
                    port: PORTS.https,
                    expectedCodes: "200",
                    // The certificate names rpc.<domain>, not the ALB's own name.
                    header: { Host: [serviceName("rpc", args.domain)] },
                },
            },
            {
                role: "grpc",
                host: serviceName("grpc", args.domain),
                origin: (r: RegionEndpoints) => r.nlb.dnsName,
                monitor: { type: "tcp", port: PORTS.grpc },
            },
        ];

        for (const service of services) {
            const monitor = new cloudflare.LoadBalancerMonitor(
                `${name}-${service.role}-monitor`,
                {
                    accountId: args.accountId,
                    description: `${args.poolPrefix} ${service.role}`,
                    interval: CLOUDFLARE_MONITOR.intervalSeconds,
                    consecutiveDown: CLOUDFLARE_MONITOR.consecutiveDown,
                    timeout: 5,
                    ...service.monitor,
                },
                child,
            );
            const pools = new Map<string, cloudflare.LoadBalancerPool>();
            for (const r of ordered) {
                pools.set(
                    r.name,
                    new cloudflare.LoadBalancerPool(
                        `${name}-${service.role}-${r.name}`,
                        {
                            accountId: args.accountId,
                            name: `${args.poolPrefix}-${service.role}-${r.name}`,
                            description: `${service.role} in ${r.name} (${r.role})`,
                            monitor: monitor.id,
                            minimumOrigins: 1,
                            origins: [
                                {
                                    name: r.name,
                                    address: service.origin(r),
                                    enabled: true,
                                    weight: 1,
                                    ...(service.role === "rpc" ? { header: { hosts: [service.host] } } : {}),
                                },
                            ],
                        },
                        child,
                    ),
                );
            }
            const pool = (region: string) => pools.get(region)!.id;
            new cloudflare.LoadBalancer(
                `${name}-${service.role}`,
                {
                    zoneId: args.zoneId,
                    name: service.host,
                    steeringPolicy: "geo",
                    defaultPools: ordered.map((r) => pool(r.name)),
                    fallbackPool: pool(primary.name),
                    regionPools: Object.fromEntries(
                        Object.entries(steering).map(([code, regions]) => [code, regions.map(pool)]),
                    ),
                    // Not proxied: clients reach the load balancers, so the WAF sees them, and 9090 passes.
                    proxied: false,
                    ttl: CLOUDFLARE_LB_TTL_SECONDS,
                },
                child,
            );
        }

        const record = (key: string, recordName: string, content: pulumi.Input<string>) =>
            new cloudflare.DnsRecord(
                `${name}-record-${key}`,
                { zoneId: args.zoneId, name: recordName, type: "CNAME", content, ttl: RECORD_TTL, proxied: false },
                child,
            );
        for (const r of ordered) {
            record(`${r.name}-rpc`, regionalName(r.name, "rpc", args.domain), r.alb.dnsName);
            record(`${r.name}-api`, regionalName(r.name, "api", args.domain), r.alb.dnsName);
        }
        // `api` follows the same geo steering as `rpc`; the ALBs route it to api-gateway by host name.
        record("api", serviceName("api", args.domain), serviceName("rpc", args.domain));

        this.registerOutputs({});
    }
}
