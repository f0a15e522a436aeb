import type { TypeCharge } from "../cost/prices";

/*
 * How the disaster-recovery resources are charged (issue 10). None has an
 * hourly price the estimate could add: storage, transfer and snapshots
 * depend on how much is backed up, so tools/plan/dr/cost-notes.ts states
 * them as assumption-based estimates with their sources instead.
 */
const free = (note: string): TypeCharge => ({ charge: "free", note });
const usage = (what: string): TypeCharge => ({ charge: "usage", usage: what });

export const DR_RESOURCE_TYPES: Readonly<Record<string, TypeCharge>> = {
    "aws:s3/bucketVersioning:BucketVersioning": free("no charge; old versions are S3 storage"),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": free(
        "no charge; KMS requests are the key's usage (bucket keys keep them few)",
    ),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": free("no charge"),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": free("no charge"),
    "aws:s3/bucketPolicy:BucketPolicy": free("no charge"),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": free("no charge for expirations"),
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": free("no charge"),
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": usage(
        "replication transfer per GB and Replication Time Control per GB (see the DR cost notes)",
    ),
    "aws:backup/vault:Vault": usage("EBS snapshot storage of recovery points per GB-month (see the DR cost notes)"),
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration": free("no charge"),
    "aws:backup/plan:Plan": usage("cross-region copy transfer per GB"),
    "aws:backup/selection:Selection": free("no charge"),
    "aws:backup/restoreTestingPlan:RestoreTestingPlan": usage("restored test volumes for their validation window"),
    "aws:backup/restoreTestingSelection:RestoreTestingSelection": free("no charge; the plan's usage"),
    "aws:ssm/document:Document": free("SSM Run Command documents have no charge"),
    "aws:cloudwatch/metricAlarm:MetricAlarm": usage("USD 0.10 per standard-resolution alarm-month"),
};
