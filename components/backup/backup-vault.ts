import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";

export interface BackupVaultArgs {
    /** The region's AWS provider. */
    provider: aws.Provider;
    /** Vault name, unique in the region, e.g. `virtengine-production-validators`. */
    vaultName: string;
    /** KMS key in the vault's own region (see BackupKey). */
    kmsKeyArn: pulumi.Input<string>;
    /** Shortest retention a recovery point may be given, in days (vault lock). Default 7. */
    minRetentionDays?: number;
    /** Longest retention, in days (vault lock). Default 365. */
    maxRetentionDays?: number;
    /**
     * Days during which the lock can still be changed or removed; after that
     * it is immutable (compliance mode). Undefined keeps governance mode, so
     * operators with the permission can still change it. Default undefined.
     */
    changeableForDays?: number;
    /** Protect the vault (production). */
    protect: boolean;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * An AWS Backup vault for validator data volume recovery points (and the
 * copies other regions send here), encrypted with the region's backup key,
 * with a vault lock that refuses recovery points kept shorter or longer
 * than the stated bounds and refuses early deletion.
 */
export class BackupVault extends pulumi.ComponentResource {
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultArn: pulumi.Output<string>;

    constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:backup:BackupVault", name, {}, opts);
        const minRetentionDays = args.minRetentionDays ?? 7;
        const maxRetentionDays = args.maxRetentionDays ?? 365;
        if (minRetentionDays > maxRetentionDays) {
            throw new pulumi.ResourceError(
                `${name}: minRetentionDays ${minRetentionDays} is above maxRetentionDays ${maxRetentionDays}`,
                this,
            );
        }
        const vault = new aws.backup.Vault(
            `${name}-vault`,
            {
                name: args.vaultName,
                kmsKeyArn: args.kmsKeyArn,
                forceDestroy: false,
                tags: mergeTags(`${name}-vault`, args.tags),
            },
            childOptions(this, args.provider, { protect: args.protect }),
        );
        new aws.backup.VaultLockConfiguration(
            `${name}-lock`,
            {
                backupVaultName: vault.name,
                minRetentionDays,
                maxRetentionDays,
                changeableForDays: args.changeableForDays,
            },
            childOptions(this, args.provider),
        );
        this.vaultName = vault.name;
        this.vaultArn = vault.arn;
        this.registerOutputs({ vaultName: this.vaultName, vaultArn: this.vaultArn });
    }
}
