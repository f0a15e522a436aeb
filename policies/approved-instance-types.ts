import type { ResourceValidationPolicy } from "@pulumi/policy";
import { NODE_KIND_WORDS, nodeKindOf, type NodeKind } from "./lib/nodes";
import { hasUnknownItems, isSet, isUnknown, list, obj, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface ApprovedInstanceTypesConfig {
    /** Instance families validators and full nodes may use. Default ["r6i"]. */
    nodeFamilies: string[];
    /** Instance families Kubernetes (EKS) nodes may use. Default ["m6i"]. */
    kubernetesFamilies: string[];
}

export const APPROVED_INSTANCE_TYPES_DEFAULTS: ApprovedInstanceTypesConfig = {
    nodeFamilies: ["r6i"],
    kubernetesFamilies: ["m6i"],
};

/** The family of an instance type: the part before the first dot (`r6i` of `r6i.2xlarge`). */
export const familyOf = (instanceType: string) => instanceType.split(".")[0];

const RESOURCE_WORDS: Record<string, string> = {
    [T.instance]: "instance",
    [T.launchTemplate]: "launch template",
    [T.autoScalingGroup]: "Auto Scaling group",
    [T.eksNodeGroup]: "EKS node group",
};

const familySchema = (description: string, defaults: string[]) => ({
    type: "array" as const,
    minItems: 1,
    // A family, not a size: "r6i", never "r6i.2xlarge".
    items: { type: "string" as const, pattern: "^[a-z0-9-]+$" },
    default: defaults,
    description,
});

/**
 * Chain nodes are memory-bound (the state store and its caches) and sized,
 * priced and benchmarked on one family; Kubernetes nodes on another. A
 * different family slips in unnoticed through a typo or a copied snippet and
 * changes memory, network and cost, so validators and full nodes must use a
 * family in `nodeFamilies` and Kubernetes nodes one in `kubernetesFamilies`.
 *
 * What is checked: instances and launch templates by their role (see
 * lib/nodes.ts: validator, full-node, or Kubernetes by role `kubernetes-node`
 * / `provider-daemon` or an `eks:cluster-name` / `kubernetes.io/cluster/*`
 * tag), the instance-type overrides of full-node Auto Scaling groups, and
 * every EKS node group's `instanceTypes`. Untagged compute has no rule here.
 */
export const approvedInstanceTypes: ResourceValidationPolicy = {
    name: "approved-instance-types",
    description:
        "Validators and full nodes use an approved instance family (default r6i), Kubernetes nodes theirs (default m6i).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            nodeFamilies: familySchema(
                "Instance families (the part before the dot) validators and full nodes may use.",
                APPROVED_INSTANCE_TYPES_DEFAULTS.nodeFamilies,
            ),
            kubernetesFamilies: familySchema(
                "Instance families (the part before the dot) Kubernetes (EKS) nodes may use.",
                APPROVED_INSTANCE_TYPES_DEFAULTS.kubernetesFamilies,
            ),
        },
    },
    validateResource: (args, reportViolation) => {
        const kind = nodeKindOf(args);
        if (kind === undefined) return;
        const config = withDefaults(args.getConfig<ApprovedInstanceTypesConfig>(), APPROVED_INSTANCE_TYPES_DEFAULTS);
        const [allowed, setting] =
            kind === "kubernetes"
                ? [config.kubernetesFamilies, "kubernetesFamilies"]
                : [config.nodeFamilies, "nodeFamilies"];
        const what = `${RESOURCE_WORDS[args.type]} ${args.name} (${NODE_KIND_WORDS[kind]})`;
        const families = allowed.join(", ");

        const check = (instanceType: string, key: string) => {
            const family = familyOf(instanceType);
            if (allowed.includes(family)) return;
            reportViolation(
                `${what} uses ${instanceType} (family ${family}); ${ruleFor(kind)} must use ${families}. ` +
                    `Set ${key} to a type of ${allowed.length === 1 ? "that family" : "one of those families"}, ` +
                    `or add ${family} to ${setting} in the policy config.`,
            );
        };
        const unverifiable = (key: string) =>
            reportViolation(
                `${what}: its instance type cannot be verified during preview: ${key} is not known until ` +
                    `deployment; set it from a plain string (${ruleFor(kind)} must use ${families})`,
            );

        switch (args.type) {
            case T.instance:
            case T.launchTemplate: {
                // Absent on a launch template: the group or node group using it names the type (checked there).
                const instanceType = str(args.props, "instanceType");
                if (instanceType !== undefined) check(instanceType, "instanceType");
                else if (isUnknown(args.props, "instanceType")) unverifiable("instanceType");
                return;
            }
            case T.autoScalingGroup: {
                // A mixed-instances group's overrides replace the template's type.
                const template = obj(obj(args.props, "mixedInstancesPolicy") ?? {}, "launchTemplate") ?? {};
                for (const override of list(template, "overrides")) {
                    const o = override as Record<string, unknown>;
                    const instanceType = str(o, "instanceType");
                    if (instanceType !== undefined)
                        check(instanceType, "mixedInstancesPolicy overrides[].instanceType");
                    else if (isUnknown(o, "instanceType")) unverifiable("an override's instanceType");
                }
                return;
            }
            case T.eksNodeGroup: {
                const types = list(args.props, "instanceTypes");
                if (hasUnknownItems(args.props, "instanceTypes")) unverifiable("instanceTypes");
                else if (types.length === 0) {
                    // With a launch template the template names the type; without one EKS picks t3.medium.
                    if (!isSet(args.props, "launchTemplate")) {
                        reportViolation(
                            `${what} sets neither instanceTypes nor a launch template, so EKS launches t3.medium; ` +
                                `set instanceTypes to types of ${families}`,
                        );
                    }
                }
                for (const t of types) {
                    if (typeof t === "string") check(t, "instanceTypes");
                }
                return;
            }
        }
    },
};

/** Who a family list applies to, for messages. */
const ruleFor = (kind: NodeKind) => (kind === "kubernetes" ? "Kubernetes nodes" : "validators and full nodes");
