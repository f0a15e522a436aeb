import type { RecordedResource } from "../../harness/run-program";
import { known, knownString, TYPES } from "../../harness/recorded";
import type { EndpointsReport, ListenerReport } from "./report-types";

/*
 * Per region: its load balancers, their listeners (with TLS policy and what
 * they do) and its WAF rules, read from the recorded resources.
 */

const LB = TYPES.loadBalancer;
const LISTENER = TYPES.listener;
const LISTENER_RULE = TYPES.listenerRule;
const WEB_ACL = TYPES.webAcl;
const TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";

type Props = Record<string, unknown>;
const asProps = (v: unknown): Props => (v !== null && typeof v === "object" ? (v as Props) : {});
const asList = (v: unknown): unknown[] => {
    const k = known(v);
    return Array.isArray(k) ? k : [];
};

/**
 * What a listener's default action or a rule's action does, in words. A
 * forward names the target group it depends on, without its region prefix
 * (the target group ARN is unknown in a preview; its dependency is not).
 */
export function actionOf(
    resource: RecordedResource,
    key: "defaultActions" | "actions",
    byUrn: ReadonlyMap<string, RecordedResource>,
    region: string,
): string {
    const [first] = asList(resource.inputs[key]).map(asProps);
    if (first === undefined) return "none";
    const type = knownString(first.type) ?? "unknown";
    if (type === "redirect") {
        const redirect = asProps(known(first.redirect));
        return `redirect to ${knownString(redirect.protocol) ?? "?"}`;
    }
    const targets = (resource.propertyDependencies[key] ?? [])
        .map((urn) => byUrn.get(urn))
        .filter((r): r is RecordedResource => r?.type === TARGET_GROUP)
        .map((r) => r.name.replace(new RegExp(`^${region}-`), ""));
    return type === "forward" && targets.length > 0 ? `forward to ${targets.join(", ")}` : type;
}

/** A listener's rules, in priority order: the hosts each matches and its action. */
function rulesOf(
    listener: RecordedResource,
    rules: readonly RecordedResource[],
    byUrn: ReadonlyMap<string, RecordedResource>,
    region: string,
) {
    return rules
        .filter((r) => r.propertyDependencies.listenerArn?.[0] === listener.urn)
        .map((r) => {
            const priority = known(r.inputs.priority);
            const hosts = asList(r.inputs.conditions).flatMap((c) =>
                asList(asProps(known(asProps(c).hostHeader)).values).map((v) => knownString(v) ?? "?"),
            );
            return {
                priority: typeof priority === "number" ? priority : null,
                hosts,
                action: actionOf(r, "actions", byUrn, region),
            };
        })
        .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
}

/** What a WAF rule does: block, count, or its managed group's own actions. */
function ruleAction(rule: Props): string {
    const action = asProps(known(rule.action));
    const override = asProps(known(rule.overrideAction));
    if (Object.keys(action).length > 0) return Object.keys(action)[0];
    const statement = asProps(known(rule.statement));
    const managed = asProps(known(statement.managedRuleGroupStatement));
    const counted = asList(managed.ruleActionOverrides)
        .map((o) => knownString(asProps(o).name))
        .filter((n): n is string => n !== undefined);
    const base = "none" in override ? "managed" : (Object.keys(override)[0] ?? "?");
    return counted.length > 0 ? `${base}, counts ${counted.join(", ")}` : base;
}

export function regionEndpoints(
    resources: readonly RecordedResource[],
    regionOf: Map<string, string | undefined>,
    region: string,
): EndpointsReport {
    const here = (type: string) => resources.filter((r) => r.type === type && regionOf.get(r.urn) === region);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const loadBalancers = here(LB)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((lb) => ({
            name: lb.name,
            type: knownString(lb.inputs.loadBalancerType) ?? "application",
            internetFacing: known(lb.inputs.internal) !== true,
        }));
    const listeners: ListenerReport[] = here(LISTENER)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((l) => {
            const port = known(l.inputs.port);
            return {
                loadBalancer: byUrn.get(l.propertyDependencies.loadBalancerArn?.[0] ?? "")?.name ?? "(unknown)",
                port: typeof port === "number" ? port : null,
                protocol: knownString(l.inputs.protocol) ?? "HTTP",
                sslPolicy: knownString(l.inputs.sslPolicy) ?? null,
                action: actionOf(l, "defaultActions", byUrn, region),
                rules: rulesOf(l, here(LISTENER_RULE), byUrn, region),
            };
        });
    const wafRules = here(WEB_ACL).flatMap((acl) =>
        asList(acl.inputs.rules)
            .map(asProps)
            .sort((a, b) => Number(known(a.priority) ?? 0) - Number(known(b.priority) ?? 0))
            .map((rule) => ({ webAcl: acl.name, rule: knownString(rule.name) ?? "?", action: ruleAction(rule) })),
    );
    return { loadBalancers, listeners, wafRules };
}
