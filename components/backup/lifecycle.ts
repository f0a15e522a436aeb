import { BACKUP_TIERS } from "../snapshotter/backup-script";

/** How long each kind of object stays in a chain-state bucket, in days. */
export interface BackupRetention {
    /** Every 4-hourly archive. */
    frequentDays: number;
    /** The first archive of each UTC day. */
    dailyDays: number;
    /** Overwritten or deleted versions (versioning keeps them until then). */
    noncurrentDays: number;
    /** Multipart uploads a failed run left behind. */
    incompleteUploadDays: number;
    /** Object Lock's default governance retention: nothing can be deleted younger than this. */
    lockDays: number;
}

/**
 * The documents' tiers: 4-hourly archives kept 2 days, dailies 90 days.
 * The lock is as long as the shortest tier, so lifecycle can still expire
 * 4-hourly archives on time while a mistaken or malicious delete of a fresh
 * backup is refused for two days.
 */
export const DEFAULT_BACKUP_RETENTION: BackupRetention = {
    frequentDays: 2,
    dailyDays: 90,
    noncurrentDays: 7,
    incompleteUploadDays: 1,
    lockDays: 2,
};

/** One lifecycle rule, in the shape `aws.s3.BucketLifecycleConfiguration` takes. */
export interface LifecycleRule {
    id: string;
    status: "Enabled";
    filter: { prefix: string };
    expiration?: { days?: number; expiredObjectDeleteMarker?: boolean };
    noncurrentVersionExpiration?: { noncurrentDays: number };
    abortIncompleteMultipartUpload?: { daysAfterInitiation: number };
}

/** Lifecycle rules by tier, plus clean-up of old versions, delete markers and failed uploads everywhere. */
export function backupLifecycleRules(r: BackupRetention = DEFAULT_BACKUP_RETENTION): LifecycleRule[] {
    if (r.lockDays > r.frequentDays) {
        throw new Error(
            `backup lock of ${r.lockDays} days outlives the ${r.frequentDays}-day 4-hourly tier; lifecycle could not expire it`,
        );
    }
    return [
        {
            id: "frequent-4h",
            status: "Enabled",
            filter: { prefix: BACKUP_TIERS.frequent },
            expiration: { days: r.frequentDays },
        },
        { id: "daily", status: "Enabled", filter: { prefix: BACKUP_TIERS.daily }, expiration: { days: r.dailyDays } },
        {
            id: "clean-up",
            status: "Enabled",
            filter: { prefix: "" },
            expiration: { expiredObjectDeleteMarker: true },
            noncurrentVersionExpiration: { noncurrentDays: r.noncurrentDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: r.incompleteUploadDays },
        },
    ];
}
