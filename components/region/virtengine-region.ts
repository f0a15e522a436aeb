import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkConfig, RegionConfig } from "../../config/schema";
import { invokeOptions } from "../common/child-options";
import { type Tags } from "../common/tags";
import type { ValidationRecords } from "../edge/certificate";
import { RegionalEdge } from "../edge/regional-edge";
import { EbsKey } from "../encryption/ebs-key";
import { renderFullNodeUserData, stateSyncRpcServers } from "../full-nodes/bootstrap";
import { FullNodeFleet } from "../full-nodes/full-node-fleet";
import { NodeInstanceRole } from "../iam/node-instance-role";
import { RegionalKubernetes } from "../kubernetes/regional-kubernetes";
import { RegionalNetwork } from "../network/regional-network";
import { NodeSecurityGroups } from "../security-groups/node-security-groups";
import { ValidatorFleet } from "../validators/validator-fleet";
import { renderValidatorUserData } from "../validators/bootstrap";
import { backupBucketName, resolveBackupRegions, snapshotBucketRegion } from "../backup/placement";
import { RegionBackups } from "../backup/region-backups";
import { SnapshotterNode } from "../snapshotter/snapshotter-node";
import { AlarmTopic } from "../monitoring/alarm-topic";

export interface VirtEngineRegionArgs {
    /** This region's entry from `virtengine:regions`. */
    region: RegionConfig;
    /** The whole validated stack config: instance types, sizes, domain, environment. */
    config: NetworkConfig;
    /** CIDRs of the other regions' VPCs (peered): their full nodes may state-sync from ours. */
    peerCidrs: readonly string[];
    /** The global zone that holds the certificates' DNS validation records. */
    validation: ValidationRecords;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * Everything the network runs in one AWS region: its provider, network,
 * security groups, EBS key, instance roles, validators and full nodes.
 * The provider is created here and handed to every child and lookup, so no
 * regional resource can land in the default provider's region.
 */
export class VirtEngineRegion extends pulumi.ComponentResource {
    public readonly provider: aws.Provider;
    public readonly network: RegionalNetwork;
    public readonly securityGroups: NodeSecurityGroups;
    public readonly validators: ValidatorFleet;
    public readonly fullNodes: FullNodeFleet;
    public readonly kubernetes: RegionalKubernetes;
    /** Backup key, validator-volume vault and (in backup regions) the chain-state bucket. */
    public readonly backups: RegionBackups;
    public readonly snapshotter: SnapshotterNode;
    /** The SNS topic every CloudWatch alarm in the region notifies. */
    public readonly alarms: AlarmTopic;
    /** Load balancers, WAF and certificate; `edge.endpoints` is all global traffic learns of the region. */
    public readonly edge: RegionalEdge;

