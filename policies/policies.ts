import type { Policies } from "@pulumi/policy";
import { minTwoAzs } from "./min-two-azs";
import { validatorRegionCap } from "./validator-region-cap";

/**
 * The pack's policies, one file each (see ../shared/DESIGN.md, "The policy
 * pack"). Names are stable: CI, tests and `config/<stack>.json` use them.
 */
export const policies: Policies = [validatorRegionCap, minTwoAzs];
