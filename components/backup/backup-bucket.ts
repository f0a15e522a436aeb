import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { BACKUP_CLASS_CHAIN_STATE, mergeTags, TAG_BACKUP, type Tags } from "../common/tags";
import { backupLifecycleRules, DEFAULT_BACKUP_RETENTION, type BackupRetention } from "./lifecycle";

export interface BackupBucketArgs {
    /** The region's AWS provider. */
    provider: aws.Provider;
    /** AWS region code, for tags and outputs. */
    region: string;
    /** Bucket name: deterministic so the snapshotters' settings are known before deployment. */
    bucketName: pulumi.Input<string>;
    /** KMS key in this bucket's own region (see BackupKey). */
    kmsKeyArn: pulumi.Input<string>;
    /** Retention per tier and Object Lock days. Default DEFAULT_BACKUP_RETENTION. */
    retention?: BackupRetention;
    /** Protect the bucket (production): `pulumi destroy` must never delete backups. */
    protect: boolean;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * One region's chain-state backup bucket: versioned (replication needs it
 * and an overwrite keeps the old version), SSE-KMS with the region's own
 * key, all public access blocked, TLS-only, lifecycle by tier, and Object
 * Lock in governance mode so a fresh backup cannot be deleted without the
 * bypass permission. Object Lock can only be switched on when a bucket is
 * created, hence `objectLockEnabled` on the bucket itself.
 */
export class BackupBucket extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly kmsKeyArn: pulumi.Output<string>;
    public readonly region: string;
    /** Versioning, which replication into or out of this bucket must wait for. */
    public readonly versioning: aws.s3.BucketVersioning;

    constructor(name: string, args: BackupBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:backup:BackupBucket", name, {}, opts);
        const retention = args.retention ?? DEFAULT_BACKUP_RETENTION;
        const child = childOptions(this, args.provider);

        this.bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            {
                bucket: args.bucketName,
                objectLockEnabled: true,
                forceDestroy: false,
                tags: mergeTags(`${name}-bucket`, args.tags, { [TAG_BACKUP]: BACKUP_CLASS_CHAIN_STATE }),
            },
            childOptions(this, args.provider, { protect: args.protect }),
        );
        const bucket = this.bucket.id;

        this.versioning = new aws.s3.BucketVersioning(
            `${name}-versioning`,
            { bucket, versioningConfiguration: { status: "Enabled" } },
            child,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: {
                            sseAlgorithm: "aws:kms",
                            kmsMasterKeyId: args.kmsKeyArn,
                        },
                        // One data key per bucket instead of one KMS call per object.
                        bucketKeyEnabled: true,
                    },
                ],
            },
            child,
        );
        new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access-block`,
            {
                bucket,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            child,
        );
        new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
            child,
        );
        new aws.s3.BucketPolicy(
            `${name}-tls-only`,
            {
                bucket,
                policy: this.bucket.arn.apply((arn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "DenyInsecureTransport",
                                Effect: "Deny",
                                Principal: "*",
                                Action: "s3:*",
                                Resource: [arn, `${arn}/*`],
                                Condition: { Bool: { "aws:SecureTransport": "false" } },
                            },
                        ],
                    }),
                ),
            },
            child,
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            { bucket, rules: backupLifecycleRules(retention) },
            childOptions(this, args.provider, { dependsOn: [this.versioning] }),
        );
        new aws.s3.BucketObjectLockConfiguration(
            `${name}-object-lock`,
            {
                bucket,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: "GOVERNANCE", days: retention.lockDays } },
            },
            childOptions(this, args.provider, { dependsOn: [this.versioning] }),
        );

        this.region = args.region;
        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        this.kmsKeyArn = pulumi.output(args.kmsKeyArn);
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}
