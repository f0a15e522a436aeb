import { autoNameRefusal, descriptionRefusal, inputRefusals } from "../../tools/harness/mock-state/input-checks";

const TG = "aws:lb/targetGroup:TargetGroup";

describe("inputs the provider or AWS refuse", () => {
    it("refuses an auto-name past the provider's limit, at the boundary, unless a name or prefix is given", () => {
        // 24 characters + "-" + 7 = 32: fits; 25 + 8 = 33 does not.
        expect(autoNameRefusal({ type: TG, name: "a".repeat(24), inputs: {} })).toBeUndefined();
        expect(autoNameRefusal({ type: TG, name: "a".repeat(25), inputs: {} })).toBe(
            `${TG} "${"a".repeat(25)}": the provider would name it "${"a".repeat(25)}-" and 7 random characters, ` +
                "33 in all, over its limit of 32, and refuse it; shorten the resource's name or set name or namePrefix",
        );
        expect(autoNameRefusal({ type: TG, name: "a".repeat(40), inputs: { namePrefix: "rest-" } })).toBeUndefined();
        expect(autoNameRefusal({ type: TG, name: "a".repeat(40), inputs: { name: "short" } })).toBeUndefined();
        expect(autoNameRefusal({ type: "aws:iam/role:Role", name: "r".repeat(57), inputs: {} })).toMatch(/65 in all/);
        expect(autoNameRefusal({ type: "aws:s3/bucketV2:BucketV2", name: "b".repeat(80), inputs: {} })).toBeUndefined();
    });

    it("refuses a security group or rule description with a character EC2 does not allow", () => {
        const rule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
        expect(
            descriptionRefusal({ type: rule, name: "r", inputs: { description: "P2P from this region's nodes" } }),
        ).toBe(
            `${rule} "r": EC2 refuses the description "P2P from this region's nodes" (characters "'"); ` +
                "it allows letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
        );
        const allowed = "HTTPS (RPC, REST) 443: from 0.0.0.0/0 #1 @edge [a]+b=c&d;{e}!$*_-";
        expect(descriptionRefusal({ type: rule, name: "r", inputs: { description: allowed } })).toBeUndefined();
        // Other resources' descriptions follow their own rules.
        expect(
            descriptionRefusal({ type: "aws:kms/key:Key", name: "k", inputs: { description: "the chain's key" } }),
        ).toBeUndefined();
    });

    it("lists every refusal of one registration", () => {
        const sg = { type: "aws:ec2/securityGroup:SecurityGroup", name: "sg", inputs: { description: "it's" } };
        expect(inputRefusals(sg)).toHaveLength(1);
        expect(inputRefusals({ type: TG, name: "t", inputs: {} })).toEqual([]);
    });
});
