import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { imdsv2Only } from "../common/imds";
import {
    BACKUP_CLASS_VALIDATOR_VOLUME,
    mergeTags,
    ROLE,
    TAG_BACKUP,
    TAG_ROLE,
    TAG_VOTING_POWER,
    TAG_ZONE,
    type Tags,
} from "../common/tags";

export interface ValidatorFleetArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    /** Availability Zones in placement order; validator i goes to zones[i % zones.length]. */
    zones: readonly string[];
    /** Number of validator identities in the region: one instance each. */
    count: number;
    /** EC2 instance type, e.g. r6i.2xlarge. */
    instanceType: string;
    /** Node image id. Later image releases never replace a running validator (see ignoreChanges). */
    amiId: pulumi.Input<string>;
    /** Private subnet id by zone. */
    subnetIds: Record<string, pulumi.Input<string>>;
    securityGroupId: pulumi.Input<string>;
    instanceProfileName: pulumi.Input<string>;
    /** KMS key for the root device and the data volume. */
    kmsKeyArn: pulumi.Input<string>;
    /** Size of each validator's gp3 data volume in GiB. Default 1000. */
    volumeGiB?: number;
    /** Voting power written to the `virtengine:voting-power` tag. Default 1. */
    votingPower?: number;
    /**
     * Production: termination protection on the instance, and `protect` on
     * the instance and its data volume so `pulumi destroy` or a replacing diff
     * stops instead of deleting a validator.
     */
    protect: boolean;
    /** Boot configuration (no secrets): the environment file with double_sign_check_height (see bootstrap.ts). */
    userData?: string;
    /** Tags for every child. */
    tags?: Tags;
}

/** One validator identity as built. */
export interface ValidatorNode {
    /** The validator's ordinal in its region: its identity, stable as the fleet grows. */
    ordinal: number;
    zone: string;
    instance: aws.ec2.Instance;
    dataVolume: aws.ebs.Volume;
}

/** gp3 performance for validator data: above the 3000 IOPS / 125 MB/s baseline for block replay. */
const DATA_VOLUME_IOPS = 6000;
const DATA_VOLUME_THROUGHPUT_MBPS = 250;
const ROOT_VOLUME_GIB = 50;

/**
 * A region's validators: one EC2 instance per validator identity, never in an
 * Auto Scaling group and never replaced automatically (two instances running
 * one key double-sign and are slashed). Each has a private IP only, IMDSv2,
 * and an encrypted data volume of its own that outlives the instance, so a
 * rebuilt instance comes back with the chain data. Keys are installed by
 * operators over SSM, never through user data or stack config.
 */
export class ValidatorFleet extends pulumi.ComponentResource {
    public readonly nodes: ValidatorNode[];
    public readonly instanceIds: pulumi.Output<string>[];

    constructor(name: string, args: ValidatorFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:validators:ValidatorFleet", name, {}, opts);
        if (args.count > 0 && args.zones.length === 0) {
            throw new pulumi.ResourceError(`${name}: zones must name at least one Availability Zone`, this);
        }
        const votingPower = String(args.votingPower ?? 1);
        const stateful: pulumi.CustomResourceOptions = { protect: args.protect };

        this.nodes = [];
        for (let ordinal = 0; ordinal < args.count; ordinal++) {
            const zone = args.zones[ordinal % args.zones.length];
            const subnetId = args.subnetIds[zone];
            if (subnetId === undefined) {
                throw new pulumi.ResourceError(`${name}: no private subnet for zone ${zone}`, this);
            }
            const nodeName = `${name}-${ordinal}-${zone}`;
            const nodeTags: Tags = { [TAG_ROLE]: ROLE.validator, [TAG_VOTING_POWER]: votingPower, [TAG_ZONE]: zone };

            const instance = new aws.ec2.Instance(
                nodeName,
                {
                    ami: args.amiId,
                    instanceType: args.instanceType,
                    availabilityZone: zone,
                    subnetId,
                    vpcSecurityGroupIds: [args.securityGroupId],
                    associatePublicIpAddress: false,
                    iamInstanceProfile: args.instanceProfileName,
                    metadataOptions: imdsv2Only(),
                    monitoring: true,
                    ebsOptimized: true,
                    disableApiTermination: args.protect,
                    rootBlockDevice: {
                        volumeType: "gp3",
                        volumeSize: ROOT_VOLUME_GIB,
                        encrypted: true,
                        kmsKeyId: args.kmsKeyArn,
                        deleteOnTermination: true,
                    },
                    userData: args.userData,
                    tags: mergeTags(nodeName, args.tags, nodeTags),
                    volumeTags: mergeTags(`${nodeName}-root`, args.tags, { [TAG_ROLE]: ROLE.validator }),
                },
                // A new image release or boot script must not replace a validator:
                // upgrades are done in place by operators, one validator at a time.
                // If a replacement is ever forced, the old instance is deleted
                // before the new one exists, so two never sign at once.
                childOptions(this, args.provider, {
                    ...stateful,
                    ignoreChanges: ["ami", "userData"],
                    deleteBeforeReplace: true,
                }),
            );

            const dataVolume = new aws.ebs.Volume(
                `${nodeName}-data`,
                {
                    availabilityZone: zone,
                    type: "gp3",
                    size: args.volumeGiB ?? 1000,
                    iops: DATA_VOLUME_IOPS,
                    throughput: DATA_VOLUME_THROUGHPUT_MBPS,
                    encrypted: true,
                    kmsKeyId: args.kmsKeyArn,
                    // Take a last snapshot if the volume is ever deleted.
                    finalSnapshot: true,
                    // AWS Backup selects validator data by this tag: volumes, never instances
                    // (restoring an instance would boot a second signer).
                    tags: mergeTags(`${nodeName}-data`, args.tags, {
                        [TAG_ROLE]: ROLE.validator,
                        [TAG_ZONE]: zone,
                        [TAG_BACKUP]: BACKUP_CLASS_VALIDATOR_VOLUME,
                    }),
                },
                childOptions(this, args.provider, stateful),
            );

            new aws.ec2.VolumeAttachment(
                `${nodeName}-data-attachment`,
                {
                    deviceName: "/dev/sdf",
                    instanceId: instance.id,
                    volumeId: dataVolume.id,
                    // Detach cleanly (the node is stopped first) so chain data is consistent.
                    stopInstanceBeforeDetaching: true,
                },
                childOptions(this, args.provider),
            );

            this.nodes.push({ ordinal, zone, instance, dataVolume });
        }

        this.instanceIds = this.nodes.map((n) => n.instance.id);
        this.registerOutputs({ instanceIds: this.instanceIds });
    }
}
