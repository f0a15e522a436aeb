import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { PORTS } from "../common/ports";
import { mergeTags, type Tags } from "../common/tags";

/** Load balancer and target group names: this prefix and a unique suffix (a prefix may have 6 characters). */
export const NAME_PREFIX = "rest-";

export interface InternalRestArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    vpcId: pulumi.Input<string>;
    /** Private subnet ids, one per zone: the load balancer spans every zone. */
    privateSubnetIds: pulumi.Input<string>[];
    /** Its security group (node-security-groups.ts `restLoadBalancer`: REST from the VPC only). */
    securityGroupId: pulumi.Input<string>;
    /** The full-node Auto Scaling group its target group attaches to. */
    fullNodeGroupName: pulumi.Input<string>;
    /** Production: deletion protection on. */
    production: boolean;
    /** Target health settings shared with the public target groups. */
    health: { intervalSeconds: number; healthyThreshold: number; unhealthyThreshold: number; path: string };
    tags?: Tags;
}

/**
 * The full nodes' REST (1317) inside the VPC, for api-gateway: an internal
 * NLB over the private subnets, TCP 1317 to an instance target group
 * attached to the full-node group, health-checked over HTTP. The public ALB
 * sends `api.` names to api-gateway, which forwards here; REST itself has no
 * public listener. Plain TCP: the traffic never leaves the VPC, and an NLB
 * cannot log a TCP listener (its access logs cover TLS listeners only).
 */
export class InternalRestEndpoint extends pulumi.ComponentResource {
    /** `http://<internal NLB name>:1317`, api-gateway's upstream. */
    public readonly url: pulumi.Output<string>;
    public readonly loadBalancer: aws.lb.LoadBalancer;

    constructor(name: string, args: InternalRestArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:edge:InternalRest", name, {}, opts);
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, args.provider, extra);
        const tags = (role: string) => mergeTags(`${name}-${role}`, args.tags);

        this.loadBalancer = new aws.lb.LoadBalancer(
            `${name}-nlb`,
            {
                // A prefix, not the logical name: the provider's name for it (32 characters at
                // most) would not fit every region's name. AWS adds a unique suffix.
                namePrefix: NAME_PREFIX,
                loadBalancerType: "network",
                internal: true,
                subnets: args.privateSubnetIds,
                // Only at creation: adding security groups later replaces an NLB.
                securityGroups: [args.securityGroupId],
                enableCrossZoneLoadBalancing: true,
                enableDeletionProtection: args.production,
                tags: tags("nlb"),
            },
            child(),
        );
        const targets = new aws.lb.TargetGroup(
            `${name}-targets`,
            {
                namePrefix: NAME_PREFIX,
                targetType: "instance",
                vpcId: args.vpcId,
                port: PORTS.rest,
                protocol: "TCP",
                deregistrationDelay: 30,
                healthCheck: {
                    protocol: "HTTP",
                    port: "traffic-port",
                    path: args.health.path,
                    matcher: "200",
                    interval: args.health.intervalSeconds,
                    healthyThreshold: args.health.healthyThreshold,
                    unhealthyThreshold: args.health.unhealthyThreshold,
                },
                tags: tags("targets"),
            },
            child(),
        );
        new aws.autoscaling.Attachment(
            `${name}-attachment`,
            { autoscalingGroupName: args.fullNodeGroupName, lbTargetGroupArn: targets.arn },
            child(),
        );
        new aws.lb.Listener(
            `${name}-listener`,
            {
                loadBalancerArn: this.loadBalancer.arn,
                port: PORTS.rest,
                protocol: "TCP",
                defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
                tags: tags("listener"),
            },
            child(),
        );
        this.url = pulumi.interpolate`http://${this.loadBalancer.dnsName}:${PORTS.rest}`;
        this.registerOutputs({ url: this.url });
    }
}
