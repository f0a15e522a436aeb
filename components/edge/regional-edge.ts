import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RegionConfig } from "../../config/schema";
import { childOptions, invokeOptions } from "../common/child-options";
import { PORTS } from "../common/ports";
import { mergeTags, type Tags } from "../common/tags";
import { AccessLogBucket } from "./access-log-bucket";
import { ALB_ZONE_IDS, NLB_ZONE_IDS } from "./aws-constants";
import { RegionalCertificate, type ValidationRecords } from "./certificate";
import type { RegionEndpoints } from "./endpoints";
import { apiHostPatterns } from "./hostnames";
import { InternalRestEndpoint } from "./internal-rest";
import { CPU_PERCENT, INSTANCE_WARMUP_SECONDS, REQUESTS_PER_TARGET_PER_MINUTE } from "./scaling";
import { EDGE_TLS_POLICY, GRPC_ALPN_POLICY } from "./tls";
import { RegionalWebAcl } from "./web-acl";

export interface RegionalEdgeArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    /** The region's code, role and traffic dial. */
    region: Pick<RegionConfig, "name" | "role" | "trafficDial">;
    /** The network's domain (names under it: see hostnames.ts). */
    domain: string;
    /** Where certificate validation records go (the global zone). */
    validation: ValidationRecords;
    vpcId: pulumi.Input<string>;
    /**
     * Public subnet ids, one per zone: both load balancers span every zone.
     * AWS wants two zones or more for an ALB; min-two-azs says so in a preview.
     */
    publicSubnetIds: pulumi.Input<string>[];
    /** The load balancers' security group (the full nodes admit RPC and gRPC only from it). */
    securityGroupId: pulumi.Input<string>;
    /** Private subnet ids, one per zone, for the internal REST load balancer. */
    privateSubnetIds: pulumi.Input<string>[];
    /** The internal REST load balancer's security group (REST from the VPC only). */
    restSecurityGroupId: pulumi.Input<string>;
    /** The full-node Auto Scaling group the target groups attach to and the scaling policies drive. */
    fullNodeGroupName: pulumi.Input<string>;
    /** Name of the WAF log group, after the required `aws-waf-logs-` prefix; unique per account and region. */
    wafLogName: string;
    /** Production: deletion protection on the ALB, access-log bucket protected. */
    production: boolean;
    /** Days access logs and WAF logs are kept. Default 90. */
    logRetentionDays?: number;
    /** Tags for every child. */
    tags?: Tags;
}

/** How the target groups judge a full node; Global Accelerator fails over on it. */
export const TARGET_HEALTH = { intervalSeconds: 10, healthyThreshold: 2, unhealthyThreshold: 3 } as const;
/** CometBFT answers `/health` with 200 while the node runs. */
export const RPC_HEALTH_PATH = "/health";
/** REST's liveness path (200 while the node serves, syncing or not). */
export const REST_HEALTH_PATH = "/cosmos/base/tendermint/v1beta1/syncing";
/** api-gateway's liveness path (workload-specs.ts probes the same). */
export const API_GATEWAY_HEALTH_PATH = "/health";

/**
 * One region's edge: an ACM certificate, an internet-facing ALB (HTTPS 443
 * to the full nodes' RPC by default and to api-gateway for `api.` names,
 * HTTP 80 redirecting), an NLB (TLS 9090 with ALPN to gRPC), instance target
 * groups attached to the full-node group, target-tracking scaling of that
 * group, a WAF web ACL on the ALB, an access-log bucket, and the internal
 * REST load balancer api-gateway forwards to. api-gateway's target group
 * (its NodePort on the EKS nodes) is made here and exposed as
 * `apiGatewayTargetGroupArn`: the Kubernetes node group attaches itself to
 * it. It builds only regional resources and describes itself in `endpoints`
 * for global traffic.
 */
export class RegionalEdge extends pulumi.ComponentResource {
    public readonly endpoints: RegionEndpoints;
    public readonly alb: aws.lb.LoadBalancer;
    public readonly nlb: aws.lb.LoadBalancer;
    public readonly webAcl: RegionalWebAcl;
    /** The ALB's target group for api-gateway's NodePort, which the EKS node group attaches to. */
    public readonly apiGatewayTargetGroupArn: pulumi.Output<string>;
    /** The full nodes' REST inside the VPC: api-gateway's upstream. */
    public readonly restUpstreamUrl: pulumi.Output<string>;

