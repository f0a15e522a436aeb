import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { bool, isSet, isUnknown, list, obj, regionOf, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface PublicAlbProtectedConfig {
    /** Whether every internet-facing ALB must write access logs. Default true. */
    requireAccessLogs: boolean;
}

export const PUBLIC_ALB_PROTECTED_DEFAULTS: PublicAlbProtectedConfig = { requireAccessLogs: true };

const ALB_TYPES = new Set<string>([T.loadBalancer, T.albLoadBalancer]);

/** Whether a web ACL has a rate-based rule that blocks (a counting one limits nothing). */
function hasBlockingRateRule(acl: PolicyResource): boolean {
    return list(acl.props, "rules").some((rule) => {
        const r = rule as Record<string, unknown>;
        const statement = obj(r, "statement");
        const action = obj(r, "action");
        return (
            statement !== undefined &&
            obj(statement, "rateBasedStatement") !== undefined &&
            action !== undefined &&
            obj(action, "block") !== undefined
        );
    });
}

/**
 * An internet-facing Application Load Balancer is the chain's public front
 * door: it must keep access logs (the only record of who called what) and
 * sit behind a WAF web ACL with a blocking rate-based rule (one client must
 * not exhaust the full nodes). The ACL is found through a
 * WebAclAssociation whose `resourceArn` was computed from the ALB (ids are
 * unknown during preview; the links are not).
 */
export const publicAlbProtected: StackValidationPolicy = {
    name: "public-alb-protected",
    description: "Every internet-facing ALB has access logs and a WAF web ACL with a rate-based rule.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireAccessLogs: {
                type: "boolean",
                default: PUBLIC_ALB_PROTECTED_DEFAULTS.requireAccessLogs,
                description: "Whether every internet-facing ALB must write access logs to S3.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { requireAccessLogs } = withDefaults(
            args.getConfig<PublicAlbProtectedConfig>(),
            PUBLIC_ALB_PROTECTED_DEFAULTS,
        );
        const byUrn = new Map(args.resources.map((r) => [r.urn, r]));
        const associations = args.resources.filter((r) => r.type === T.webAclAssociation);

        for (const lb of args.resources) {
            if (!ALB_TYPES.has(lb.type)) continue;
            if ((str(lb.props, "loadBalancerType") ?? "application") !== "application") continue;
            if (bool(lb.props, "internal") === true) continue;
            const what = `${regionOf(lb) ?? "(unknown region)"}: internet-facing ALB ${lb.name}`;

            if (requireAccessLogs) {
                const logs = obj(lb.props, "accessLogs");
                const enabled =
                    logs === undefined ? false : isUnknown(logs, "enabled") || bool(logs, "enabled") === true;
                if (!enabled || logs === undefined || !isSet(logs, "bucket")) {
                    reportViolation(
                        `${what} writes no access logs; set accessLogs: { bucket, enabled: true } ` +
                            `(enabled defaults to false even with a bucket)`,
                        lb.urn,
                    );
                }
            }

            const acls = associations
                .filter((a) => (a.propertyDependencies.resourceArn ?? []).some((d) => d.urn === lb.urn))
                .flatMap((a) => (a.propertyDependencies.webAclArn ?? []).map((d) => byUrn.get(d.urn) ?? d))
                .filter((acl) => acl.type === T.webAcl);
            if (acls.length === 0) {
                reportViolation(
                    `${what} has no WAF web ACL; associate one (aws.wafv2.WebAclAssociation with resourceArn ` +
                        `from the ALB) with a rate-based rule that blocks`,
                    lb.urn,
                );
            } else if (!acls.some(hasBlockingRateRule)) {
                reportViolation(
                    `${what}: its web ACL ${acls.map((a) => a.name).join(", ")} has no rate-based rule with action ` +
                        `block; add one (e.g. 2000 requests per IP per 5 minutes)`,
                    lb.urn,
                );
            }
        }
    },
};
