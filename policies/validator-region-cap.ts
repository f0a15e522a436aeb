import type { StackValidationPolicy } from "@pulumi/policy";
import { isValidator, regionOf, votingPowerOf, withDefaults } from "./lib/read";
import { TAG_VOTING_POWER } from "./lib/tag-keys";

export interface ValidatorRegionCapConfig {
    /** Largest share of total validator voting power one region may hold. Default 0.33. */
    maxRegionShare: number;
}

export const VALIDATOR_REGION_CAP_DEFAULTS: ValidatorRegionCapConfig = { maxRegionShare: 0.33 };

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * CometBFT halts when more than a third of voting power is offline. If one
 * region holds more than a third, losing that region halts the chain; at most
 * a third per region means any single region can go down and the rest still
 * hold the two-thirds needed to commit blocks. The comparison is exact, so
 * 1 of 3 (33.3%) is over a 0.33 cap.
 */
export const validatorRegionCap: StackValidationPolicy = {
    name: "validator-region-cap",
    description: "No region may hold more than maxRegionShare of validator voting power.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxRegionShare: {
                type: "number",
                exclusiveMinimum: 0,
                maximum: 1,
                default: VALIDATOR_REGION_CAP_DEFAULTS.maxRegionShare,
                description: "Largest share (0-1] of total validator voting power one region may hold.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { maxRegionShare } = withDefaults(
            args.getConfig<ValidatorRegionCapConfig>(),
            VALIDATOR_REGION_CAP_DEFAULTS,
        );
        const powerByRegion = new Map<string, number>();
        let total = 0;
        for (const v of args.resources.filter(isValidator)) {
            const { tag, power: parsed } = votingPowerOf(v);
            let power = parsed;
            if (power === undefined) {
                reportViolation(
                    `validator ${v.name}: tag ${TAG_VOTING_POWER} is "${tag}"; set it to a non-negative number (or remove it for 1)`,
                    v.urn,
                );
                // Still counted, as 1, so one bad tag does not shift every other region's share.
                power = 1;
            }
            const region = regionOf(v);
            if (region === undefined) {
                reportViolation(
                    `validator ${v.name}: its region cannot be determined; give it a provider with a region`,
                    v.urn,
                );
                continue;
            }
            powerByRegion.set(region, (powerByRegion.get(region) ?? 0) + power);
            total += power;
        }
        if (total === 0) return;
        for (const [region, power] of powerByRegion) {
            if (power / total > maxRegionShare) {
                reportViolation(
                    `${region} holds ${percent(power / total)} of validator voting power (${power} of ${total}), ` +
                        `over the cap of ${percent(maxRegionShare)}; losing ${region} would halt the chain. ` +
                        `Move validators to other regions or add regions.`,
                );
            }
        }
    },
};
