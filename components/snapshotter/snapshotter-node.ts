import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { PORTS } from "../common/ports";
import { mergeTags, ROLE_SNAPSHOTTER, TAG_ROLE, type Tags } from "../common/tags";
import type { FullNodeBootstrapOptions } from "../full-nodes/bootstrap";
import { NodeInstanceRole } from "../iam/node-instance-role";
import { BACKUP_TIERS, SNAPSHOT_METRICS, SNAPSHOT_PATHS } from "./backup-script";
import { renderSnapshotterUserData } from "./user-data";
import { encryptedGp3Device } from "../common/block-devices";
import { notifies } from "../monitoring/alarm-topic";
import { imdsv2Only } from "../common/imds";

export interface SnapshotterNodeArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    /** This region's code: the signing key and the metric live here. */
    region: string;
    vpcId: pulumi.Input<string>;
    /** Zones the group may place its one instance in: all of the region's. */
    zones: readonly string[];
    /** Private subnet id by zone: the snapshotter serves nobody and needs no public address. */
    subnetIds: Record<string, pulumi.Input<string>>;
    /** EC2 instance type: the full nodes' (it runs the same node). */
    instanceType: string;
    amiId: pulumi.Input<string>;
    /** KMS key for the instance's volumes. */
    ebsKmsKeyArn: pulumi.Input<string>;
    /** Data volume in GiB: the full nodes' size, plus room for one archive. */
    volumeGiB: number;
    /** How the node joins the chain: the full nodes' bootstrap (state sync). */
    node: FullNodeBootstrapOptions;
    /** Other regions' RPC endpoints, to check the node is near the tip before archiving. */
    peerRpcs: readonly string[];
    /** Largest lag behind the other regions at which a backup is still taken. Default 50 blocks. */
    maxLagBlocks?: number;
    /**
     * The bucket the job writes to (its own region's, else the primary's) and
     * that bucket's region. Name and ARN are known before deployment, so the
     * user data is too.
     */
    bucket: { name: pulumi.Input<string>; arn: pulumi.Input<string>; region: string };
    /** Alias of the signing key, without `alias/`, e.g. `virtengine-production-us-east-1-backup-signing`. */
    signingKeyAlias: string;
    /** Protect the signing key (production): old manifests are verified against it. */
    protect: boolean;
    /** Tags for every child. */
    /** The region's alarm topic: the stale-backup alarm notifies it. */
    alarmTopicArn: pulumi.Input<string>;
    tags?: Tags;
}

/** Stale when no success has been reported for two missed runs and the largest random delay. */
export const STALE_AFTER_SECONDS = 2 * 4 * 3600 + 3600;

/**
 * The region's chain-state snapshotter: one full node in an Auto Scaling
 * group of exactly one (so AWS replaces it, and only it), attached to no
 * target group (it stops its own node to archive it, which must never
 * take a serving node out), tagged `virtengine:role = snapshotter` so no
 * full-node rule or count includes it. Its user data joins the chain by
 * state sync like every full node, then installs the backup job and its
 * timer; an SSM document starts the same job on demand.
 *
 * Its role may write only archive keys of the bucket, sign with its own
 * KMS key and put its own metrics; it has no way to delete a backup.
 */
export class SnapshotterNode extends pulumi.ComponentResource {
    public readonly autoScalingGroupName: pulumi.Output<string>;
    public readonly signingKeyArn: pulumi.Output<string>;
    public readonly documentName: pulumi.Output<string>;

