import type { BackupPlacement } from "./drill";
import type { RestoreAssumptions } from "./assumptions";

/*
 * Disaster-recovery costs are usage-based, so they are notes with an
 * estimate and its assumptions, not lines of the monthly total. Prices are
 * us-east-1 list prices as recorded in ../shared/facts/disaster-recovery.md
 * (S3 Standard $0.023/GB-month; replication transfer $0.02/GB between US/EU
 * regions, $0.086/GB out of ap-south-1; Replication Time Control +$0.015/GB;
 * EBS snapshots and AWS Backup EBS recovery points $0.05/GB-month), from
 * https://aws.amazon.com/s3/pricing/, https://aws.amazon.com/ebs/pricing/
 * and https://aws.amazon.com/backup/pricing/.
 */
export const DR_PRICES = {
    s3StandardGbMonth: 0.023,
    replicationGb: 0.02,
    replicationGbFromApSouth1: 0.086,
    replicationTimeControlGb: 0.015,
    snapshotGbMonth: 0.05,
} as const;

/** Archives kept per snapshotter: 6 a day for 2 days, plus one a day for 90. */
const ARCHIVES_KEPT = 6 * 2 + 90;
const ARCHIVES_PER_MONTH = 6 * 30;

const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

export interface DrCostInputs {
    placement: BackupPlacement;
    assumptions: RestoreAssumptions;
    /** The primary region (replication source). */
    primary: string;
    /** Every region with a snapshotter, and the bucket region it writes to. */
    writesTo: Record<string, string>;
    /** Validator data volumes: count and size. */
    validators: number;
    validatorVolumeGiB: number;
}

export function drCostNotes(i: DrCostInputs): string[] {
    const gib = i.assumptions.archiveGiB.value;
    const intoPrimary = Object.values(i.writesTo).filter((r) => r === i.primary).length;
    const destinations = i.placement.chainArchives.filter((r) => r !== i.primary);
    const storedGiB =
        Object.keys(i.writesTo).length * ARCHIVES_KEPT * gib + destinations.length * intoPrimary * ARCHIVES_KEPT * gib;
    const replicatedGiB = intoPrimary * ARCHIVES_PER_MONTH * gib * destinations.length;
    const transferRate = i.primary === "ap-south-1" ? DR_PRICES.replicationGbFromApSouth1 : DR_PRICES.replicationGb;
    const snapshotGiB = i.validators * i.validatorVolumeGiB * 3;
    const assumed = `archive ${gib} GiB (assumed)`;
    return [
        `chain-state backups (estimate, not in the total): ${ARCHIVES_KEPT} archives kept per snapshotter ` +
            `(4-hourly for 2 days, dailies for 90), ${assumed}, replicas included: about ${Math.round(storedGiB / 1024)} TiB ` +
            `in S3 Standard, ${usd(storedGiB * DR_PRICES.s3StandardGbMonth)}/month at $${DR_PRICES.s3StandardGbMonth}/GB-month`,
        `chain-state replication (estimate): ${Math.round(replicatedGiB / 1024)} TiB/month from ${i.primary} to ` +
            `${destinations.join(", ") || "nowhere"}: ${usd(replicatedGiB * transferRate)} transfer at $${transferRate}/GB ` +
            `plus ${usd(replicatedGiB * DR_PRICES.replicationTimeControlGb)} Replication Time Control at $${DR_PRICES.replicationTimeControlGb}/GB`,
        `validator volume backups (upper bound): ${i.validators} volumes of ${i.validatorVolumeGiB} GiB in 3 regions ` +
            `(source + 2 copies) if every recovery point were full: ${usd(snapshotGiB * DR_PRICES.snapshotGbMonth)}/month ` +
            `at $${DR_PRICES.snapshotGbMonth}/GB-month; snapshots are incremental, so the real figure is the changed blocks`,
    ];
}
