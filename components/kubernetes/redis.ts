import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { REDIS } from "./versions";
import { rotatingKey } from "../encryption/rotating-key";

/** Redis's port; the KEDA trigger and the workloads use it too. */
export const REDIS_PORT = 6379;

export interface ProviderRedisArgs {
    provider: aws.Provider;
    /** Replication group id (at most 40 characters), e.g. `ve-production-us-east-1`. */
    replicationGroupId: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets by zone; the primary and the replica go in the first two zones. */
    privateSubnetIds: Record<string, pulumi.Input<string>>;
    /** Only the cluster's nodes may connect. */
    nodeSecurityGroupId: pulumi.Input<string>;
    nodeType: string;
    /** Production: the group and its key are protected. */
    production: boolean;
    tags?: Tags;
}

/**
 * The provider daemons' Redis (bid-deduplication locks and the order queue
 * KEDA's redis trigger measures): a replication group with a primary and a
 * replica in two zones, automatic failover and multi-AZ, encrypted at rest
 * with its own rotating KMS key and in transit (TLS required), behind an AUTH
 * token generated here and kept only as a Pulumi secret. Reachable on 6379
 * from the cluster's nodes and nothing else.
 */
export class ProviderRedis extends pulumi.ComponentResource {
    public readonly primaryEndpoint: pulumi.Output<string>;
    /** The AUTH token, a Pulumi secret. */
    public readonly authToken: pulumi.Output<string>;
    public readonly replicationGroup: aws.elasticache.ReplicationGroup;

    constructor(name: string, args: ProviderRedisArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:ProviderRedis", name, {}, opts);
        const { provider, tags } = args;
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, provider, extra);
        const zones = Object.keys(args.privateSubnetIds);
        if (args.replicationGroupId.length > 40) {
            throw new pulumi.ResourceError(
                `Redis replication group id "${args.replicationGroupId}" is longer than ElastiCache's 40 characters`,
                this,
            );
        }

        // ElastiCache AUTH tokens: 16 to 128 printable characters without @, " or /.
        const password = new random.RandomPassword(
            `${name}-auth-token`,
            { length: 64, special: false },
            { parent: this, additionalSecretOutputs: ["result"] },
        );
        this.authToken = pulumi.secret(password.result);

        const key = rotatingKey(this, {
            prefix: name,
            provider,
            alias: `${args.replicationGroupId}-redis`,
            description: `At-rest encryption of ${args.replicationGroupId}`,
            protect: args.production,
            tags,
        });

        const subnets = new aws.elasticache.SubnetGroup(
            `${name}-subnets`,
            {
                name: args.replicationGroupId,
                description: `Private subnets of ${args.replicationGroupId}`,
                subnetIds: Object.values(args.privateSubnetIds),
                tags: mergeTags(`${name}-subnets`, tags),
            },
            child(),
        );
        const sg = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            { vpcId: args.vpcId, description: `Redis ${args.replicationGroupId}`, tags: mergeTags(`${name}-sg`, tags) },
            child(),
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-from-nodes`,
            {
                securityGroupId: sg.id,
                referencedSecurityGroupId: args.nodeSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: REDIS_PORT,
                toPort: REDIS_PORT,
                description: "Redis (TLS) from the cluster nodes",
                tags: mergeTags(`${name}-from-nodes`, tags),
            },
            child(),
        );

        this.replicationGroup = new aws.elasticache.ReplicationGroup(
            `${name}-group`,
            {
                replicationGroupId: args.replicationGroupId,
                description: "Provider daemons: bid-deduplication locks and the order queue",
                engine: REDIS.engine,
                engineVersion: REDIS.engineVersion,
                parameterGroupName: `default.${REDIS.parameterGroupFamily}`,
                nodeType: args.nodeType,
                port: REDIS_PORT,
                numCacheClusters: 2,
                // Two zones or more is the pack's rule (min-two-azs), not this component's: with one
                // zone both nodes land in it and the plan reports the region.
                preferredCacheClusterAzs: [zones[0], zones[1] ?? zones[0]],
                automaticFailoverEnabled: true,
                multiAzEnabled: true,
                atRestEncryptionEnabled: true,
                kmsKeyId: key.arn,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                authToken: this.authToken,
                authTokenUpdateStrategy: "ROTATE",
                subnetGroupName: subnets.name,
                securityGroupIds: [sg.id],
                snapshotRetentionLimit: 1,
                autoMinorVersionUpgrade: true,
                tags: mergeTags(`${name}-group`, tags),
            },
            child({ protect: args.production }),
        );
        this.primaryEndpoint = this.replicationGroup.primaryEndpointAddress;
        this.registerOutputs({ primaryEndpoint: this.primaryEndpoint });
    }
}
