import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, ROLE, TAG_ROLE, type Tags } from "../common/tags";
import { encryptedGp3Device } from "../common/block-devices";
import { imdsv2Only } from "../common/imds";

export interface FullNodeFleetArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    /** Availability Zones the group spans: all of the region's. */
    zones: readonly string[];
    /** Public subnet id by zone: full nodes are the chain's public P2P sentries. */
    subnetIds: Record<string, pulumi.Input<string>>;
    /** Minimum (and initial) group size. */
    minSize: number;
    /** Maximum group size. Default: twice the minimum, at least 2. */
    maxSize?: number;
    /** EC2 instance type, e.g. r6i.xlarge. */
    instanceType: string;
    amiId: pulumi.Input<string>;
    securityGroupId: pulumi.Input<string>;
    instanceProfileArn: pulumi.Input<string>;
    /** KMS key for every volume. */
    kmsKeyArn: pulumi.Input<string>;
    /** Size of each node's gp3 data volume in GiB. Default 500. */
    volumeGiB?: number;
    /** Cloud-init user data, plain text (see bootstrap.ts). */
    userData: string;
    /** Tags for every child. */
    tags?: Tags;
}

const ROOT_VOLUME_GIB = 50;

/**
 * A region's full nodes: a launch template and an Auto Scaling group over all
 * of the region's zones. Nodes join by state sync, so a replaced node is
 * serving again in minutes; they sit in public subnets with public IPs
 * because P2P is public, while RPC, REST and gRPC are open only to the load
 * balancers (see the security groups).
 */
export class FullNodeFleet extends pulumi.ComponentResource {
    public readonly launchTemplateId: pulumi.Output<string>;
    public readonly autoScalingGroupName: pulumi.Output<string>;
    public readonly autoScalingGroup: aws.autoscaling.Group;

    constructor(name: string, args: FullNodeFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:fullnodes:FullNodeFleet", name, {}, opts);
        const subnetIds = args.zones.map((zone) => {
            const id = args.subnetIds[zone];
            if (id === undefined) {
                throw new pulumi.ResourceError(`${name}: no public subnet for zone ${zone}`, this);
            }
            return id;
        });
        const maxSize = args.maxSize ?? Math.max(2, args.minSize * 2);
        if (maxSize < args.minSize) {
            throw new pulumi.ResourceError(`${name}: maxSize ${maxSize} is below minSize ${args.minSize}`, this);
        }
        const roleTags: Tags = { [TAG_ROLE]: ROLE.fullNode };

        const template = new aws.ec2.LaunchTemplate(
            `${name}-launch-template`,
            {
                description: "VirtEngine full node (state sync bootstrap)",
                imageId: args.amiId,
                instanceType: args.instanceType,
                iamInstanceProfile: { arn: args.instanceProfileArn },
                metadataOptions: imdsv2Only(),
                monitoring: { enabled: true },
                ebsOptimized: "true",
                networkInterfaces: [
                    {
                        associatePublicIpAddress: "true",
                        securityGroups: [args.securityGroupId],
                        deleteOnTermination: "true",
                    },
                ],
                blockDeviceMappings: [
                    encryptedGp3Device("/dev/sda1", ROOT_VOLUME_GIB, args.kmsKeyArn),
                    encryptedGp3Device("/dev/sdf", args.volumeGiB ?? 500, args.kmsKeyArn),
                ],
                userData: Buffer.from(args.userData, "utf8").toString("base64"),
                updateDefaultVersion: true,
                tagSpecifications: [{ resourceType: "volume", tags: mergeTags(`${name}-volume`, args.tags, roleTags) }],
                tags: mergeTags(`${name}-launch-template`, args.tags, roleTags),
            },
            childOptions(this, args.provider),
        );

        const groupTags = mergeTags(`${name}`, args.tags, roleTags);
        this.autoScalingGroup = new aws.autoscaling.Group(
            `${name}-asg`,
            {
                vpcZoneIdentifiers: subnetIds,
                minSize: args.minSize,
                maxSize,
                desiredCapacity: args.minSize,
                launchTemplate: { id: template.id, version: template.latestVersion.apply(String) },
                healthCheckType: "EC2",
                // State sync and catching up take minutes; do not kill a node for it.
                healthCheckGracePeriod: 900,
                // A changed template rolls through the group one node at a time.
                instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 90 } },
                enabledMetrics: ["GroupDesiredCapacity", "GroupInServiceInstances", "GroupTotalInstances"],
                tags: Object.entries(groupTags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
            },
            // The scaling policies own the desired count once the group exists.
            childOptions(this, args.provider, { ignoreChanges: ["desiredCapacity"] }),
        );

        this.launchTemplateId = template.id;
        this.autoScalingGroupName = this.autoScalingGroup.name;
        this.registerOutputs({
            launchTemplateId: this.launchTemplateId,
            autoScalingGroupName: this.autoScalingGroupName,
        });
    }
}
