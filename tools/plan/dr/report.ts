import type { RecordedResource } from "../../harness/run-program";
import type { InventoryConfig } from "../inventory";
import type { PlanReport } from "../report";
import { drCostNotes } from "./cost-notes";
import { disasterRecoveryDrill } from "./drill";

/**
 * Adds the disaster-recovery drill to a plan report: per region lost, the
 * backups and witnesses left and the restore estimate; the placement and
 * assumptions once; the DR cost notes. Only when the program built backups
 * (a stack without them reports nothing new).
 */
export function withDisasterRecovery(
    report: PlanReport,
    resources: readonly RecordedResource[],
    config: InventoryConfig,
): PlanReport {
    const regions = Object.keys(report.regions);
    const drill = disasterRecoveryDrill(resources, regions, config.fullNodeVolumeGiB ?? 500);
    const { placement } = drill;
    if (placement.chainArchives.length === 0 && Object.keys(placement.validatorVolumes).length === 0) return report;
    for (const [name, dr] of Object.entries(drill.loss)) {
        report.regionLoss[name] = { ...report.regionLoss[name], ...dr };
    }
    report.disasterRecovery = { placement, assumptions: drill.assumptions };
    for (const [lost, dr] of Object.entries(drill.loss)) {
        for (const [region, left] of Object.entries(dr.witnesses.byRegion)) {
            if (left < 2) {
                report.warnings.push(
                    `losing ${lost} would leave full nodes in ${region} ${left} state-sync witness${left === 1 ? "" : "es"}; ` +
                        `CometBFT needs 2: list RPC servers outside ${lost} in virtengine:stateSyncRpcServers`,
                );
            }
        }
    }
    const primary = config.regions.find((r) => r.role === "primary")?.name ?? regions[0];
    const writesTo = Object.fromEntries(
        placement.snapshotters.map((r) => [r, placement.chainArchives.includes(r) ? r : primary]),
    );
    report.cost.notes.push(
        ...drCostNotes({
            placement,
            assumptions: drill.assumptions,
            primary,
            writesTo,
            validators: report.validators,
            validatorVolumeGiB: config.validatorVolumeGiB ?? 1000,
        }),
    );
    return report;
}
