import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import type { Tags } from "../common/tags";
import { accountKeyPolicy, rotatingKey } from "./rotating-key";

export interface EbsKeyArgs {
    /** The region's AWS provider; the key and every lookup use it. */
    provider: aws.Provider;
    /** Alias without the `alias/` prefix, e.g. `virtengine-production-us-east-1-ebs`. */
    alias: string;
    /** Protect the key from `pulumi destroy` (production): losing it loses every volume. */
    protect: boolean;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * The KMS key that encrypts a region's EBS volumes (validator data volumes,
 * every root device, full-node volumes), with yearly rotation.
 *
 * The key policy lets the account administer it and lets the Auto Scaling
 * service-linked role use it: without that grant an Auto Scaling group cannot
 * launch instances whose volumes use a customer-managed key.
 */
export class EbsKey extends pulumi.ComponentResource {
    public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: EbsKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:encryption:EbsKey", name, {}, opts);
        const policy = accountKeyPolicy(this, args.provider, (account, part) => {
            const autoscaling = `arn:${part}:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
            return [
                {
                    Sid: "AutoScalingUsesKey",
                    Effect: "Allow",
                    Principal: { AWS: autoscaling },
                    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                    Resource: "*",
                },
                {
                    Sid: "AutoScalingGrantsForAttachedVolumes",
                    Effect: "Allow",
                    Principal: { AWS: autoscaling },
                    Action: "kms:CreateGrant",
                    Resource: "*",
                    Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
                },
            ];
        });

        const key = rotatingKey(this, {
            prefix: name,
            provider: args.provider,
            alias: args.alias,
            description: `EBS encryption for VirtEngine nodes (${args.alias})`,
            policy,
            protect: args.protect,
            tags: args.tags,
        });

        this.keyArn = key.arn;
        this.registerOutputs({ keyArn: this.keyArn });
    }
}
