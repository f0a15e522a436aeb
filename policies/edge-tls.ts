import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isUnknown, list, obj, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface EdgeTlsConfig {
    /** Listener security policies HTTPS and TLS listeners may name. */
    allowedPolicies: string[];
}

export const EDGE_TLS_DEFAULTS: EdgeTlsConfig = {
    // TLS 1.3 with 1.2 still allowed (Route53 HTTPS health checks speak 1.2 at most).
    allowedPolicies: [
        "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-2021-06",
    ],
};

const LISTENER_TYPES = new Set<string>([T.listener, T.albListener]);

/**
 * Every public byte of RPC and REST rides TLS: HTTPS and TLS listeners name
 * an allowed TLS 1.3 policy explicitly (without one AWS applies
 * ELBSecurityPolicy-2016-08, which still offers TLS 1.0), and HTTP listeners
 * only redirect to HTTPS, never forward. A policy name unknown until
 * deployment cannot be judged and is reported as such.
 */
export const edgeTls: ResourceValidationPolicy = {
    name: "edge-tls",
    description: "HTTPS and TLS listeners name an allowed TLS 1.3 policy; HTTP listeners only redirect to HTTPS.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedPolicies: {
                type: "array",
                minItems: 1,
                items: { type: "string", pattern: "^ELBSecurityPolicy-" },
                default: EDGE_TLS_DEFAULTS.allowedPolicies,
                description: "Load balancer security policies HTTPS and TLS listeners may name.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (!LISTENER_TYPES.has(args.type)) return;
        const { allowedPolicies } = withDefaults(args.getConfig<EdgeTlsConfig>(), EDGE_TLS_DEFAULTS);
        const protocol = str(args.props, "protocol") ?? "HTTP";
        const what = `listener ${args.name} (${protocol}${portOf(args.props)})`;

        if (protocol === "HTTPS" || protocol === "TLS") {
            const policy = str(args.props, "sslPolicy");
            if (policy === undefined && isUnknown(args.props, "sslPolicy")) {
                reportViolation(
                    `${what}: its sslPolicy is not known until deployment; name the policy as a plain value`,
                );
            } else if (policy === undefined) {
                reportViolation(
                    `${what} names no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08 (TLS 1.0 and up); ` +
                        `set sslPolicy to one of ${allowedPolicies.join(", ")}`,
                );
            } else if (!allowedPolicies.includes(policy)) {
                reportViolation(`${what} uses sslPolicy ${policy}; use one of ${allowedPolicies.join(", ")}`);
            }
            return;
        }
        if (protocol !== "HTTP") return;
        if (isUnknown(args.props, "defaultActions")) {
            reportViolation(`${what}: its default actions are not known until deployment; write them as plain values`);
            return;
        }
        const actions = list(args.props, "defaultActions");
        const bad = actions.filter((a) => {
            const action = a as Record<string, unknown>;
            const redirect = obj(action, "redirect");
            return (
                str(action, "type") !== "redirect" || redirect === undefined || str(redirect, "protocol") !== "HTTPS"
            );
        });
        if (actions.length === 0 || bad.length > 0) {
            const types = actions.map((a) => str(a as Record<string, unknown>, "type") ?? "?").join(", ") || "none";
            reportViolation(
                `${what} serves plain HTTP (default actions: ${types}); an HTTP listener may only redirect to HTTPS: ` +
                    `defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]`,
            );
        }
    },
};

function portOf(props: Record<string, unknown>): string {
    const port = props.port;
    return typeof port === "number" ? ` ${port}` : "";
}
