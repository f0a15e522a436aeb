import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { list, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface DnsRoutingConsistentConfig {
    /** Whether every geolocation set must have a `*` default record. Default true. */
    requireGeolocationDefault: boolean;
}

export const DNS_ROUTING_CONSISTENT_DEFAULTS: DnsRoutingConsistentConfig = { requireGeolocationDefault: true };

/** Route53 routing policy inputs, by the name messages use. */
const POLICY_INPUTS: Record<string, string> = {
    failover: "failoverRoutingPolicies",
    geolocation: "geolocationRoutingPolicies",
    geoproximity: "geoproximityRoutingPolicy",
    latency: "latencyRoutingPolicies",
    weighted: "weightedRoutingPolicies",
    cidr: "cidrRoutingPolicy",
};

type Props = Record<string, unknown>;

/** A record's routing policy: the one its inputs set, multivalue, or simple. */
function routingOf(record: PolicyResource): string {
    const set = Object.entries(POLICY_INPUTS).filter(([, key]) => {
        const v = record.props[key];
        return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
    });
    if (set.length > 0) return set.map(([name]) => name).join("+");
    return record.props.multivalueAnswerRoutingPolicy === true ? "multivalue" : "simple";
}

/** A record's zone: its known zone id, else the zone resource it was computed from. */
function zoneKeyOf(record: PolicyResource): string | undefined {
    return str(record.props, "zoneId") ?? record.propertyDependencies.zoneId?.[0]?.urn;
}

/**
 * Route53 answers a name and type with one routing policy only: a change
 * batch that mixes them is rejected, and DNS for the name is then whatever
 * was there before. Within a set: geolocation needs a `*` default record or
 * clients outside the listed places get no answer, and failover needs one
 * PRIMARY and one SECONDARY. Records are grouped by zone, name and type; a
 * record whose name is unknown until deployment (certificate validation)
 * cannot collide by name and is skipped.
 */
export const dnsRoutingConsistent: StackValidationPolicy = {
    name: "dns-routing-consistent",
    description:
        "Per name and type one routing policy; geolocation sets have a * default; failover sets one primary and one secondary.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireGeolocationDefault: {
                type: "boolean",
                default: DNS_ROUTING_CONSISTENT_DEFAULTS.requireGeolocationDefault,
                description: "Whether every geolocation record set must include a default (country *) record.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { requireGeolocationDefault } = withDefaults(
            args.getConfig<DnsRoutingConsistentConfig>(),
            DNS_ROUTING_CONSISTENT_DEFAULTS,
        );
        const sets = new Map<string, { name: string; type: string; records: PolicyResource[] }>();
        for (const r of args.resources) {
            if (r.type !== T.route53Record) continue;
            const name = str(r.props, "name")?.toLowerCase().replace(/\.$/, "");
            const type = str(r.props, "type");
            const zone = zoneKeyOf(r);
            if (name === undefined || type === undefined || zone === undefined) continue;
            const key = `${zone} ${name} ${type}`;
            const set = sets.get(key) ?? { name, type, records: [] };
            set.records.push(r);
            sets.set(key, set);
        }

        for (const { name, type, records } of sets.values()) {
            const what = `${name} ${type}`;
            const urn = records[0].urn;
            const policies = [...new Set(records.map(routingOf))].sort();
            if (policies.length > 1) {
                reportViolation(
                    `${what} mixes routing policies (${policies.join(", ")}) across ${records.map((r) => r.name).join(", ")}; ` +
                        `Route53 rejects the change: give the name one routing policy`,
                    urn,
                );
                continue;
            }
            const [policy] = policies;
            if (policy === "simple" && records.length > 1) {
                reportViolation(
                    `${what} is defined ${records.length} times with simple routing (${records.map((r) => r.name).join(", ")}); ` +
                        `define it once`,
                    urn,
                );
            } else if (policy === "geolocation" && requireGeolocationDefault) {
                const hasDefault = records.some((r) =>
                    list(r.props, "geolocationRoutingPolicies").some((g) => str(g as Props, "country") === "*"),
                );
                if (!hasDefault) {
                    reportViolation(
                        `${what} is routed by geolocation without a default record; clients outside the listed ` +
                            `locations get no answer: add one with geolocationRoutingPolicies: [{ country: "*" }]`,
                        urn,
                    );
                }
            } else if (policy === "failover") {
                const roles = records.flatMap((r) =>
                    list(r.props, "failoverRoutingPolicies").map((f) => str(f as Props, "type") ?? "?"),
                );
                const count = (role: string) => roles.filter((x) => x === role).length;
                if (count("PRIMARY") !== 1 || count("SECONDARY") !== 1 || roles.length !== 2) {
                    reportViolation(
                        `${what} is a failover set of ${roles.join(", ") || "no roles"}; it needs exactly one ` +
                            `PRIMARY and one SECONDARY record`,
                        urn,
                    );
                }
            }
        }
    },
};