    constructor(name: string, args: SnapshotterNodeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:snapshotter:SnapshotterNode", name, {}, opts);
        const subnetIds = args.zones.map((zone) => {
            const id = args.subnetIds[zone];
            if (id === undefined) throw new pulumi.ResourceError(`${name}: no private subnet for zone ${zone}`, this);
            return id;
        });
        const roleTags: Tags = { [TAG_ROLE]: ROLE_SNAPSHOTTER };
        const child = childOptions(this, args.provider);

        const signingKey = new aws.kms.Key(
            `${name}-signing-key`,
            {
                description: `Signs VirtEngine chain-state backup manifests (${args.region})`,
                keyUsage: "SIGN_VERIFY",
                customerMasterKeySpec: "ECC_NIST_P256",
                deletionWindowInDays: 30,
                tags: mergeTags(`${name}-signing-key`, args.tags),
            },
            childOptions(this, args.provider, { protect: args.protect }),
        );
        const signingAlias = new aws.kms.Alias(
            `${name}-signing-alias`,
            { name: `alias/${args.signingKeyAlias}`, targetKeyId: signingKey.keyId },
            child,
        );

        const role = new NodeInstanceRole(
            `${name}-role`,
            { provider: args.provider, tags: args.tags },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-backup-writer`,
            {
                role: role.roleName,
                policy: pulumi
                    .all([args.bucket.arn, signingKey.arn])
                    .apply(([bucketArn, signingKeyArn]) =>
                        JSON.stringify(snapshotterPolicy(bucketArn, args.bucket.region, signingKeyArn)),
                    ),
            },
            child,
        );

        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "VirtEngine snapshotter: no inbound; P2P, RPC checks and uploads outbound",
                tags: mergeTags(`${name}-sg`, args.tags, roleTags),
            },
            child,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-egress`,
            {
                securityGroupId: securityGroup.id,
                ipProtocol: "-1",
                cidrIpv4: "0.0.0.0/0",
                description: `P2P (${PORTS.p2p}) to peers, HTTPS to RPC in other regions, S3, KMS and CloudWatch`,
                tags: mergeTags(`${name}-egress`, args.tags),
            },
            child,
        );

        const userData = pulumi.all([args.bucket.name, signingAlias.name]).apply(([bucket, signingKeyId]) =>
            renderSnapshotterUserData(args.node, {
                chainId: args.node.chainId,
                home: args.node.home ?? "/opt/virtengine",
                bucket,
                bucketRegion: args.bucket.region,
                nodeRegion: args.region,
                signingKeyId,
                localRpc: `http://127.0.0.1:${PORTS.rpc}`,
                peerRpcs: args.peerRpcs,
                maxLagBlocks: args.maxLagBlocks ?? 50,
            }),
        );
        const template = new aws.ec2.LaunchTemplate(
            `${name}-launch-template`,
            {
                description: "VirtEngine chain-state snapshotter (full node, not serving)",
                imageId: args.amiId,
                instanceType: args.instanceType,
                iamInstanceProfile: { arn: role.instanceProfileArn },
                metadataOptions: imdsv2Only(),
                monitoring: { enabled: true },
                ebsOptimized: "true",
                vpcSecurityGroupIds: [securityGroup.id],
                blockDeviceMappings: [
                    encryptedGp3Device("/dev/sda1", 50, args.ebsKmsKeyArn),
                    encryptedGp3Device("/dev/sdf", args.volumeGiB, args.ebsKmsKeyArn),
                ],
                userData: userData.apply((text) => Buffer.from(text, "utf8").toString("base64")),
                updateDefaultVersion: true,
                tagSpecifications: [
                    { resourceType: "volume", tags: mergeTags(`${name}-volume`, args.tags, roleTags) },
                    { resourceType: "instance", tags: mergeTags(name, args.tags, roleTags) },
                ],
                tags: mergeTags(`${name}-launch-template`, args.tags, roleTags),
            },
            child,
        );
        const groupTags = mergeTags(name, args.tags, roleTags);
        const group = new aws.autoscaling.Group(
            `${name}-asg`,
            {
                vpcZoneIdentifiers: subnetIds,
                // Exactly one: two snapshotters would stop and upload twice.
                minSize: 1,
                maxSize: 1,
                desiredCapacity: 1,
                launchTemplate: { id: template.id, version: template.latestVersion.apply(String) },
                healthCheckType: "EC2",
                healthCheckGracePeriod: 900,
                // Never in a target group: it stops its own node every 4 hours.
                targetGroupArns: [],
                tags: Object.entries(groupTags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
            },
            child,
        );

        const document = new aws.ssm.Document(
            `${name}-run-backup`,
            {
                documentType: "Command",
                documentFormat: "JSON",
                content: JSON.stringify(snapshotDocument()),
                tags: mergeTags(`${name}-run-backup`, args.tags),
            },
            child,
        );

        new aws.cloudwatch.MetricAlarm(
            `${name}-backup-stale`,
            {
                alarmDescription:
                    `No chain-state backup from ${args.region} has succeeded for ${STALE_AFTER_SECONDS / 3600} h ` +
                    `(or the job stopped reporting). Run the SSM document ${name}-run-backup and read its log.`,
                namespace: SNAPSHOT_METRICS.namespace,
                metricName: SNAPSHOT_METRICS.ageSeconds,
                dimensions: { ChainId: args.node.chainId, Region: args.region },
                statistic: "Minimum",
                period: 6 * 3600,
                evaluationPeriods: 2,
                comparisonOperator: "GreaterThanThreshold",
                threshold: STALE_AFTER_SECONDS,
                // A job that stopped running writes nothing: that is stale too.
                treatMissingData: "breaching",
                ...notifies(args.alarmTopicArn),
                tags: mergeTags(`${name}-backup-stale`, args.tags),
            },
            child,
        );

        this.autoScalingGroupName = group.name;
        this.signingKeyArn = signingKey.arn;
        this.documentName = document.name;
        this.registerOutputs({
            autoScalingGroupName: this.autoScalingGroupName,
            signingKeyArn: this.signingKeyArn,
            documentName: this.documentName,
        });
    }
}

/** Least privilege: write archive keys, use the bucket key to write, sign, put its own metrics. */
export function snapshotterPolicy(bucketArn: string, bucketRegion: string, signingKeyArn: string) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteChainStateArchives",
                Effect: "Allow",
                Action: ["s3:PutObject"],
                Resource: Object.values(BACKUP_TIERS).map((prefix) => `${bucketArn}/${prefix}*`),
            },
            {
                Sid: "EncryptUploadsWithTheBucketKey",
                Effect: "Allow",
                // Multipart uploads of SSE-KMS objects need Decrypt as well as GenerateDataKey.
                // Whatever key the bucket uses, only through S3 and only for this bucket
                // (with S3 Bucket Keys the encryption context is the bucket's ARN).
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: "*",
                Condition: {
                    StringEquals: { "kms:ViaService": `s3.${bucketRegion}.amazonaws.com` },
                    StringLike: { "kms:EncryptionContext:aws:s3:arn": [bucketArn, `${bucketArn}/*`] },
                },
            },
            {
                Sid: "SignManifests",
                Effect: "Allow",
                Action: ["kms:Sign", "kms:GetPublicKey"],
                Resource: signingKeyArn,
            },
            {
                Sid: "PutBackupMetrics",
                Effect: "Allow",
                Action: "cloudwatch:PutMetricData",
                Resource: "*",
                Condition: { StringEquals: { "cloudwatch:namespace": SNAPSHOT_METRICS.namespace } },
            },
        ],
    };
}

/** The SSM document: starts the same systemd service the timer starts and waits for it. */
export function snapshotDocument() {
    return {
        schemaVersion: "2.2",
        description: "Run the VirtEngine chain-state backup now (the same job as the 4-hourly timer)",
        mainSteps: [
            {
                action: "aws:runShellScript",
                name: "runChainStateBackup",
                inputs: {
                    timeoutSeconds: "10800",
                    runCommand: [
                        `systemctl start --wait ${SNAPSHOT_PATHS.service}`,
                        `journalctl -u ${SNAPSHOT_PATHS.service} -n 50 --no-pager`,
                    ],
                },
            },
        ],
    };
}
