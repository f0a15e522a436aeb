import type { RecordedResource } from "../../tools/harness/run-program";
import { UNKNOWN } from "../../tools/harness/run-program";
import { resource } from "./fixtures";

/*
 * A healthy edge as a preview records it (ARNs unknown, links through
 * propertyDependencies): an ALB with access logs, its listeners, a web ACL
 * with a blocking rate rule associated with it, an NLB TLS listener, and a
 * zone with a simple record, a failover pair and a geolocation set with a
 * default. Each test changes one thing.
 */
export const REGION = {
    provider: "urn:pulumi:test::virtengine::pulumi:providers:aws::us-east-1::id",
    providerRegion: "us-east-1",
};

export const RATE_RULE = {
    name: "rate-limit-per-ip",
    priority: 0,
    action: { block: {} },
    statement: { rateBasedStatement: { limit: 2000, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
};

export function edge(): RecordedResource[] {
    const provider = resource("pulumi:providers:aws", "us-east-1", { region: "us-east-1" });
    const alb = resource(
        "aws:lb/loadBalancer:LoadBalancer",
        "alb",
        {
            loadBalancerType: "application",
            internal: false,
            subnets: [UNKNOWN, UNKNOWN],
            accessLogs: { bucket: UNKNOWN, prefix: "alb", enabled: true },
        },
        REGION,
    );
    const acl = resource(
        "aws:wafv2/webAcl:WebAcl",
        "acl",
        { scope: "REGIONAL", defaultAction: { allow: {} }, rules: [RATE_RULE] },
        REGION,
    );
    const association = resource(
        "aws:wafv2/webAclAssociation:WebAclAssociation",
        "association",
        { resourceArn: UNKNOWN, webAclArn: UNKNOWN },
        { ...REGION, propertyDependencies: { resourceArn: [alb.urn], webAclArn: [acl.urn] } },
    );
    const nlb = (name: string, internal: boolean) =>
        resource(
            "aws:lb/loadBalancer:LoadBalancer",
            name,
            { loadBalancerType: "network", internal, subnets: [UNKNOWN, UNKNOWN] },
            REGION,
        );
    const publicNlb = nlb("nlb", false);
    const internalNlb = nlb("internal-nlb", true);
    const listener = (name: string, lb: RecordedResource, inputs: Record<string, unknown>) =>
        resource(
            "aws:lb/listener:Listener",
            name,
            { loadBalancerArn: UNKNOWN, ...inputs },
            { ...REGION, propertyDependencies: { loadBalancerArn: [lb.urn] } },
        );
    const https = listener("https", alb, {
        port: 443,
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        certificateArn: UNKNOWN,
        defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }],
    });
    const http = listener("http", alb, {
        port: 80,
        protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    const rule = (name: string, on: RecordedResource, actions: unknown[]) =>
        resource(
            "aws:lb/listenerRule:ListenerRule",
            name,
            {
                listenerArn: UNKNOWN,
                priority: 10,
                conditions: [{ hostHeader: { values: ["api.example.network"] } }],
                actions,
            },
            { ...REGION, propertyDependencies: { listenerArn: [on.urn] } },
        );
    const zone = resource("aws:route53/zone:Zone", "zone", { name: "example.network" }, { protect: true });
    const record = (name: string, inputs: Record<string, unknown>) =>
        resource(
            "aws:route53/record:Record",
            name,
            {
                zoneId: UNKNOWN,
                type: "A",
                aliases: [{ name: UNKNOWN, zoneId: "Z1", evaluateTargetHealth: false }],
                ...inputs,
            },
            { propertyDependencies: { zoneId: [zone.urn] } },
        );
    return [
        provider,
        alb,
        acl,
        association,
        https,
        http,
        // The API by host name, forwarded on HTTPS; on HTTP it only redirects.
        rule("api", https, [{ type: "forward", targetGroupArn: UNKNOWN }]),
        rule("api-redirect", http, [
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]),
        publicNlb,
        internalNlb,
        // Plain TCP inside the VPC (REST for the API gateway).
        listener("rest", internalNlb, {
            port: 1317,
            protocol: "TCP",
            defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }],
        }),
        listener("grpc", publicNlb, {
            port: 9090,
            protocol: "TLS",
            sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
            alpnPolicy: "HTTP2Preferred",
            defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }],
        }),
        zone,
        record("rpc", { name: "rpc.example.network" }),
        record("east-rpc-primary", {
            name: "us-east-1.rpc.example.network",
            setIdentifier: "primary",
            failoverRoutingPolicies: [{ type: "PRIMARY" }],
            healthCheckId: UNKNOWN,
        }),
        record("east-rpc-secondary", {
            name: "us-east-1.rpc.example.network",
            setIdentifier: "secondary",
            failoverRoutingPolicies: [{ type: "SECONDARY" }],
        }),
        record("api-NA", {
            name: "api.example.network",
            setIdentifier: "api-NA",
            geolocationRoutingPolicies: [{ continent: "NA" }],
        }),
        record("api-default", {
            name: "api.example.network",
            setIdentifier: "api-default",
            geolocationRoutingPolicies: [{ country: "*" }],
        }),
        // Certificate validation: its name is unknown until the certificate exists.
        validationRecord(record("validation", { name: UNKNOWN, type: "CNAME", records: [UNKNOWN] })),
    ];
}

/** A CNAME with records, not an alias. */
function validationRecord(r: RecordedResource): RecordedResource {
    delete r.inputs.aliases;
    return r;
}

/** The named resource, to change one input. */
export function named(resources: readonly RecordedResource[], name: string): RecordedResource {
    const found = resources.find((r) => r.name === name);
    if (!found) throw new Error(`edge fixture has no ${name}`);
    return found;
}

/** The fixture with `change` applied to a copy. */
export function edgeWith(change: (rs: RecordedResource[]) => void): RecordedResource[] {
    const rs = edge();
    change(rs);
    return rs;
}
