import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { admitsAll } from "./lib/cidr";
import {
    bool,
    dependenciesOf,
    hasUnknownItems,
    isUnknown,
    isValidator,
    list,
    num,
    str,
    withDefaults,
} from "./lib/read";
import { T } from "./lib/types";

export interface ValidatorsPrivateConfig {
    /** Sources no security group of a validator may admit. Default ["0.0.0.0/0", "::/0"]. */
    forbiddenCidrs: string[];
}

export const VALIDATORS_PRIVATE_DEFAULTS: ValidatorsPrivateConfig = { forbiddenCidrs: ["0.0.0.0/0", "::/0"] };

type Props = Record<string, unknown>;

/** Whether `r`'s input `key` was computed from `target` (how a preview links an EIP to its instance). */
const linked = (r: PolicyResource, keys: readonly string[], target: PolicyResource) =>
    keys.some((key) => (r.propertyDependencies[key] ?? []).some((d) => d.urn === target.urn));

/** "tcp 26656", "tcp 1000-2000", "all traffic". */
function ports(rule: Props, protocolKey: string): string {
    const protocol = str(rule, protocolKey);
    if (protocol === "-1" || protocol === "all") return "all traffic";
    const from = num(rule, "fromPort");
    const to = num(rule, "toPort");
    const range = from === undefined ? "" : from === to || to === undefined ? ` ${from}` : ` ${from}-${to}`;
    return `${protocol ?? "protocol unknown"}${range}`;
}

/** The source CIDRs of one ingress rule, and whether some are unknown in this preview. */
interface Sources {
    cidrs: string[];
    unknown: string[];
}

/** Reads the CIDR list inputs `keys` of an inline or `SecurityGroupRule` rule. */
function listSources(rule: Props, keys: readonly string[]): Sources {
    const out: Sources = { cidrs: [], unknown: [] };
    for (const key of keys) {
        if (hasUnknownItems(rule, key)) out.unknown.push(key);
        out.cidrs.push(...list(rule, key).filter((c): c is string => typeof c === "string"));
    }
    return out;
}

/**
 * Reads `cidrIpv4` / `cidrIpv6` of a `SecurityGroupIngressRule`. A CIDR
 * unknown in a preview but computed from one VPC of this stack is that VPC's
 * `cidrBlock` input (the common `cidrIpv4: vpc.cidrBlock`).
 */
function ruleSources(rule: PolicyResource): Sources {
    const out: Sources = { cidrs: [], unknown: [] };
    for (const key of ["cidrIpv4", "cidrIpv6"]) {
        const cidr = str(rule.props, key);
        if (cidr !== undefined) {
            out.cidrs.push(cidr);
        } else if (isUnknown(rule.props, key)) {
            const vpcs = dependenciesOf(rule, key, T.vpc);
            const fromVpc = key === "cidrIpv4" && vpcs.length === 1 ? str(vpcs[0].props, "cidrBlock") : undefined;
            if (fromVpc !== undefined) out.cidrs.push(fromVpc);
            else out.unknown.push(key);
        }
    }
    return out;
}

/**
 * Validators hold the chain's signing keys: reachable from the internet they
 * can be attacked directly and DDoSed off the network, and their IPs become
 * public. They talk only to their own region's full nodes (the sentries), so
 * a validator has no public address and no open ingress:
 *
 * - `associatePublicIpAddress` is not true; in a subnet that maps public IPs
 *   on launch (or one this stack does not build, or none: the default VPC's
 *   subnets map public IPs) it must be explicitly false;
 * - no Elastic IP (`Eip.instance`/`networkInterface`) or EIP association
 *   (`instanceId`/`networkInterfaceId`) is computed from it;
 * - no security group attached to it (`vpcSecurityGroupIds`,
 *   `securityGroups`) admits any of `forbiddenCidrs`, whether by an inline
 *   `ingress` block, a `SecurityGroupIngressRule` or an ingress
 *   `SecurityGroupRule`. A source wider than a forbidden range (a /0 written
 *   another way) counts; a private /8 does not.
 *
 * Links come from `propertyDependencies` (ids are unknown in a preview).
 */
