/*
 * Inputs AWS or the Pulumi AWS provider refuse, checked on every registration
 * in preview and update mode alike: the mocks accept any input, so without
 * these a name or description that fails a real `pulumi preview` or
 * `pulumi up` would plan green. Each check answers with the refusal, or
 * undefined.
 */

/** The resource being registered, as the mocks see it. */
export interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/**
 * Types the provider names itself when no `name` (or `namePrefix`) is given:
 * the logical name, a hyphen and 7 random characters, refused (not
 * truncated) past the limit (pulumi-aws `AutoName(..., max, "-")`).
 */
export const AUTO_NAME_LIMITS: Readonly<Record<string, number>> = {
    "aws:lb/loadBalancer:LoadBalancer": 32,
    "aws:lb/targetGroup:TargetGroup": 32,
    "aws:iam/role:Role": 64,
};
const AUTO_NAME_SUFFIX = 8;

/** Characters EC2 allows in a security group's or a rule's description. */
const EC2_DESCRIPTION = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const DESCRIBED_BY_EC2 = new Set([
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
]);

export function autoNameRefusal(r: Registration): string | undefined {
    const max = AUTO_NAME_LIMITS[r.type];
    if (max === undefined || r.inputs.name !== undefined || r.inputs.namePrefix !== undefined) return undefined;
    const length = r.name.length + AUTO_NAME_SUFFIX;
    if (length <= max) return undefined;
    return (
        `${r.type} "${r.name}": the provider would name it "${r.name}-" and 7 random characters, ${length} in all, ` +
        `over its limit of ${max}, and refuse it; shorten the resource's name or set name or namePrefix`
    );
}

export function descriptionRefusal(r: Registration): string | undefined {
    if (!DESCRIBED_BY_EC2.has(r.type)) return undefined;
    const description = r.inputs.description;
    if (typeof description !== "string" || EC2_DESCRIPTION.test(description)) return undefined;
    const bad = [...new Set([...description].filter((c) => !EC2_DESCRIPTION.test(c)))].join("");
    return (
        `${r.type} "${r.name}": EC2 refuses the description "${description}" (characters ${JSON.stringify(bad)}); ` +
        `it allows letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*`
    );
}

/** Every refusal of one registration. */
export function inputRefusals(r: Registration): string[] {
    return [autoNameRefusal(r), descriptionRefusal(r)].filter((m): m is string => m !== undefined);
}
