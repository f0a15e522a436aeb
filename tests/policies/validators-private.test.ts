import { admitsAll, parseCidr } from "../../policies/lib/cidr";
import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { find, inRegion, resource, topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "validators-private";
const VALIDATOR = "us-east-1-validator-0-us-east-1a";

/** A stack of one us-east-1 validator, with helpers to add what could expose it. */
function stack() {
    const resources = topology({ "us-east-1": { validators: ["a"] }, "eu-west-1": { validators: ["a"] } });
    const validator = find(resources, VALIDATOR);
    const region = inRegion(resources, "us-east-1");
    const add = (type: string, name: string, inputs: Record<string, unknown>, deps: Record<string, string[]> = {}) => {
        const r = resource(type, name, inputs, { ...region, propertyDependencies: deps });
        resources.push(r);
        return r;
    };
    /** A security group attached to the validator (through `vpcSecurityGroupIds` or `securityGroups`). */
    const group = (inputs: Record<string, unknown> = {}, key = "vpcSecurityGroupIds") => {
        const sg = add("aws:ec2/securityGroup:SecurityGroup", "us-east-1-validator-sg", { vpcId: UNKNOWN, ...inputs });
        validator.inputs[key] = [UNKNOWN];
        validator.propertyDependencies[key] = [...(validator.propertyDependencies[key] ?? []), sg.urn];
        return sg;
    };
    return { resources, validator, add, group };
}

const messages = (resources: RecordedResource[], config?: unknown) => messagesOf(POLICY, resources, config);

describe("validators-private", () => {
    it("passes private validators without public ingress", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    describe("public IPs", () => {
        it("fails a validator with a public IP, naming it", async () => {
            const resources = topology({ "us-east-1": { validators: [{ zone: "a", publicIp: true }] } });
            const found = of(await evaluate(resources), POLICY);
            expect(found).toHaveLength(1);
            expect(found[0].enforcementLevel).toBe("mandatory");
            expect(found[0].urn).toContain(VALIDATOR);
            expect(found[0].message).toBe(
                `validator ${VALIDATOR} has a public IP (associatePublicIpAddress: true); ` +
                    `set associatePublicIpAddress: false`,
            );
        });

        it("fails a validator in a subnet that maps public IPs unless it explicitly asks for none", async () => {
            const { resources, validator } = stack();
            find(resources, "us-east-1-private-a").inputs.mapPublicIpOnLaunch = true;
            delete validator.inputs.associatePublicIpAddress;
            expect(await messages(resources)).toEqual([
                `validator ${VALIDATOR} sits in subnet us-east-1-private-a, which maps public IPs on launch, and does ` +
                    `not set associatePublicIpAddress: false; move it to a private subnet or set ` +
                    `associatePublicIpAddress: false`,
            ]);
            validator.inputs.associatePublicIpAddress = false;
            expect(await messages(resources)).toEqual([]);
        });

        it("passes a validator that says nothing in a subnet of this stack that maps no public IPs", async () => {
            const { resources, validator } = stack();
            delete validator.inputs.associatePublicIpAddress;
            expect(await messages(resources)).toEqual([]);
        });

        it("fails a validator that says nothing and whose subnet this stack does not build", async () => {
            const { resources, validator } = stack();
            delete validator.inputs.associatePublicIpAddress;
            validator.inputs.subnetId = "subnet-0123456789abcdef0";
            validator.propertyDependencies = {};
            expect(await messages(resources)).toEqual([
                expect.stringContaining(
                    "whether it gets a public IP cannot be verified; set associatePublicIpAddress: false",
                ),
            ]);
        });

        it("says a public-IP flag unknown in the preview cannot be verified", async () => {
            const { resources, validator } = stack();
            validator.inputs.associatePublicIpAddress = UNKNOWN;
            expect(await messages(resources)).toEqual([
                expect.stringContaining("cannot be verified private during preview: associatePublicIpAddress"),
            ]);
        });
    });

    describe("Elastic IPs", () => {
        it("fails an EIP whose instance is the validator", async () => {
            const { resources, validator, add } = stack();
            add(
                "aws:ec2/eip:Eip",
                "validator-eip",
                { domain: "vpc", instance: UNKNOWN },
                { instance: [validator.urn] },
            );
            expect(await messages(resources)).toEqual([
                `validator ${VALIDATOR} has a public address: Elastic IP validator-eip is attached to it; ` +
                    `remove the Elastic IP`,
            ]);
        });

        it("fails an EIP association by instanceId or by the validator's network interface", async () => {
            for (const key of ["instanceId", "networkInterfaceId"]) {
                const { resources, validator, add } = stack();
                const eip = add("aws:ec2/eip:Eip", "eip", { domain: "vpc" });
                add(
                    "aws:ec2/eipAssociation:EipAssociation",
                    "validator-eip-assoc",
                    { allocationId: UNKNOWN, [key]: UNKNOWN },
                    { allocationId: [eip.urn], [key]: [validator.urn] },
                );
                expect(await messages(resources)).toEqual([
                    expect.stringContaining("has a public address: EIP association validator-eip-assoc"),
                ]);
            }
        });

        it("passes EIPs of other resources (a NAT gateway's)", async () => {
            const { resources, add } = stack();
            add("aws:ec2/eip:Eip", "nat-eip", { domain: "vpc" });
            expect(await messages(resources)).toEqual([]);
        });
    });

    describe("security groups", () => {
        const open = (cidr: string) =>
            `is exposed: its security group us-east-1-validator-sg allows ingress from ${cidr}`;

        it("fails inline ingress from 0.0.0.0/0 or ::/0, naming the validator, group, source and port", async () => {
            const { resources, group } = stack();
            group({
                ingress: [
                    { protocol: "tcp", fromPort: 26656, toPort: 26656, cidrBlocks: ["10.0.0.0/16", "0.0.0.0/0"] },
                    { protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] },
                ],
            });
            expect(await messages(resources)).toEqual([
                `validator ${VALIDATOR} ${open("0.0.0.0/0")} (inline ingress, tcp 26656); validators take traffic ` +
                    `only from their full nodes and the VPC: remove the rule or narrow its source`,
                expect.stringContaining(`${open("::/0")} (inline ingress, all traffic)`),
            ]);
        });

        it("passes a private /8 and a group that is not the validator's", async () => {
            const { resources, group, add } = stack();
            group({ ingress: [{ protocol: "tcp", fromPort: 26660, toPort: 26660, cidrBlocks: ["10.0.0.0/8"] }] });
            add("aws:ec2/securityGroup:SecurityGroup", "full-node-sg", {
                ingress: [{ protocol: "tcp", fromPort: 26656, toPort: 26656, cidrBlocks: ["0.0.0.0/0"] }],
            });
            expect(await messages(resources)).toEqual([]);
        });

        it("fails a SecurityGroupIngressRule on the validator's group (cidrIpv4 and cidrIpv6)", async () => {
            const { resources, group, add } = stack();
            const sg = group({}, "securityGroups");
            const rule = (name: string, inputs: Record<string, unknown>) =>
                add(
                    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    name,
                    { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22, ...inputs },
                    { securityGroupId: [sg.urn] },
                );
            rule("ssh-v4", { cidrIpv4: "0.0.0.0/0" });
            rule("ssh-v6", { cidrIpv6: "::/0" });
            rule("metrics-vpc", { cidrIpv4: "10.0.0.0/16" });
            expect(await messages(resources)).toEqual([
                expect.stringContaining(`${open("0.0.0.0/0")} (rule ssh-v4, tcp 22)`),
                expect.stringContaining(`${open("::/0")} (rule ssh-v6, tcp 22)`),
            ]);
        });

        it("fails an ingress SecurityGroupRule and passes an egress one", async () => {
            const { resources, group, add } = stack();
            const sg = group();
            const rule = (name: string, type: string) =>
                add(
                    "aws:ec2/securityGroupRule:SecurityGroupRule",
                    name,
                    {
                        type,
                        securityGroupId: UNKNOWN,
                        protocol: "tcp",
                        fromPort: 0,
                        toPort: 65535,
                        cidrBlocks: ["0.0.0.0/0"],
                    },
                    { securityGroupId: [sg.urn] },
                );
            rule("all-out", "egress");
            expect(await messages(resources)).toEqual([]);
            rule("all-in", "ingress");
            expect(await messages(resources)).toEqual([
                expect.stringContaining(`${open("0.0.0.0/0")} (rule all-in, tcp 0-65535)`),
            ]);
        });

        it("compares ranges, not strings: another spelling of /0 fails", async () => {
            const { resources, group } = stack();
            group({
                ingress: [
                    { protocol: "tcp", fromPort: 1, toPort: 1, cidrBlocks: ["10.1.2.3/0"], ipv6CidrBlocks: ["0::0/0"] },
                ],
            });
            expect(await messages(resources)).toHaveLength(2);
        });

        it("reads a CIDR computed from a VPC of the stack, and says an unknown one cannot be verified", async () => {
            const { resources, group, add } = stack();
            const sg = group();
            const vpc = find(resources, "us-east-1-vpc");
            add(
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "from-vpc",
                { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 26660, toPort: 26660, cidrIpv4: UNKNOWN },
                { securityGroupId: [sg.urn], cidrIpv4: [vpc.urn] },
            );
            expect(await messages(resources)).toEqual([]);
            add(
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "from-somewhere",
                { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 26660, toPort: 26660, cidrIpv4: UNKNOWN },
                { securityGroupId: [sg.urn] },
            );
            expect(await messages(resources)).toEqual([
                `validator ${VALIDATOR} cannot be verified private during preview: cidrIpv4 of rule ` +
                    `from-somewhere (tcp 26660) in its security group us-east-1-validator-sg is not known until ` +
                    `deployment; set it from a plain CIDR string`,
            ]);
        });
    });

    describe("config", () => {
        it("takes other forbidden ranges: a /8 fails once it is listed", async () => {
            const { resources, group } = stack();
            group({ ingress: [{ protocol: "tcp", fromPort: 26660, toPort: 26660, cidrBlocks: ["10.0.0.0/8"] }] });
            expect(await messages(resources)).toEqual([]);
            const config = { [POLICY]: { forbiddenCidrs: ["0.0.0.0/0", "::/0", "10.0.0.0/8"] } };
            expect(await messages(resources, config)).toEqual([
                expect.stringContaining("allows ingress from 10.0.0.0/8 (inline ingress, tcp 26660)"),
            ]);
        });

        it("can be disabled or lowered to advisory", async () => {
            const resources = topology({ "us-east-1": { validators: [{ zone: "a", publicIp: true }] } });
            expect(of(await evaluate(resources, { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const advisory = of(await evaluate(resources, { [POLICY]: "advisory" }), POLICY);
            expect(advisory.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        });

        it("rejects forbiddenCidrs that is not a list of strings", async () => {
            const bad = await runPolicyPack(topology(), {
                config: { [POLICY]: { forbiddenCidrs: "0.0.0.0/0" } },
                source: "x.json",
            });
            expect(bad.ok).toBe(false);
        });
    });

    describe("CIDR ranges (lib/cidr.ts)", () => {
        it.each([
            ["0.0.0.0/0", "0.0.0.0/0", true],
            ["10.9.8.7/0", "0.0.0.0/0", true],
            ["0.0.0.0/1", "0.0.0.0/0", false],
            ["10.0.0.0/8", "0.0.0.0/0", false],
            ["10.0.0.0/8", "10.1.0.0/16", true],
            ["10.1.0.0/16", "10.0.0.0/8", false],
            ["::/0", "::/0", true],
            ["0:0:0:0:0:0:0:0/0", "::/0", true],
            ["::/0", "0.0.0.0/0", false],
            ["2001:db8::/32", "2001:db8:1::/48", true],
            ["::ffff:10.0.0.0/104", "::ffff:10.1.0.0/112", true],
            ["not a cidr", "not a cidr", true],
        ])("%s admits all of %s: %s", (source, range, expected) => {
            expect(admitsAll(source, range)).toBe(expected);
        });

        it("refuses what is not a CIDR", () => {
            for (const bad of ["10.0.0.0", "10.0.0.256/8", "10.0.0.0/33", "1::2::3/64", "12345::/16", "::/129"]) {
                expect(parseCidr(bad)).toBeUndefined();
            }
        });
    });
});
