import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../common/tags";
import { BackupBucket } from "./backup-bucket";
import { BackupKey } from "./backup-key";
import { BackupVault } from "./backup-vault";
import type { BackupRetention } from "./lifecycle";

export interface RegionBackupsArgs {
    /** The region's AWS provider. */
    provider: aws.Provider;
    /** This region's code. */
    region: string;
    /** `production` or `staging`: part of every name. */
    environment: string;
    /** The chain-state bucket's name when this region holds one (a backup region), else undefined. */
    bucketName?: pulumi.Input<string>;
    /** Bucket retention per tier; default DEFAULT_BACKUP_RETENTION. */
    retention?: BackupRetention;
    /** Protect key, bucket and vault (production). */
    protect: boolean;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * A region's backup storage: its backup KMS key, its AWS Backup vault for
 * validator volumes (every region has one, so any region can receive
 * copies) and, in backup regions, its chain-state bucket.
 */
export class RegionBackups extends pulumi.ComponentResource {
    public readonly key: BackupKey;
    public readonly vault: BackupVault;
    public readonly bucket?: BackupBucket;

    constructor(name: string, args: RegionBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:backup:RegionBackups", name, {}, opts);
        const { provider, protect, tags } = args;
        const prefix = `virtengine-${args.environment}-${args.region}`;
        this.key = new BackupKey(
            `${name}-key`,
            { provider, alias: `${prefix}-backup`, protect, tags },
            { parent: this },
        );
        this.vault = new BackupVault(
            `${name}-vault`,
            {
                provider,
                vaultName: `virtengine-${args.environment}-validator-volumes`,
                kmsKeyArn: this.key.keyArn,
                protect,
                tags,
            },
            { parent: this },
        );
        if (args.bucketName !== undefined) {
            this.bucket = new BackupBucket(
                `${name}-chain-state`,
                {
                    provider,
                    region: args.region,
                    bucketName: args.bucketName,
                    kmsKeyArn: this.key.keyArn,
                    retention: args.retention,
                    protect,
                    tags,
                },
                { parent: this },
            );
        }
        this.registerOutputs({ vaultArn: this.vault.vaultArn, bucketName: this.bucket?.bucketName });
    }
}
