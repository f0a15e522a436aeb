import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../common/tags";
import { accountKeyPolicy, rotatingKey } from "../encryption/rotating-key";

export interface BackupKeyArgs {
    /** The region's AWS provider: the key lives in the region of what it encrypts. */
    provider: aws.Provider;
    /** Alias without the `alias/` prefix, e.g. `virtengine-production-us-east-1-backup`. */
    alias: string;
    /** Protect the key (production): deleting it makes every backup it encrypts unreadable. */
    protect: boolean;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * The symmetric KMS key that encrypts one region's backups: its chain-state
 * bucket (and the replicas written into it) and its AWS Backup vault. One key
 * per region, because S3 replication and AWS Backup copies re-encrypt with a
 * key in the destination's own region, so a lost region takes only its own
 * key with it. The policy lets the account administer the key and delegates
 * use to IAM, so the replication and backup roles get exactly the grants
 * their own policies name.
 */
export class BackupKey extends pulumi.ComponentResource {
    public readonly keyArn: pulumi.Output<string>;
    public readonly keyId: pulumi.Output<string>;

    constructor(name: string, args: BackupKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:backup:BackupKey", name, {}, opts);
        const policy = accountKeyPolicy(this, args.provider, undefined, "AccountAdministersAndDelegatesToIam");
        const key = rotatingKey(this, {
            prefix: name,
            provider: args.provider,
            alias: args.alias,
            description: `VirtEngine backups (${args.alias})`,
            policy,
            protect: args.protect,
            tags: args.tags,
        });
        this.keyArn = key.arn;
        this.keyId = key.keyId;
        this.registerOutputs({ keyArn: this.keyArn });
    }
}