export const validatorsPrivate: StackValidationPolicy = {
    name: "validators-private",
    description: "Validators have no public IP, no Elastic IP, and no ingress from 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            forbiddenCidrs: {
                type: "array",
                items: { type: "string" },
                default: VALIDATORS_PRIVATE_DEFAULTS.forbiddenCidrs,
                description: "CIDR ranges no security group of a validator may admit (any source covering one counts).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { forbiddenCidrs } = withDefaults(args.getConfig<ValidatorsPrivateConfig>(), VALIDATORS_PRIVATE_DEFAULTS);
        const validators = args.resources.filter(isValidator);
        if (validators.length === 0) return;
        const ofType = (type: string) => args.resources.filter((r) => r.type === type);
        const eips = ofType(T.eip);
        const eipAssociations = ofType(T.eipAssociation);
        const ingressRules = ofType(T.ingressRule);
        const groupRules = ofType(T.securityGroupRule);

        for (const v of validators) {
            const report = (what: string) => reportViolation(`validator ${v.name} ${what}`, v.urn);

            // A public address, asked for or handed out by the subnet.
            const publicIp = bool(v.props, "associatePublicIpAddress");
            if (publicIp === true) {
                report(`has a public IP (associatePublicIpAddress: true); set associatePublicIpAddress: false`);
            } else if (publicIp === undefined && isUnknown(v.props, "associatePublicIpAddress")) {
                report(
                    `cannot be verified private during preview: associatePublicIpAddress is not known until ` +
                        `deployment; set it to a plain false`,
                );
            } else if (publicIp === undefined) {
                const subnets = dependenciesOf(v, "subnetId", T.subnet);
                if (subnets.length === 0) {
                    report(
                        `does not set associatePublicIpAddress: false and its subnet is not one this stack builds ` +
                            `(without subnetId it lands in the default VPC, whose subnets map public IPs), so ` +
                            `whether it gets a public IP cannot be verified; set associatePublicIpAddress: false`,
                    );
                }
                for (const s of subnets) {
                    const maps = bool(s.props, "mapPublicIpOnLaunch");
                    if (maps === true) {
                        report(
                            `sits in subnet ${s.name}, which maps public IPs on launch, and does not set ` +
                                `associatePublicIpAddress: false; move it to a private subnet or set ` +
                                `associatePublicIpAddress: false`,
                        );
                    } else if (maps === undefined && isUnknown(s.props, "mapPublicIpOnLaunch")) {
                        report(
                            `cannot be verified private during preview: mapPublicIpOnLaunch of its subnet ${s.name} ` +
                                `is not known until deployment; set associatePublicIpAddress: false on the validator`,
                        );
                    }
                }
            }

            // Elastic IPs pointed at it.
            for (const eip of eips.filter((e) => linked(e, ["instance", "networkInterface"], v))) {
                report(`has a public address: Elastic IP ${eip.name} is attached to it; remove the Elastic IP`);
            }
            for (const a of eipAssociations.filter((e) => linked(e, ["instanceId", "networkInterfaceId"], v))) {
                report(`has a public address: EIP association ${a.name} attaches an Elastic IP to it; remove it`);
            }

            // Open ingress on its security groups.
            const groups = [
                ...dependenciesOf(v, "vpcSecurityGroupIds", T.securityGroup),
                ...dependenciesOf(v, "securityGroups", T.securityGroup),
            ].filter((g, i, all) => all.findIndex((x) => x.urn === g.urn) === i);
            for (const sg of groups) {
                /** `rule` names it ("inline ingress", "rule ssh"), `what` says what it admits ("tcp 22"). */
                const check = (sources: Sources, rule: string, what: string) => {
                    for (const cidr of sources.cidrs) {
                        if (!forbiddenCidrs.some((f) => admitsAll(cidr, f))) continue;
                        report(
                            `is exposed: its security group ${sg.name} allows ingress from ${cidr} (${rule}, ${what}); ` +
                                `validators take traffic only from their full nodes and the VPC: remove the rule ` +
                                `or narrow its source`,
                        );
                    }
                    if (sources.unknown.length > 0) {
                        report(
                            `cannot be verified private during preview: ${sources.unknown.join(", ")} of ${rule} ` +
                                `(${what}) in its security group ${sg.name} is not known until deployment; ` +
                                `set it from a plain CIDR string`,
                        );
                    }
                };
                if (hasUnknownItems(sg.props, "ingress")) {
                    report(
                        `cannot be verified private during preview: the inline ingress rules of its security group ` +
                            `${sg.name} are not known until deployment; write them from plain values`,
                    );
                }
                for (const rule of list(sg.props, "ingress")) {
                    const r = rule as Props;
                    check(listSources(r, ["cidrBlocks", "ipv6CidrBlocks"]), "inline ingress", ports(r, "protocol"));
                }
                for (const rule of ingressRules.filter((r) => linked(r, ["securityGroupId"], sg))) {
                    check(ruleSources(rule), `rule ${rule.name}`, ports(rule.props, "ipProtocol"));
                }
                for (const rule of groupRules.filter((r) => linked(r, ["securityGroupId"], sg))) {
                    // An unknown type might be ingress: check it as one.
                    if (str(rule.props, "type") === "egress") continue;
                    const sources = listSources(rule.props, ["cidrBlocks", "ipv6CidrBlocks"]);
                    check(sources, `rule ${rule.name}`, ports(rule.props, "protocol"));
                }
            }
        }
    },
};
