/*
 * The restore-time estimate's inputs. Each is labelled: "assumed" until a
 * measurement replaces it (AWS Backup restore testing reports volume restore
 * durations; the snapshotter's manifests record archive sizes), "design"
 * when it is this program's own setting, "documented" when a source states it.
 */

export type AssumptionStatus = "assumed" | "design" | "documented";

export interface Assumption {
    value: number;
    unit: string;
    status: AssumptionStatus;
    /** Where the value comes from, or why it was chosen. */
    basis: string;
}

export interface RestoreAssumptions {
    /** Compressed chain-state archive. */
    archiveGiB: Assumption;
    /** S3 download rate onto one node. */
    downloadMiBps: Assumption;
    /** gzip decompression and write rate. */
    extractMiBps: Assumption;
    /** Instance launch, boot and node start. */
    bootMinutes: Assumption;
    /** Creating a volume from a recovery point (or snapshot) and attaching it. */
    volumeRestoreMinutes: Assumption;
    blockSeconds: Assumption;
    /** Blocks a restored node replays per second while catching up. */
    catchUpBlocksPerSecond: Assumption;
    /** Largest age of the newest chain-state archive. */
    archiveAgeHours: Assumption;
    /** Largest age of the newest validator volume recovery point. */
    recoveryPointAgeHours: Assumption;
}

/** The assumptions for a stack whose full nodes have `fullNodeVolumeGiB` data volumes. */
export function restoreAssumptions(fullNodeVolumeGiB: number): RestoreAssumptions {
    return {
        archiveGiB: {
            value: Math.round(fullNodeVolumeGiB * 0.4),
            unit: "GiB",
            status: "assumed",
            basis: "40% of the full-node volume (a pruned node's data, gzip-compressed); the manifests' size_bytes replaces it",
        },
        downloadMiBps: {
            value: 150,
            unit: "MiB/s",
            status: "assumed",
            basis: "one aws s3 cp stream onto an r6i.xlarge (12.5 Gbit/s burst), cross-region; not measured",
        },
        extractMiBps: {
            value: 120,
            unit: "MiB/s",
            status: "assumed",
            basis: "single-threaded gzip decompression onto gp3 (125-250 MB/s); not measured",
        },
        bootMinutes: {
            value: 5,
            unit: "min",
            status: "assumed",
            basis: "EC2 launch, cloud-init and node start; not measured",
        },
        volumeRestoreMinutes: {
            value: 10,
            unit: "min",
            status: "assumed",
            basis: "volume from a recovery point (lazy-loaded) and attach; AWS Backup restore testing measures it weekly",
        },
        blockSeconds: {
            value: 6,
            unit: "s",
            status: "documented",
            basis: "the chain's block time used by the documents and the slashing arithmetic (facts: ~300 s to jail)",
        },
        catchUpBlocksPerSecond: {
            value: 10,
            unit: "blocks/s",
            status: "assumed",
            basis: "block replay of a Cosmos SDK node with light blocks; not measured",
        },
        archiveAgeHours: {
            value: 4.5,
            unit: "h",
            status: "design",
            basis: "the snapshotter's timer: every 4 h with up to 30 min random delay",
        },
        recoveryPointAgeHours: {
            value: 6,
            unit: "h",
            status: "design",
            basis: "the AWS Backup plan's schedule: every 6 h",
        },
    };
}

/** The documents' RTO for a region failure (D3), in minutes (seeds: disaster recovery plan, "RTO/RPO Targets"). */
export const DOCUMENTED_RTO_MINUTES = { validator: 30, fullNode: 60 } as const;

/** Minutes to restore a full node from the newest surviving chain-state archive. */
export function fullNodeRestoreMinutes(a: RestoreAssumptions): number {
    const mib = a.archiveGiB.value * 1024;
    const catchUpBlocks = (a.archiveAgeHours.value * 3600) / a.blockSeconds.value;
    const seconds =
        mib / a.downloadMiBps.value + mib / a.extractMiBps.value + catchUpBlocks / a.catchUpBlocksPerSecond.value;
    return Math.round(a.bootMinutes.value + seconds / 60);
}

/** Minutes to bring a validator back on a volume from its newest copied recovery point (keys installed by hand). */
export function validatorRestoreMinutes(a: RestoreAssumptions): number {
    const catchUpBlocks = (a.recoveryPointAgeHours.value * 3600) / a.blockSeconds.value;
    return Math.round(
        a.bootMinutes.value + a.volumeRestoreMinutes.value + catchUpBlocks / a.catchUpBlocksPerSecond.value / 60,
    );
}
