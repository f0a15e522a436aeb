import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { nodeKindOf } from "./lib/nodes";
import { dependenciesOf, hasUnknownItems, isValidator, list, obj, str, tagsOf, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface ValidatorSafeReplacementConfig {
    /** Inputs a validator instance must list in ignoreChanges (changes to them replace an instance). */
    mustIgnore: string[];
}

export const VALIDATOR_SAFE_REPLACEMENT_DEFAULTS: ValidatorSafeReplacementConfig = { mustIgnore: ["ami", "userData"] };

/**
 * Two machines running one validator key double-sign: the validator is
 * slashed and tombstoned for good. Downtime costs a little; a second signer
 * costs the validator. So:
 * - validators are never in an Auto Scaling group or launch template (which
 *   would start a replacement on their own);
 * - a validator instance is protected, or replaced delete-before-create, so
 *   the old one is gone before a new one exists;
 * - it ignores `ami` and `userData`, so a new image or boot script never
 *   triggers a replacement;
 * - no AWS Backup selection (or restore test) can pick a validator instance:
 *   restoring an instance boots a second signer. Select data volumes.
 */
export const validatorSafeReplacement: StackValidationPolicy = {
    name: "validator-safe-replacement",
    description:
        "Validators are never in an ASG or launch template, are protected or delete-before-replace, ignore ami and userData, and no backup selection targets a validator instance.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            mustIgnore: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: VALIDATOR_SAFE_REPLACEMENT_DEFAULTS.mustIgnore,
                description:
                    "Inputs every validator instance must list in ignoreChanges (a change to them replaces it).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { mustIgnore } = withDefaults(
            args.getConfig<ValidatorSafeReplacementConfig>(),
            VALIDATOR_SAFE_REPLACEMENT_DEFAULTS,
        );
        const resources = args.resources;
        const validators = resources.filter(isValidator);

        for (const r of resources) {
            if ((r.type === T.autoScalingGroup || r.type === T.launchTemplate) && nodeKindOf(r) === "validator") {
                const what = r.type === T.autoScalingGroup ? "Auto Scaling group" : "launch template";
                reportViolation(
                    `${what} ${r.name} launches validators: a group replaces a failed validator on its own, and ` +
                        `a second copy of a validator key double-signs. Run validators as single instances.`,
                    r.urn,
                );
            }
        }
        // An Auto Scaling group built from a validator's template is caught by its template; one tagged
        // otherwise but launching from a template tagged validator is caught here.
        for (const group of resources.filter((r) => r.type === T.autoScalingGroup && nodeKindOf(r) !== "validator")) {
            const template = dependenciesOf(group, "launchTemplate", T.launchTemplate).find(
                (t) => nodeKindOf(t) === "validator",
            );
            if (template) {
                reportViolation(
                    `Auto Scaling group ${group.name} launches from validator template ${template.name}`,
                    group.urn,
                );
            }
        }

        for (const v of validators) {
            if (v.opts.protect !== true && v.opts.deleteBeforeReplace !== true) {
                reportViolation(
                    `validator ${v.name} is neither protected nor deleteBeforeReplace: a replacing change would ` +
                        `start the new instance while the old one still signs. Set protect: true or deleteBeforeReplace: true.`,
                    v.urn,
                );
            }
            const ignored = new Set(v.opts.ignoreChanges ?? []);
            const missing = mustIgnore.filter((k) => !ignored.has(k));
            if (missing.length > 0) {
                reportViolation(
                    `validator ${v.name} does not ignore changes to ${missing.join(" and ")}: a new image or boot ` +
                        `script would replace it. Add them to ignoreChanges and upgrade validators in place.`,
                    v.urn,
                );
            }
        }

        for (const s of resources.filter((r) => r.type === T.backupSelection)) {
            const picked = selectedValidators(s, validators);
            if (picked.length > 0) {
                reportViolation(
                    `backup selection ${s.name} can select validator instance${picked.length > 1 ? "s" : ""} ` +
                        `${picked.map((v) => v.name).join(", ")}: restoring an instance boots a second signer. ` +
                        `Select validator data volumes (resources arn:aws:ec2:*:*:volume/*) by tag instead.`,
                    s.urn,
                );
            }
        }
        for (const s of resources.filter((r) => r.type === T.restoreTestingSelection)) {
            if (str(s.props, "protectedResourceType") === "EC2") {
                const tags = conditionTags(obj(s.props, "protectedResourceConditions"), "stringEquals");
                const picked = validators.filter((v) => matchesAll(v, tags));
                if (picked.length > 0) {
                    reportViolation(
                        `restore testing selection ${s.name} restores EC2 instances and matches validators ` +
                            `${picked.map((v) => v.name).join(", ")}: a restored validator instance would sign. Test volumes (EBS).`,
                        s.urn,
                    );
                }
            }
        }
    },
};

/** Tag key/value pairs from `[{ key: "aws:ResourceTag/k", value }]` or `[{ type, key, value }]`. */
function conditionTags(block: Record<string, unknown> | undefined, key: string): [string, string][] {
    if (!block) return [];
    return list(block, key).flatMap((c) => {
        const k = str(c as Record<string, unknown>, "key");
        const v = str(c as Record<string, unknown>, "value");
        return k !== undefined && v !== undefined ? [[k.replace(/^aws:ResourceTag\//, ""), v] as [string, string]] : [];
    });
}

const matchesAll = (v: PolicyResource, tags: readonly [string, string][]) => {
    const own = tagsOf(v.props);
    return tags.every(([k, value]) => own[k] === value);
};

/** Whether a resource ARN pattern can match an EC2 instance's ARN. */
function canMatchInstance(pattern: string): boolean {
    if (pattern === "*") return true;
    const [arn, , service, , , rest] = pattern.split(":");
    if (arn !== "arn") return false;
    if (service !== "*" && service !== "ec2") return false;
    const resource = rest ?? "";
    return resource === "*" || resource.startsWith("instance/") || resource.startsWith("instance*");
}

/**
 * The validator instances an AWS Backup selection can pick: named directly
 * (its `resources` computed from them), or matched by a resource pattern
 * that covers instances (or no pattern at all) together with its tag
 * conditions (none means every resource).
 */
function selectedValidators(s: PolicyResource, validators: readonly PolicyResource[]): PolicyResource[] {
    const named = new Set(dependenciesOf(s, "resources", T.instance).map((d) => d.urn));
    const patterns = list(s.props, "resources").filter((p): p is string => typeof p === "string");
    // Resources computed from other resources (unknown in a preview) are judged by what they came from.
    const coversInstances = hasUnknownItems(s.props, "resources")
        ? patterns.some(canMatchInstance)
        : patterns.length === 0 || patterns.some(canMatchInstance);
    const selectionTags = list(s.props, "selectionTags").flatMap((t) => {
        const tag = t as Record<string, unknown>;
        const type = str(tag, "type");
        const k = str(tag, "key");
        const v = str(tag, "value");
        return type === "STRINGEQUALS" && k !== undefined && v !== undefined ? [[k, v] as [string, string]] : [];
    });
    const conditions = list(s.props, "conditions").flatMap((c) =>
        conditionTags(c as Record<string, unknown>, "stringEquals"),
    );
    // Selection tags are OR-ed, conditions AND-ed (AWS Backup's rules).
    const byTags = (v: PolicyResource) =>
        (selectionTags.length === 0 || selectionTags.some((t) => matchesAll(v, [t]))) && matchesAll(v, conditions);
    return validators.filter((v) => named.has(v.urn) || (coversInstances && byTags(v)));
}
