import type { StackValidationPolicy } from "@pulumi/policy";
import { isValidator, plural, votingPowerOf, withDefaults } from "./lib/read";
import { TAG_VOTING_POWER } from "./lib/tag-keys";

export interface MinValidatorsConfig {
    /** Fewest validators with voting power above 0. Default 4. */
    minValidators: number;
}

export const MIN_VALIDATORS_DEFAULTS: MinValidatorsConfig = { minValidators: 4 };

/**
 * BFT consensus tolerates f faulty validators only with 3f + 1 of them: with
 * 3 or fewer, one validator down (an upgrade, a crash) halts the chain. A
 * validator with voting power 0 signs nothing that counts, so it is not one
 * of them; nor is one whose voting-power tag is not a number
 * (validator-region-cap names that tag).
 */
export const minValidators: StackValidationPolicy = {
    name: "min-validators",
    description: "At least minValidators validators with voting power above 0 (BFT tolerates one fault only from 4).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minValidators: {
                type: "integer",
                minimum: 1,
                default: MIN_VALIDATORS_DEFAULTS.minValidators,
                description: "Fewest validators with voting power above 0 the stack may run.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { minValidators: min } = withDefaults(args.getConfig<MinValidatorsConfig>(), MIN_VALIDATORS_DEFAULTS);
        const validators = args.resources.filter(isValidator);
        const voting = validators.filter((v) => (votingPowerOf(v).power ?? 0) > 0).length;
        if (voting >= min) return;
        const without = validators.length - voting;
        const found =
            validators.length === 0
                ? "no validators"
                : `${plural(voting, "validator")} with voting power above 0` +
                  (without > 0 ? ` (${without} more with ${TAG_VOTING_POWER} 0 or not a number)` : "");
        reportViolation(
            `the stack runs ${found}; at least ${min} are required (BFT consensus tolerates one faulty ` +
                `validator only from 4), or the chain halts when one stops. Add validators.`,
        );
    },
};