    constructor(name: string, args: RegionalEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:edge:RegionalEdge", name, {}, opts);
        const provider = args.provider;
        const region = args.region.name;
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, provider, extra);
        const tags = (role: string) => mergeTags(`${name}-${role}`, args.tags);
        const retention = args.logRetentionDays ?? 90;
        const account = aws.getCallerIdentityOutput({}, invokeOptions(this, provider)).accountId;

        const certificate = new RegionalCertificate(
            `${name}-certificate`,
            { provider, domain: args.domain, validation: args.validation, tags: args.tags },
            { parent: this },
        );
        const logs = new AccessLogBucket(
            `${name}-access-logs`,
            {
                provider,
                region,
                accountId: account,
                prefixes: { alb: "alb", nlb: "nlb" },
                expireDays: retention,
                protect: args.production,
                tags: args.tags,
            },
            { parent: this },
        );

        // Load balancers and target groups are auto-named (AWS caps names at 32
        // characters, and a fixed name would block create-before-delete
        // replacement). Both load balancers depend on the bucket policy: without it creation
        // fails with "Access Denied for bucket".
        this.alb = new aws.lb.LoadBalancer(
            `${name}-alb`,
            {
                loadBalancerType: "application",
                internal: false,
                subnets: args.publicSubnetIds,
                securityGroups: [args.securityGroupId],
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "defensive",
                enableDeletionProtection: args.production,
                accessLogs: { bucket: logs.bucketName, prefix: "alb", enabled: true },
                tags: tags("alb"),
            },
            child({ dependsOn: [logs.policy] }),
        );
        this.nlb = new aws.lb.LoadBalancer(
            `${name}-nlb`,
            {
                loadBalancerType: "network",
                internal: false,
                subnets: args.publicSubnetIds,
                // Only at creation: adding security groups later replaces the NLB.
                securityGroups: [args.securityGroupId],
                enableCrossZoneLoadBalancing: true,
                enableDeletionProtection: args.production,
                accessLogs: { bucket: logs.bucketName, prefix: "nlb", enabled: true },
                tags: tags("nlb"),
            },
            child({ dependsOn: [logs.policy] }),
        );

        // Target groups of type instance: an Auto Scaling group registers instances, never IPs.
        const targetGroup = (role: string, port: number, health: aws.types.input.lb.TargetGroupHealthCheck) =>
            new aws.lb.TargetGroup(
                `${name}-${role}`,
                {
                    targetType: "instance",
                    vpcId: args.vpcId,
                    port,
                    protocol: health.protocol === "TCP" ? "TCP" : "HTTP",
                    deregistrationDelay: 30,
                    healthCheck: {
                        interval: TARGET_HEALTH.intervalSeconds,
                        healthyThreshold: TARGET_HEALTH.healthyThreshold,
                        unhealthyThreshold: TARGET_HEALTH.unhealthyThreshold,
                        port: "traffic-port",
                        ...health,
                    },
                    tags: tags(role),
                },
                child(),
            );
        const rpc = targetGroup("rpc", PORTS.rpc, { protocol: "HTTP", path: RPC_HEALTH_PATH, matcher: "200" });
        const grpc = targetGroup("grpc", PORTS.grpc, { protocol: "TCP" });
        // api-gateway: its NodePort on every EKS node (kube-proxy forwards to a pod on any node).
        // "api": the provider names a target group after it, 32 characters at most with its suffix.
        const apiGateway = targetGroup("api", PORTS.apiGatewayNodePort, {
            protocol: "HTTP",
            path: API_GATEWAY_HEALTH_PATH,
            matcher: "200",
        });
        this.apiGatewayTargetGroupArn = apiGateway.arn;

        // One attachment mechanism only: the group itself sets no targetGroupArns.
        const attachments = [rpc, grpc].map(
            (group, i) =>
                new aws.autoscaling.Attachment(
                    `${name}-${["rpc", "grpc"][i]}-attachment`,
                    { autoscalingGroupName: args.fullNodeGroupName, lbTargetGroupArn: group.arn },
                    child(),
                ),
        );
        const rest = new InternalRestEndpoint(
            `${name}-internal-rest`,
            {
                provider,
                vpcId: args.vpcId,
                privateSubnetIds: args.privateSubnetIds,
                securityGroupId: args.restSecurityGroupId,
                fullNodeGroupName: args.fullNodeGroupName,
                production: args.production,
                health: { ...TARGET_HEALTH, path: REST_HEALTH_PATH },
                tags: args.tags,
            },
            { parent: this },
        );
        this.restUpstreamUrl = rest.url;

