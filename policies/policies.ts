import type { Policies } from "@pulumi/policy";
import { approvedInstanceTypes } from "./approved-instance-types";
import { backupsMultiRegion } from "./backups-multi-region";
import { dnsRoutingConsistent } from "./dns-routing-consistent";
import { edgeTls } from "./edge-tls";
import { encryptedVolumes } from "./encrypted-volumes";
import { imdsv2Required } from "./imdsv2-required";
import { minFullNodesPerRegion } from "./min-full-nodes-per-region";
import { minTwoAzs } from "./min-two-azs";
import { minValidators } from "./min-validators";
import { pinnedVersions } from "./pinned-versions";
import { protectStateful } from "./protect-stateful";
import { singleScalingOwner } from "./single-scaling-owner";
import { publicAlbProtected } from "./public-alb-protected";
import { validatorRegionCap } from "./validator-region-cap";
import { validatorSafeReplacement } from "./validator-safe-replacement";
import { validatorsPrivate } from "./validators-private";

/**
 * The pack's policies, one file each, in the order of ../shared/DESIGN.md's
 * table ("The policy pack"). Names are stable: CI, tests and
 * `config/<stack>.json` use them.
 */
export const policies: Policies = [
    validatorRegionCap,
    minValidators,
    minTwoAzs,
    minFullNodesPerRegion,
    approvedInstanceTypes,
    imdsv2Required,
    encryptedVolumes,
    validatorsPrivate,
    validatorSafeReplacement,
    edgeTls,
    publicAlbProtected,
    dnsRoutingConsistent,
    singleScalingOwner,
    pinnedVersions,
    backupsMultiRegion,
    protectStateful,
];
