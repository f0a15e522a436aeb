import type { RecordedResource } from "../../harness/run-program";
import { known, knownString } from "../../harness/recorded";
import { steeringPools, type SteeredRegion } from "../../../components/global/geography";
import type { DnsRecordReport, GlobalTrafficReport } from "./report-types";

/*
 * The stack's global traffic, read from the recorded resources: the
 * accelerator's listeners and endpoint groups, Route53 health checks and
 * records, or the Cloudflare pools and load balancers.
 */

export const TYPES = {
    accelerator: "aws:globalaccelerator/accelerator:Accelerator",
    gaListener: "aws:globalaccelerator/listener:Listener",
    endpointGroup: "aws:globalaccelerator/endpointGroup:EndpointGroup",
    healthCheck: "aws:route53/healthCheck:HealthCheck",
    record: "aws:route53/record:Record",
    cfPool: "cloudflare:index/loadBalancerPool:LoadBalancerPool",
    cfLoadBalancer: "cloudflare:index/loadBalancer:LoadBalancer",
    cfRecord: "cloudflare:index/dnsRecord:DnsRecord",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
} as const;

type Props = Record<string, unknown>;
const asProps = (v: unknown): Props => {
    const k = known(v);
    return k !== null && typeof k === "object" ? (k as Props) : {};
};
const asList = (v: unknown): unknown[] => {
    const k = known(v);
    return Array.isArray(k) ? k : [];
};
const num = (v: unknown): number | undefined => {
    const k = known(v);
    return typeof k === "number" ? k : undefined;
};

function portOf(listener: RecordedResource | undefined): number {
    const [range] = asList(listener?.inputs.portRanges).map(asProps);
    return num(range?.fromPort) ?? 0;
}

/** A Route53 record's routing policy in words. */
export function routingOf(record: RecordedResource): string {
    const [failover] = asList(record.inputs.failoverRoutingPolicies).map(asProps);
    if (failover) return `failover ${knownString(failover.type) ?? "?"}`;
    const [geo] = asList(record.inputs.geolocationRoutingPolicies).map(asProps);
    if (geo) {
        const where = knownString(geo.continent) ?? knownString(geo.country) ?? knownString(geo.subdivision) ?? "?";
        return `geolocation ${where}`;
    }
    if (asList(record.inputs.weightedRoutingPolicies).length > 0) return "weighted";
    if (asList(record.inputs.latencyRoutingPolicies).length > 0) return "latency";
    return "simple";
}

export function globalTraffic(
    resources: readonly RecordedResource[],
    regionOf: Map<string, string | undefined>,
    regions: readonly SteeredRegion[],
): GlobalTrafficReport {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const ofType = (type: string) => resources.filter((r) => r.type === type);
    const dep = (r: RecordedResource, key: string) => (r.propertyDependencies[key] ?? []).map((u) => byUrn.get(u));
    const describe = (r: RecordedResource | undefined) => {
        if (r === undefined) return "(unknown)";
        if (r.type === TYPES.accelerator) return "accelerator";
        if (r.type === TYPES.loadBalancer) {
            const kind = knownString(r.inputs.loadBalancerType) === "network" ? "NLB" : "ALB";
            return `${regionOf.get(r.urn) ?? "?"} ${kind}`;
        }
        return r.name;
    };

    const order = (region: string) => regions.findIndex((r) => r.name === region);
    const accelerators = ofType(TYPES.accelerator);
    const groups = ofType(TYPES.endpointGroup);
    const accelerator =
        accelerators.length === 0
            ? null
            : {
                  listeners: ofType(TYPES.gaListener)
                      .sort((a, b) => portOf(a) - portOf(b))
                      .map((l) => {
                          const mine = groups.filter((g) => dep(g, "listenerArn")[0]?.urn === l.urn);
                          const preserved = mine.every((g) =>
                              asList(g.inputs.endpointConfigurations).every(
                                  (e) => known(asProps(e).clientIpPreservationEnabled) === true,
                              ),
                          );
                          return {
                              port: portOf(l),
                              protocol: knownString(l.inputs.protocol) ?? "TCP",
                              clientIpPreservation: mine.length > 0 && preserved,
                          };
                      }),
                  endpointGroups: groups
                      .map((g) => ({
                          port: portOf(dep(g, "listenerArn")[0]),
                          region: knownString(g.inputs.endpointGroupRegion) ?? "(provider's region)",
                          trafficDial: num(g.inputs.trafficDialPercentage) ?? 100,
                      }))
                      // By listener port, then in config order.
                      .sort((a, b) => a.port - b.port || order(a.region) - order(b.region)),
              };

    const healthChecks = ofType(TYPES.healthCheck).map((h) => {
        const target = dep(h, "fqdn")[0];
        return {
            region: (target && regionOf.get(target.urn)) ?? knownString(h.inputs.fqdn) ?? "(unknown)",
            type: knownString(h.inputs.type) ?? "?",
            path: knownString(h.inputs.resourcePath) ?? "",
            intervalSeconds: num(h.inputs.requestInterval) ?? 30,
            failureThreshold: num(h.inputs.failureThreshold) ?? 3,
        };
    });

    const dnsRecords: DnsRecordReport[] = [
        ...ofType(TYPES.record).map((r) => {
            const [alias] = asList(r.inputs.aliases).map(asProps);
            const aliasTarget = alias
                ? (knownString(alias.name) ??
                  describe(dep(r, "aliases").find((d) => d?.type !== "aws:route53/zone:Zone")))
                : asList(r.inputs.records)
                      .map((v) => knownString(v) ?? "(unknown until deployment)")
                      .join(", ");
            return {
                name: knownString(r.inputs.name) ?? "(ACM validation)",
                type: knownString(r.inputs.type) ?? "?",
                routing: routingOf(r),
                target: aliasTarget,
            };
        }),
        ...ofType(TYPES.cfRecord).map((r) => ({
            name: knownString(r.inputs.name) ?? "(ACM validation)",
            type: knownString(r.inputs.type) ?? "?",
            routing: "simple",
            target: knownString(r.inputs.content) ?? describe(dep(r, "content")[0]),
        })),
    ].sort((a, b) => a.name.localeCompare(b.name) || a.routing.localeCompare(b.routing));

    const pools = ofType(TYPES.cfPool);
    const poolName = (r: RecordedResource | undefined) => (r ? (knownString(r.inputs.name) ?? r.name) : "(unknown)");
    const cloudflare =
        pools.length === 0
            ? null
            : {
                  pools: pools.map((p) => ({
                      name: poolName(p),
                      region: knownString(asProps(asList(p.inputs.origins)[0]).name) ?? "?",
                  })),
                  loadBalancers: ofType(TYPES.cfLoadBalancer).map((lb) => ({
                      name: knownString(lb.inputs.name) ?? lb.name,
                      steering: knownString(lb.inputs.steeringPolicy) ?? "off",
                      defaultPools: dep(lb, "defaultPools").map(poolName),
                      fallbackPool: poolName(dep(lb, "fallbackPool")[0]),
                      proxied: known(lb.inputs.proxied) === true,
                  })),
                  regionPools: steeringPools(regions),
              };

    return {
        provider: accelerator !== null ? "aws" : cloudflare !== null ? "cloudflare" : null,
        accelerator,
        healthChecks,
        dnsRecords,
        cloudflare,
    };
}