        new aws.lb.Listener(
            `${name}-alb-http`,
            {
                loadBalancerArn: this.alb.arn,
                port: PORTS.http,
                protocol: "HTTP",
                defaultActions: [
                    {
                        type: "redirect",
                        redirect: { protocol: "HTTPS", port: String(PORTS.https), statusCode: "HTTP_301" },
                    },
                ],
                tags: tags("alb-http"),
            },
            child(),
        );
        const https = new aws.lb.Listener(
            `${name}-alb-https`,
            {
                loadBalancerArn: this.alb.arn,
                port: PORTS.https,
                protocol: "HTTPS",
                sslPolicy: EDGE_TLS_POLICY,
                certificateArn: certificate.certificateArn,
                // Health checks arrive with the ALB's own name as Host: the default must be RPC.
                defaultActions: [{ type: "forward", targetGroupArn: rpc.arn }],
                tags: tags("alb-https"),
            },
            child(),
        );
        new aws.lb.ListenerRule(
            `${name}-alb-https-api`,
            {
                listenerArn: https.arn,
                priority: 10,
                conditions: [{ hostHeader: { values: apiHostPatterns(args.domain) } }],
                actions: [{ type: "forward", targetGroupArn: apiGateway.arn }],
                tags: tags("alb-https-api"),
            },
            child(),
        );
        new aws.lb.Listener(
            `${name}-nlb-grpc`,
            {
                loadBalancerArn: this.nlb.arn,
                port: PORTS.grpc,
                protocol: "TLS",
                sslPolicy: EDGE_TLS_POLICY,
                alpnPolicy: GRPC_ALPN_POLICY,
                certificateArn: certificate.certificateArn,
                defaultActions: [{ type: "forward", targetGroupArn: grpc.arn }],
                tags: tags("nlb-grpc"),
            },
            child(),
        );

        // Full nodes scale on RPC load per node and on CPU; the group's minSize stays the floor.
        new aws.autoscaling.Policy(
            `${name}-scale-on-requests`,
            {
                autoscalingGroupName: args.fullNodeGroupName,
                policyType: "TargetTrackingScaling",
                estimatedInstanceWarmup: INSTANCE_WARMUP_SECONDS,
                targetTrackingConfiguration: {
                    predefinedMetricSpecification: {
                        predefinedMetricType: "ALBRequestCountPerTarget",
                        resourceLabel: pulumi.interpolate`${this.alb.arnSuffix}/${rpc.arnSuffix}`,
                    },
                    targetValue: REQUESTS_PER_TARGET_PER_MINUTE,
                },
            },
            // The metric exists only once the group is in the target group behind a listener.
            child({ dependsOn: [attachments[0], https] }),
        );
        new aws.autoscaling.Policy(
            `${name}-scale-on-cpu`,
            {
                autoscalingGroupName: args.fullNodeGroupName,
                policyType: "TargetTrackingScaling",
                estimatedInstanceWarmup: INSTANCE_WARMUP_SECONDS,
                targetTrackingConfiguration: {
                    predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
                    targetValue: CPU_PERCENT,
                },
            },
            child(),
        );

        this.webAcl = new RegionalWebAcl(
            `${name}-waf`,
            {
                provider,
                albArn: this.alb.arn,
                logName: args.wafLogName,
                logRetentionDays: retention,
                tags: args.tags,
            },
            { parent: this },
        );

        this.endpoints = {
            region,
            role: args.region.role,
            trafficDial: args.region.trafficDial,
            alb: { arn: this.alb.arn, dnsName: this.alb.dnsName, zoneId: ALB_ZONE_IDS[region] ?? this.alb.zoneId },
            nlb: { arn: this.nlb.arn, dnsName: this.nlb.dnsName, zoneId: NLB_ZONE_IDS[region] ?? this.nlb.zoneId },
            healthCheck: { protocol: "HTTPS", port: PORTS.https, path: RPC_HEALTH_PATH },
            targetHealth: {
                intervalSeconds: TARGET_HEALTH.intervalSeconds,
                unhealthyThreshold: TARGET_HEALTH.unhealthyThreshold,
            },
        };
        this.registerOutputs({
            albDnsName: this.alb.dnsName,
            nlbDnsName: this.nlb.dnsName,
            webAclArn: this.webAcl.webAclArn,
            restUpstreamUrl: this.restUpstreamUrl,
        });
    }
}
