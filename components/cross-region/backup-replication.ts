import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import type { BackupBucket } from "../backup/backup-bucket";
import { notifies } from "../monitoring/alarm-topic";

/** One region's chain-state bucket, with the provider of its region. */
export interface ReplicationMember {
    region: string;
    provider: aws.Provider;
    bucket: BackupBucket;
    /** The region's alarm topic (monitoring/alarm-topic.ts): its alarms notify it. */
    alarmTopicArn: pulumi.Input<string>;
}

export interface BackupReplicationArgs {
    /** The primary's bucket: the one replication configuration lives on it. */
    source: ReplicationMember;
    /** Every other backup region's bucket: one rule each. */
    destinations: readonly ReplicationMember[];
    /** Replication Time Control target and alarm threshold, in minutes (S3 RTC offers 15). Default 15. */
    replicationMinutes?: number;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * Replicates the primary's chain-state bucket to the other backup regions.
 * One replication configuration on the source (a second one would fight the
 * first), one rule per destination with its own priority; KMS-encrypted
 * objects selected and re-encrypted with the destination region's key (AWS
 * accepts a wrong key silently and replication then fails); delete markers
 * not replicated, so a delete at the source never removes the copies;
 * Replication Time Control with its metrics, so latency and failures are
 * visible, and alarms on both.
 */
export class BackupReplication extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;
    /** Rule id by destination region. */
    public readonly ruleIds: Record<string, string>;

    constructor(name: string, args: BackupReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:cross-region:BackupReplication", name, {}, opts);
        const { source } = args;
        const minutes = args.replicationMinutes ?? 15;
        const child = childOptions(this, source.provider);
        if (args.destinations.some((d) => d.region === source.region)) {
            throw new pulumi.ResourceError(`${name}: ${source.region} cannot replicate to itself`, this);
        }
        this.ruleIds = Object.fromEntries(args.destinations.map((d) => [d.region, `to-${d.region}`]));

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: `S3 replication of VirtEngine chain-state backups from ${source.region}`,
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" },
                    ],
                }),
                tags: mergeTags(`${name}-role`, args.tags),
            },
            child,
        );
        const member = (m: ReplicationMember): pulumi.Output<PolicyBucket> =>
            pulumi
                .all([m.bucket.bucketArn, m.bucket.kmsKeyArn])
                .apply(([arn, key]) => ({ region: m.region, arn, key }));
        new aws.iam.RolePolicy(
            `${name}-policy`,
            {
                role: role.name,
                policy: pulumi
                    .all([member(source), pulumi.all(args.destinations.map(member))])
                    .apply(([from, to]) => JSON.stringify(replicationPolicy(from, to))),
            },
            child,
        );

        new aws.s3.BucketReplicationConfig(
            `${name}-config`,
            {
                bucket: source.bucket.bucket.id,
                role: role.arn,
                rules: args.destinations.map((d, i) => ({
                    id: this.ruleIds[d.region],
                    priority: i + 1,
                    status: "Enabled",
                    filter: { prefix: "" },
                    deleteMarkerReplication: { status: "Disabled" },
                    sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                    destination: {
                        bucket: d.bucket.bucketArn,
                        storageClass: "STANDARD",
                        encryptionConfiguration: { replicaKmsKeyId: d.bucket.kmsKeyArn },
                        replicationTime: { status: "Enabled", time: { minutes } },
                        metrics: { status: "Enabled", eventThreshold: { minutes } },
                    },
                })),
            },
            // Both sides must be versioned before S3 accepts the configuration.
            childOptions(this, source.provider, {
                dependsOn: [source.bucket.versioning, ...args.destinations.map((d) => d.bucket.versioning)],
            }),
        );

        // S3 publishes replication metrics in the source region, per rule.
        for (const d of args.destinations) {
            const dimensions = {
                SourceBucket: source.bucket.bucketName,
                DestinationBucket: d.bucket.bucketName,
                RuleId: this.ruleIds[d.region],
            };
            new aws.cloudwatch.MetricAlarm(
                `${name}-${d.region}-failed`,
                {
                    alarmDescription: `Chain-state backups failed to replicate from ${source.region} to ${d.region}.`,
                    namespace: "AWS/S3",
                    metricName: "OperationsFailedReplication",
                    dimensions,
                    statistic: "Sum",
                    period: 300,
                    evaluationPeriods: 1,
                    comparisonOperator: "GreaterThanThreshold",
                    threshold: 0,
                    treatMissingData: "notBreaching",
                    ...notifies(source.alarmTopicArn),
                    tags: mergeTags(`${name}-${d.region}-failed`, args.tags),
                },
                child,
            );
            new aws.cloudwatch.MetricAlarm(
                `${name}-${d.region}-latency`,
                {
                    alarmDescription:
                        `Replication of chain-state backups from ${source.region} to ${d.region} ` +
                        `is slower than the ${minutes}-minute Replication Time Control target.`,
                    namespace: "AWS/S3",
                    metricName: "ReplicationLatency",
                    dimensions,
                    statistic: "Maximum",
                    period: 300,
                    evaluationPeriods: 3,
                    comparisonOperator: "GreaterThanThreshold",
                    threshold: minutes * 60,
                    treatMissingData: "notBreaching",
                    ...notifies(source.alarmTopicArn),
                    tags: mergeTags(`${name}-${d.region}-latency`, args.tags),
                },
                child,
            );
        }

        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn, ruleIds: this.ruleIds });
    }
}

/** A bucket as the replication policy names it. */
export interface PolicyBucket {
    region: string;
    arn: string;
    key: string;
}

/**
 * Least privilege for S3 replication: read the source's configuration and
 * object versions (with their lock settings), decrypt with the source key
 * through S3 only, replicate objects and tags (not deletes) into each
 * destination, encrypt with each destination's key through that region's S3.
 */
export function replicationPolicy(source: PolicyBucket, destinations: readonly PolicyBucket[]) {
    const via = (region: string) => ({ StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } });
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ReadSourceConfiguration",
                Effect: "Allow",
                Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                Resource: source.arn,
            },
            {
                Sid: "ReadSourceVersions",
                Effect: "Allow",
                Action: [
                    "s3:GetObjectVersionForReplication",
                    "s3:GetObjectVersionAcl",
                    "s3:GetObjectVersionTagging",
                    "s3:GetObjectRetention",
                    "s3:GetObjectLegalHold",
                ],
                Resource: `${source.arn}/*`,
            },
            {
                Sid: "DecryptSource",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: source.key,
                Condition: via(source.region),
            },
            ...destinations.flatMap((d) => [
                {
                    Sid: `ReplicateInto${sidOf(d.region)}`,
                    Effect: "Allow",
                    Action: ["s3:ReplicateObject", "s3:ReplicateTags"],
                    Resource: `${d.arn}/*`,
                },
                {
                    Sid: `EncryptIn${sidOf(d.region)}`,
                    Effect: "Allow",
                    Action: ["kms:Encrypt", "kms:GenerateDataKey"],
                    Resource: d.key,
                    Condition: via(d.region),
                },
            ]),
        ],
    };
}

/** `eu-west-1` -> `EuWest1`: statement ids allow letters and digits only. */
const sidOf = (region: string) =>
    region
        .split("-")
        .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
        .join("");
