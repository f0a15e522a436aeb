import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isValidator, roleOf, withDefaults } from "./lib/read";
import { ROLE_VALIDATOR } from "./lib/tag-keys";
import { T } from "./lib/types";

export interface ProtectStatefulConfig {
    /** More type tokens whose resources must be protected, e.g. "aws:kms/key:Key". Default []. */
    additionalTypes: string[];
}

export const PROTECT_STATEFUL_DEFAULTS: ProtectStatefulConfig = { additionalTypes: [] };

/** Always protected, whatever their tags, with the word the message uses. */
const STATEFUL_TYPES: Record<string, string> = {
    [T.hostedZone]: "hosted zone",
    // Every bucket, not only those tagged as backups: see below.
    [T.bucket]: "bucket",
    [T.bucketV2]: "bucket",
};

/**
 * Some resources cannot be rebuilt by running the program again: a
 * validator's identity and its chain data, a hosted zone (a new one gets new
 * name servers, so the domain's delegation breaks), and the backups. With
 * `protect: true` Pulumi refuses to delete them, in `pulumi destroy` or in a
 * change that would replace them, until someone removes the flag on purpose.
 *
 * Protected: validators, their EBS volumes (tagged role validator, or
 * attached to a validator by a VolumeAttachment), every Route53 hosted zone,
 * every S3 bucket (`Bucket` and the deprecated `BucketV2`), and any type in
 * `additionalTypes`. Buckets are all protected rather than only those tagged
 * `virtengine:role = backup`: the program has no backup tag convention, a
 * missing tag would let a backup bucket through silently, and the other
 * buckets a stack like this holds (access and WAF logs) are audit records
 * worth the same care.
 *
 * Advisory by default: staging is torn down and rebuilt on purpose.
 * `policies/config/production.json` makes it mandatory.
 */
export const protectStateful: StackValidationPolicy = {
    name: "protect-stateful",
    description: "Validators, their volumes, hosted zones and buckets have protect: true.",
    enforcementLevel: "advisory",
    configSchema: {
        properties: {
            additionalTypes: {
                type: "array",
                // A type token: package:module:Type, e.g. aws:kms/key:Key.
                items: { type: "string", pattern: "^[^:\\s]+:[^:\\s]+:[^:\\s]+$" },
                default: PROTECT_STATEFUL_DEFAULTS.additionalTypes,
                description: 'More resource type tokens that must be protected, e.g. "aws:kms/key:Key".',
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { additionalTypes } = withDefaults(args.getConfig<ProtectStatefulConfig>(), PROTECT_STATEFUL_DEFAULTS);
        const validators = args.resources.filter(isValidator);
        const validatorUrns = new Set(validators.map((v) => v.urn));

        // Volumes attached to a validator count as its volumes even without the role tag.
        const attachedToValidator = new Set<string>();
        for (const a of args.resources.filter((r) => r.type === T.volumeAttachment)) {
            const onValidator = (a.propertyDependencies.instanceId ?? []).some((d) => validatorUrns.has(d.urn));
            if (!onValidator) continue;
            for (const d of a.propertyDependencies.volumeId ?? []) attachedToValidator.add(d.urn);
        }

        const kindOf = (r: PolicyResource): string | undefined => {
            if (validatorUrns.has(r.urn)) return "validator";
            if (r.type === T.volume && (roleOf(r) === ROLE_VALIDATOR || attachedToValidator.has(r.urn))) {
                return "validator volume";
            }
            return STATEFUL_TYPES[r.type] ?? (additionalTypes.includes(r.type) ? r.type : undefined);
        };

        for (const r of args.resources) {
            const kind = kindOf(r);
            if (kind === undefined || r.opts.protect === true) continue;
            reportViolation(
                `${kind} ${r.name} is not protected; set protect: true on it so that pulumi destroy or a ` +
                    `replacing change cannot delete it`,
                r.urn,
            );
        }
    },
};
