import type { PlanReport, RegionLossReport } from "../report";

/** Columns the region-loss table gains from the disaster-recovery drill. */
export const DR_LOSS_HEADERS = [
    // Chain-state archives left, and the regions holding them.
    "archives left",
    // The fewest regions still holding any region's validator volume recovery points.
    "volume copies",
    // The fewest state-sync witnesses any surviving region keeps.
    "witnesses",
    "restore (min)",
];

/** The drill's cells for one lost region; "-" where the stack builds no backups. */
export function drLossCells(loss: RegionLossReport): string[] {
    if (loss.backups === undefined || loss.witnesses === undefined || loss.restoreEstimateMinutes === undefined) {
        return DR_LOSS_HEADERS.map(() => "-");
    }
    const volumes = Object.values(loss.backups.validatorVolumes).map((v) => v.copies);
    const archives = loss.backups.chainArchives;
    return [
        `${archives.copies} (${archives.regions.join(", ") || "none"})`,
        volumes.length > 0 ? String(Math.min(...volumes)) : "-",
        String(loss.witnesses.minimum),
        String(loss.restoreEstimateMinutes),
    ];
}

/** Lines under the loss table: the restore estimate against the documents' RTO, and its labelled assumptions. */
export function drNotes(report: PlanReport): string[] {
    const dr = report.disasterRecovery;
    const first = Object.values(report.regionLoss).find((l) => l.restoreEstimate !== undefined)?.restoreEstimate;
    if (dr === undefined || first === undefined) return [];
    const verdict = (ok: boolean) => (ok ? "within" : "OVER");
    return [
        `Backups: chain-state archives in ${dr.placement.chainArchives.join(", ")}; snapshotters in ` +
            `${dr.placement.snapshotters.join(", ")}; validator volume recovery points: ` +
            Object.entries(dr.placement.validatorVolumes)
                .map(([source, held]) => `${source} -> ${held.join("+")}`)
                .join("; "),
        `Restore estimate: full node from an archive ${first.fullNodeMinutes} min (${verdict(first.withinRto.fullNode)} ` +
            `the documents' region-failure RTO of ${first.documentedRtoMinutes.fullNode} min); validator on a copied ` +
            `volume ${first.validatorMinutes} min (${verdict(first.withinRto.validator)} ${first.documentedRtoMinutes.validator} min). ` +
            `Full nodes normally rejoin by state sync; the archive path is for a halt or corruption.`,
        `Assumptions: ${Object.entries(dr.assumptions)
            .map(([name, a]) => `${name} ${a.value} ${a.unit} (${a.status})`)
            .join(", ")}`,
    ];
}
