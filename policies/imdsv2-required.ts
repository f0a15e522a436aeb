import type { ResourceValidationPolicy } from "@pulumi/policy";
import { nodeKindOf } from "./lib/nodes";
import { isUnknown, num, obj, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface Imdsv2RequiredConfig {
    /** Largest `httpPutResponseHopLimit` for instances and launch templates. Default 1. */
    maxHopLimit: number;
    /** Largest `httpPutResponseHopLimit` for Kubernetes nodes (see lib/nodes.ts). Default 2. */
    kubernetesMaxHopLimit: number;
}

/*
 * Hop limits. A validator or full node runs no containers, so nothing on it
 * is more than one hop from the metadata service: 1 means a token cannot be
 * fetched through anything that forwards packets (a proxy, a bridge, a
 * misconfigured NAT), and the program's instances use 1. A Kubernetes node is
 * different: pods on the pod network are one hop further, so agents that
 * read instance metadata from a pod (region, VPC id, and node credentials
 * where no IRSA/Pod Identity is set up) need 2, which is what EKS managed node
 * groups use by default. One limit for both would either break EKS nodes or
 * loosen validators; so Kubernetes nodes get their own, and nothing gets more
 * than 2 without a config change someone reviews.
 */
export const IMDSV2_REQUIRED_DEFAULTS: Imdsv2RequiredConfig = { maxHopLimit: 1, kubernetesMaxHopLimit: 2 };

const WORDS: Record<string, string> = { [T.instance]: "instance", [T.launchTemplate]: "launch template" };

/**
 * IMDSv1 answers any GET, so one SSRF in anything on the host (an RPC proxy,
 * a snapshot fetcher) hands out the instance role's credentials. IMDSv2 needs
 * a session token from a PUT, which such requests cannot make. Every
 * instance and launch template must set `metadataOptions.httpTokens =
 * "required"` explicitly (AWS's default is "optional" unless the AMI says
 * otherwise, which a preview cannot see), or turn the metadata service off
 * with `httpEndpoint = "disabled"`. A hop limit, when set, must not exceed
 * the configured maximum.
 */
export const imdsv2Required: ResourceValidationPolicy = {
    name: "imdsv2-required",
    description: "Instances and launch templates require IMDSv2 (httpTokens required) with a small hop limit.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maxHopLimit: {
                type: "integer",
                minimum: 1,
                maximum: 64,
                default: IMDSV2_REQUIRED_DEFAULTS.maxHopLimit,
                description: "Largest metadataOptions.httpPutResponseHopLimit on instances and launch templates.",
            },
            kubernetesMaxHopLimit: {
                type: "integer",
                minimum: 1,
                maximum: 64,
                default: IMDSV2_REQUIRED_DEFAULTS.kubernetesMaxHopLimit,
                description:
                    "Largest hop limit on Kubernetes nodes (role kubernetes-node or provider-daemon, or an EKS " +
                    "cluster tag): pods are one hop further from the metadata service.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const word = WORDS[args.type];
        if (word === undefined) return;
        const config = withDefaults(args.getConfig<Imdsv2RequiredConfig>(), IMDSV2_REQUIRED_DEFAULTS);
        const what = `${word} ${args.name}`;
        const unverifiable = (key: string) =>
            reportViolation(
                `${what}: IMDSv2 cannot be verified during preview: ${key} is not known until ` +
                    `deployment; set it from a plain value`,
            );

        if (isUnknown(args.props, "metadataOptions")) return unverifiable("metadataOptions");
        const options = obj(args.props, "metadataOptions");
        if (options === undefined) {
            reportViolation(
                `${what} sets no metadataOptions, so IMDSv1 stays on (AWS's default httpTokens is "optional"); ` +
                    `set metadataOptions: { httpTokens: "required" }`,
            );
            return;
        }
        // Metadata turned off entirely: nothing to steal, no hop limit to check.
        if (str(options, "httpEndpoint") === "disabled") return;

        const tokens = str(options, "httpTokens");
        if (tokens === undefined && isUnknown(options, "httpTokens")) unverifiable("metadataOptions.httpTokens");
        else if (tokens !== "required") {
            reportViolation(
                `${what} allows IMDSv1 (metadataOptions.httpTokens is ${tokens === undefined ? "not set" : `"${tokens}"`}); ` +
                    `set httpTokens: "required" (or httpEndpoint: "disabled" if it needs no instance metadata)`,
            );
        }

        const [limit, setting] =
            nodeKindOf(args) === "kubernetes"
                ? [config.kubernetesMaxHopLimit, "kubernetesMaxHopLimit"]
                : [config.maxHopLimit, "maxHopLimit"];
        // Not set: AWS uses 1 for instances launched without one (an AMI registered for IMDSv2 may say 2).
        const hops = num(options, "httpPutResponseHopLimit");
        if (hops === undefined && isUnknown(options, "httpPutResponseHopLimit")) {
            unverifiable("metadataOptions.httpPutResponseHopLimit");
        } else if (hops !== undefined && hops > limit) {
            reportViolation(
                `${what} sets metadataOptions.httpPutResponseHopLimit ${hops}, above the maximum of ${limit}, ` +
                    `so metadata tokens reach further than the host needs; set it to ${limit} ` +
                    `(or raise ${setting} in the policy config)`,
            );
        }
    },
};
