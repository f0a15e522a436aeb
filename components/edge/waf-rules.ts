import type * as aws from "@pulumi/aws";

/*
 * The rules of each region's web ACL, as data. Pure, so the plan and the
 * tests read the same list the component builds.
 */

/** Per-IP request limit and its window (the documents' 2000 per 5 minutes). */
export const RATE_LIMIT = { limit: 2000, windowSeconds: 300 } as const;

/** AWS managed rule groups, in evaluation order. */
export const MANAGED_GROUPS = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesCommonRuleSet",
] as const;

/**
 * Rules of the common set that only count: the ALB forwards WAF the first
 * 8 KB of a body, and `SizeRestrictions_BODY` would block every JSON-RPC
 * `broadcast_tx_*` bigger than that.
 */
export const COUNTED_RULES: Readonly<Record<string, readonly string[]>> = {
    AWSManagedRulesCommonRuleSet: ["SizeRestrictions_BODY"],
};

type Rule = aws.types.input.wafv2.WebAclRule;

const visibility = (metricName: string) => ({
    cloudwatchMetricsEnabled: true,
    sampledRequestsEnabled: true,
    metricName,
});

/** The rule list, with metric names prefixed by `metricPrefix` (unique per ACL). */
export function webAclRules(metricPrefix: string): Rule[] {
    const rate: Rule = {
        name: "rate-limit-per-ip",
        priority: 0,
        // A rate rule is a plain rule: it takes an action, not an override.
        action: { block: {} },
        statement: {
            rateBasedStatement: {
                limit: RATE_LIMIT.limit,
                evaluationWindowSec: RATE_LIMIT.windowSeconds,
                aggregateKeyType: "IP",
            },
        },
        visibilityConfig: visibility(`${metricPrefix}-rate-limit-per-ip`),
    };
    const managed = MANAGED_GROUPS.map((group, i): Rule => ({
        name: group,
        priority: i + 1,
        overrideAction: { none: {} },
        statement: {
            managedRuleGroupStatement: {
                vendorName: "AWS",
                name: group,
                ruleActionOverrides: (COUNTED_RULES[group] ?? []).map((rule) => ({
                    name: rule,
                    actionToUse: { count: {} },
                })),
            },
        },
        visibilityConfig: visibility(`${metricPrefix}-${group}`),
    }));
    return [rate, ...managed];
}
