import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions, invokeOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { serviceTrustPolicy } from "./trust-policy";

export interface NodeInstanceRoleArgs {
    /** The region's AWS provider; IAM is global but the provider still reaches every child. */
    provider: aws.Provider;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * The EC2 role and instance profile of one node role in one region. It holds
 * only the AWS-managed SSM core policy, so operators reach nodes through
 * Session Manager instead of SSH; each node role gets its own so later
 * permissions (e.g. backup writes) can be granted to one role alone.
 */
export class NodeInstanceRole extends pulumi.ComponentResource {
    public readonly roleName: pulumi.Output<string>;
    public readonly instanceProfileName: pulumi.Output<string>;
    public readonly instanceProfileArn: pulumi.Output<string>;

    constructor(name: string, args: NodeInstanceRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:iam:NodeInstanceRole", name, {}, opts);
        const partition = aws.getPartitionOutput({}, invokeOptions(this, args.provider));

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"),
                tags: mergeTags(`${name}-role`, args.tags),
            },
            childOptions(this, args.provider),
        );
        new aws.iam.RolePolicyAttachment(
            `${name}-ssm-core`,
            {
                role: role.name,
                policyArn: pulumi.interpolate`arn:${partition.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore`,
            },
            childOptions(this, args.provider),
        );
        const profile = new aws.iam.InstanceProfile(
            `${name}-profile`,
            { role: role.name, tags: mergeTags(`${name}-profile`, args.tags) },
            childOptions(this, args.provider),
        );

        this.roleName = role.name;
        this.instanceProfileName = profile.name;
        this.instanceProfileArn = profile.arn;
        this.registerOutputs({ roleName: this.roleName, instanceProfileArn: this.instanceProfileArn });
    }
}
