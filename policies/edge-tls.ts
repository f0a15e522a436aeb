import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { bool, dependenciesOf, isUnknown, list, obj, str, withDefaults } from "./lib/read";
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
const RULE_TYPES = new Set<string>([T.listenerRule, T.albListenerRule]);
const LB_TYPES = new Set<string>([T.loadBalancer, T.albLoadBalancer]);
const REDIRECT_TO_HTTPS = `[{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]`;

type Report = (message: string, urn?: string) => void;

/**
 * Every public byte of RPC and the API rides TLS: HTTPS and TLS listeners
 * name an allowed TLS 1.3 policy explicitly (without one AWS applies
 * ELBSecurityPolicy-2016-08, which still offers TLS 1.0); HTTP listeners,
 * and the rules on them, only redirect to HTTPS, never forward; an
 * internet-facing load balancer has no plain TCP or UDP listener (an
 * internal one may: its traffic stays in the VPC). A value unknown until
 * deployment cannot be judged and is reported as such.
 */
export const edgeTls: StackValidationPolicy = {
    name: "edge-tls",
    description:
        "HTTPS and TLS listeners name an allowed TLS 1.3 policy; HTTP listeners and their rules only redirect " +
        "to HTTPS; internet-facing load balancers have no plain TCP or UDP listener.",
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
    validateStack: (args, reportViolation) => {
        const { allowedPolicies } = withDefaults(args.getConfig<EdgeTlsConfig>(), EDGE_TLS_DEFAULTS);
        for (const r of args.resources) {
            if (LISTENER_TYPES.has(r.type)) checkListener(r, allowedPolicies, reportViolation);
            else if (RULE_TYPES.has(r.type)) checkRule(r, reportViolation);
        }
    },
};

function listenerLabel(listener: PolicyResource): string {
    return `listener ${listener.name} (${protocolOf(listener)}${portOf(listener.props)})`;
}

const protocolOf = (listener: PolicyResource) => str(listener.props, "protocol") ?? "HTTP";

function checkListener(listener: PolicyResource, allowedPolicies: string[], report: Report): void {
    const protocol = protocolOf(listener);
    const what = listenerLabel(listener);
    const urn = listener.urn;

    if (protocol === "HTTPS" || protocol === "TLS") {
        const policy = str(listener.props, "sslPolicy");
        if (policy === undefined && isUnknown(listener.props, "sslPolicy")) {
            report(`${what}: its sslPolicy is not known until deployment; name the policy as a plain value`, urn);
        } else if (policy === undefined) {
            report(
                `${what} names no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08 (TLS 1.0 and up); ` +
                    `set sslPolicy to one of ${allowedPolicies.join(", ")}`,
                urn,
            );
        } else if (!allowedPolicies.includes(policy)) {
            report(`${what} uses sslPolicy ${policy}; use one of ${allowedPolicies.join(", ")}`, urn);
        }
        return;
    }
    if (protocol === "HTTP") {
        if (isUnknown(listener.props, "defaultActions")) {
            report(`${what}: its default actions are not known until deployment; write them as plain values`, urn);
            return;
        }
        const actions = list(listener.props, "defaultActions");
        if (actions.length === 0 || !actions.every(redirectsToHttps)) {
            report(
                `${what} serves plain HTTP (default actions: ${typesOf(actions)}); an HTTP listener may only ` +
                    `redirect to HTTPS: defaultActions: ${REDIRECT_TO_HTTPS}`,
                urn,
            );
        }
        return;
    }
    // TCP, UDP, TCP_UDP: plain text. Fine inside the VPC, never on the internet.
    const [lb] = dependenciesOf(listener, "loadBalancerArn", T.loadBalancer).concat(
        dependenciesOf(listener, "loadBalancerArn", T.albLoadBalancer),
    );
    if (lb === undefined) {
        report(
            `${what}: its load balancer is not known in this preview, so whether it faces the internet cannot be ` +
                `judged; pass loadBalancerArn from the load balancer resource (plain TCP is allowed only inside the VPC)`,
            urn,
        );
        return;
    }
    if (!LB_TYPES.has(lb.type) || bool(lb.props, "internal") === true) return;
    report(
        `${what} on internet-facing load balancer ${lb.name} carries plain ${protocol}; ` +
            `use a TLS listener with an allowed sslPolicy, or make the load balancer internal`,
        urn,
    );
}

function checkRule(rule: PolicyResource, report: Report): void {
    const [listener] = dependenciesOf(rule, "listenerArn", T.listener).concat(
        dependenciesOf(rule, "listenerArn", T.albListener),
    );
    if (listener === undefined || protocolOf(listener) !== "HTTP") return;
    if (isUnknown(rule.props, "actions")) {
        report(`rule ${rule.name} on ${listenerLabel(listener)}: its actions are not known until deployment`, rule.urn);
        return;
    }
    const actions = list(rule.props, "actions");
    if (actions.length === 0 || !actions.every(redirectsToHttps)) {
        report(
            `rule ${rule.name} on ${listenerLabel(listener)} serves plain HTTP (actions: ${typesOf(actions)}); ` +
                `rules on an HTTP listener may only redirect to HTTPS: actions: ${REDIRECT_TO_HTTPS}`,
            rule.urn,
        );
    }
}

function redirectsToHttps(a: unknown): boolean {
    const action = a as Record<string, unknown>;
    const redirect = obj(action, "redirect");
    return str(action, "type") === "redirect" && redirect !== undefined && str(redirect, "protocol") === "HTTPS";
}

const typesOf = (actions: unknown[]) =>
    actions.map((a) => str(a as Record<string, unknown>, "type") ?? "?").join(", ") || "none";

function portOf(props: Record<string, unknown>): string {
    const port = props.port;
    return typeof port === "number" ? ` ${port}` : "";
}
