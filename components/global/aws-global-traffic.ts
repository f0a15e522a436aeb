import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { PORTS } from "../common/ports";
import { mergeTags, type Tags } from "../common/tags";
import { GLOBAL_ACCELERATOR_ZONE_ID } from "../edge/aws-constants";
import type { RegionEndpoints } from "../edge/endpoints";
import { planAwsRecords, type PlannedRecord } from "./dns-records";

export interface AwsGlobalTrafficArgs {
    /** The global AWS provider, pinned to us-west-2 (Global Accelerator's API lives only there). */
    provider: aws.Provider;
    /** The hosted zone the records go in. */
    zoneId: pulumi.Input<string>;
    domain: string;
    /** Accelerator name stem, unique per account (e.g. virtengine-production). */
    acceleratorName: string;
    /** Every region's endpoints, from the regional edges. */
    regions: readonly RegionEndpoints[];
    tags?: Tags;
}

/** Route53 health checks: every 10 s, 3 failures (30 s to declare a region down). */
export const HEALTH_CHECK = { intervalSeconds: 10, failureThreshold: 3 } as const;
/** TTL clients cache an answer for: an ALB alias's own TTL. */
export const ALIAS_TTL_SECONDS = 60;

/** The two accelerator listeners: RPC and the API on the ALBs, gRPC on the NLBs. */
export const ACCELERATOR_LISTENERS = [
    // Client IP preservation on the ALBs, so the WAF's per-IP limit sees clients.
    { role: "https", port: PORTS.https, target: "alb", clientIpPreservation: true },
    // AWS cannot preserve client IPs through an NLB with a TLS listener.
    { role: "grpc", port: PORTS.grpc, target: "nlb", clientIpPreservation: false },
] as const;

/**
 * Global traffic on AWS: a Global Accelerator with TCP listeners 443 and 9090
 * and an endpoint group per region (with the region's traffic dial), a
 * Route53 HTTPS health check per region, and the records of dns-records.ts.
 * Failover: the accelerator moves a region's traffic on its load balancers'
 * target health; DNS failover pairs move `<region>.rpc`/`<region>.api` to the
 * accelerator when the region's health check fails.
 */
export class AwsGlobalTraffic extends pulumi.ComponentResource {
    public readonly accelerator: aws.globalaccelerator.Accelerator;
    public readonly acceleratorDnsName: pulumi.Output<string>;
    /** The records, as planned. */
    public readonly records: PlannedRecord[];

    constructor(name: string, args: AwsGlobalTrafficArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:global:AwsGlobalTraffic", name, {}, opts);
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, args.provider, extra);
        const tags = (role: string) => mergeTags(`${name}-${role}`, args.tags);

        this.accelerator = new aws.globalaccelerator.Accelerator(
            `${name}-accelerator`,
            { name: args.acceleratorName, ipAddressType: "IPV4", enabled: true, tags: tags("accelerator") },
            child(),
        );
        for (const spec of ACCELERATOR_LISTENERS) {
            const listener = new aws.globalaccelerator.Listener(
                `${name}-${spec.role}`,
                {
                    acceleratorArn: this.accelerator.arn,
                    protocol: "TCP",
                    portRanges: [{ fromPort: spec.port, toPort: spec.port }],
                    // Websocket subscriptions and retries stay on one region.
                    clientAffinity: "SOURCE_IP",
                },
                child(),
            );
            for (const r of args.regions) {
                new aws.globalaccelerator.EndpointGroup(
                    `${name}-${spec.role}-${r.region}`,
                    {
                        listenerArn: listener.arn,
                        // One group per region per listener; the default would be the provider's region.
                        endpointGroupRegion: r.region,
                        trafficDialPercentage: r.trafficDial,
                        endpointConfigurations: [
                            {
                                endpointId: r[spec.target].arn,
                                clientIpPreservationEnabled: spec.clientIpPreservation,
                                weight: 100,
                            },
                        ],
                    },
                    child(),
                );
            }
        }

        const healthChecks = new Map<string, aws.route53.HealthCheck>();
        for (const r of args.regions) {
            healthChecks.set(
                r.region,
                new aws.route53.HealthCheck(
                    `${name}-health-${r.region}`,
                    {
                        type: r.healthCheck.protocol,
                        fqdn: r.alb.dnsName,
                        port: r.healthCheck.port,
                        resourcePath: r.healthCheck.path,
                        enableSni: true,
                        requestInterval: HEALTH_CHECK.intervalSeconds,
                        failureThreshold: HEALTH_CHECK.failureThreshold,
                        tags: tags(`health-${r.region}`),
                    },
                    child(),
                ),
            );
        }

        const byRegion = new Map(args.regions.map((r) => [r.region, r]));
        this.records = planAwsRecords(
            args.domain,
            args.regions.map((r) => ({ name: r.region, role: r.role, trafficDial: r.trafficDial })),
        );
        for (const planned of this.records) {
            const alias = (() => {
                switch (planned.target.kind) {
                    case "accelerator":
                        return {
                            name: this.accelerator.dnsName,
                            zoneId: GLOBAL_ACCELERATOR_ZONE_ID,
                            evaluateTargetHealth: false,
                        };
                    case "alb": {
                        const r = byRegion.get(planned.target.region)!;
                        // The health check judges RPC precisely; the ALB's own target health would judge every group.
                        return { name: r.alb.dnsName, zoneId: r.alb.zoneId, evaluateTargetHealth: false };
                    }
                    case "record":
                        return { name: planned.target.name, zoneId: args.zoneId, evaluateTargetHealth: true };
                }
            })();
            const routing = planned.routing;
            new aws.route53.Record(
                `${name}-record-${planned.key}`,
                {
                    zoneId: args.zoneId,
                    name: planned.name,
                    type: planned.type,
                    aliases: [alias],
                    setIdentifier: planned.setIdentifier,
                    healthCheckId:
                        planned.healthCheckRegion !== undefined
                            ? healthChecks.get(planned.healthCheckRegion)!.id
                            : undefined,
                    failoverRoutingPolicies: routing.policy === "failover" ? [{ type: routing.role }] : undefined,
                    geolocationRoutingPolicies:
                        routing.policy === "geolocation"
                            ? [routing.continent === "*" ? { country: "*" } : { continent: routing.continent }]
                            : undefined,
                },
                child(),
            );
        }

        this.acceleratorDnsName = this.accelerator.dnsName;
        this.registerOutputs({ acceleratorDnsName: this.acceleratorDnsName });
    }
}
