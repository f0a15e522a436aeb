import type { RegionLossReport } from "./report";

/**
 * What each region's loss leaves online. CometBFT commits a block only with
 * more than two thirds of voting power, so quorum is `online * 3 > total * 2`
 * in exact arithmetic (no rounding at the boundary).
 */
export function regionLoss(
    regions: Record<string, { validators: number; votingPower: number }>,
    total: { validators: number; votingPower: number },
): Record<string, RegionLossReport> {
    const out: Record<string, RegionLossReport> = {};
    for (const [name, region] of Object.entries(regions)) {
        const online = total.votingPower - region.votingPower;
        out[name] = {
            onlineShare: total.votingPower > 0 ? Math.round((online / total.votingPower) * 10000) / 10000 : 0,
            quorum: total.votingPower > 0 && online * 3 > total.votingPower * 2,
            validatorsOnline: total.validators - region.validators,
            // Filled in by the inventory from the stack's global traffic (edge/traffic-loss.ts).
            traffic: null,
        };
    }
    return out;
}