    constructor(name: string, args: VirtEngineRegionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:region:Region", name, {}, opts);
        const { region, config } = args;
        const production = config.environment === "production";
        const tags: Tags = { ...args.tags, "virtengine:region": region.name, "virtengine:region-role": region.role };

        this.provider = new aws.Provider(`${name}-provider`, { region: region.name as aws.Region }, { parent: this });
        const provider = this.provider;
        const parent = { parent: this };

        this.network = new RegionalNetwork(
            `${name}-network`,
            {
                provider,
                region: region.name,
                cidr: region.cidr,
                zones: region.zones,
                natGateways: config.natGateways ?? (production ? "perZone" : "single"),
                flowLogRetentionDays: config.flowLogRetentionDays,
                tags,
            },
            parent,
        );
        this.securityGroups = new NodeSecurityGroups(
            `${name}-sg`,
            { provider, vpcId: this.network.vpcId, vpcCidr: region.cidr, peerCidrs: args.peerCidrs, tags },
            parent,
        );
        const ebsKey = new EbsKey(
            `${name}-ebs`,
            { provider, alias: `virtengine-${config.environment}-${region.name}-ebs`, protect: production, tags },
            parent,
        );
        const validatorRole = new NodeInstanceRole(`${name}-validator`, { provider, tags }, parent);
        const fullNodeRole = new NodeInstanceRole(`${name}-full-node`, { provider, tags }, parent);

        const ami = aws.ec2.getAmiOutput(
            {
                owners: [config.nodeAmiOwner],
                mostRecent: true,
                filters: [
                    { name: "name", values: [config.nodeAmiName] },
                    { name: "architecture", values: ["x86_64"] },
                ],
            },
            invokeOptions(this, provider),
        );

        this.validators = new ValidatorFleet(
            `${name}-validator`,
            {
                provider,
                zones: region.zones,
                count: region.validators,
                instanceType: config.instanceTypes.validator,
                amiId: ami.id,
                subnetIds: this.network.privateSubnetIds,
                securityGroupId: this.securityGroups.validator.id,
                instanceProfileName: validatorRole.instanceProfileName,
                kmsKeyArn: ebsKey.keyArn,
                volumeGiB: config.validatorVolumeGiB,
                protect: production,
                userData: renderValidatorUserData({
                    chainId: config.chainId,
                    doubleSignCheckHeight: config.doubleSignCheckHeight,
                }),
                tags,
            },
            parent,
        );

        const nodeBootstrap = {
            chainId: config.chainId,
            rpcServers:
                config.stateSyncRpcServers ??
                stateSyncRpcServers(
                    region.name,
                    config.regions.map((r) => r.name),
                    config.domain,
                ),
            snapshotInterval: config.snapshotInterval,
        };
        this.fullNodes = new FullNodeFleet(
            `${name}-full-node`,
            {
                provider,
                zones: region.zones,
                subnetIds: this.network.publicSubnetIds,
                minSize: region.fullNodes,
                instanceType: config.instanceTypes.fullNode,
                amiId: ami.id,
                securityGroupId: this.securityGroups.fullNode.id,
                instanceProfileArn: fullNodeRole.instanceProfileArn,
                kmsKeyArn: ebsKey.keyArn,
                volumeGiB: config.fullNodeVolumeGiB,
                userData: renderFullNodeUserData(nodeBootstrap),
                tags,
            },
            parent,
        );

        this.alarms = new AlarmTopic(
            `${name}-alarms`,
            {
                provider,
                topicName: `virtengine-${config.environment}-${region.name}-alarms`,
                email: config.alarmEmail,
                protect: production,
                tags,
            },
            parent,
        );

        // Disaster recovery (issue 10): backup storage, and the snapshotter that feeds it.
        const account = aws.getCallerIdentityOutput({}, invokeOptions(this, provider)).accountId;
        const bucketRegion = snapshotBucketRegion(region.name, config);
        const bucketName = account.apply((a) => backupBucketName(config.environment, bucketRegion, a));
        this.backups = new RegionBackups(
            `${name}-backups`,
            {
                provider,
                region: region.name,
                environment: config.environment,
                bucketName: resolveBackupRegions(config).includes(region.name) ? bucketName : undefined,
                protect: production,
                tags,
            },
            parent,
        );
        this.snapshotter = new SnapshotterNode(
            `${name}-snapshotter`,
            {
                provider,
                region: region.name,
                vpcId: this.network.vpcId,
                zones: region.zones,
                subnetIds: this.network.privateSubnetIds,
                instanceType: config.instanceTypes.fullNode,
                amiId: ami.id,
                ebsKmsKeyArn: ebsKey.keyArn,
                // Room for the node's data and one compressed archive of it.
                volumeGiB: Math.min(16384, config.fullNodeVolumeGiB * 2),
                node: nodeBootstrap,
                peerRpcs: nodeBootstrap.rpcServers,
                bucket: { name: bucketName, arn: pulumi.interpolate`arn:aws:s3:::${bucketName}`, region: bucketRegion },
                signingKeyAlias: `virtengine-${config.environment}-${region.name}-backup-signing`,
                alarmTopicArn: this.alarms.topicArn,
                protect: production,
                tags,
            },
            parent,
        );

        this.edge = new RegionalEdge(
            `${name}-edge`,
            {
                provider,
                region,
                domain: config.domain,
                validation: args.validation,
                vpcId: this.network.vpcId,
                publicSubnetIds: region.zones.map((zone) => this.network.publicSubnetIds[zone]),
                securityGroupId: this.securityGroups.loadBalancer.id,
                privateSubnetIds: region.zones.map((zone) => this.network.privateSubnetIds[zone]),
                restSecurityGroupId: this.securityGroups.restLoadBalancer.id,
                fullNodeGroupName: this.fullNodes.autoScalingGroupName,
                wafLogName: `virtengine-${config.environment}-${region.name}`,
                production,
                tags,
            },
            parent,
        );

        // After the edge: the nodes join its api-gateway target group, and api-gateway
        // forwards to its internal REST load balancer.
        this.kubernetes = new RegionalKubernetes(
            `${name}-kubernetes`,
            {
                provider,
                region: region.name,
                environment: config.environment,
                chainId: config.chainId,
                kubernetesVersion: config.kubernetesVersion,
                adminRoleArn: config.clusterAdminRoleArn,
                vpcId: this.network.vpcId,
                privateSubnetIds: this.network.privateSubnetIds,
                instanceType: config.instanceTypes.providerDaemon,
                providerDaemons: region.providerDaemons,
                ebsKeyArn: ebsKey.keyArn,
                logRetentionDays: config.flowLogRetentionDays,
                timeZone: config.businessHoursTimeZone,
                redisNodeType: config.redisNodeType,
                loadBalancerSecurityGroupId: this.securityGroups.loadBalancer.id,
                apiGatewayTargetGroupArn: this.edge.apiGatewayTargetGroupArn,
                restUpstreamUrl: this.edge.restUpstreamUrl,
                tags,
            },
            parent,
        );

        this.registerOutputs({
            vpcId: this.network.vpcId,
            validatorInstanceIds: this.validators.instanceIds,
            fullNodeGroupName: this.fullNodes.autoScalingGroupName,
        });
    }
}
