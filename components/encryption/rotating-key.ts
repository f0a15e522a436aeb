import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions, invokeOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";

export interface RotatingKeyArgs {
    /** Resource-name prefix: the children are `<prefix>-key` and `<prefix>-alias`. */
    prefix: string;
    /** The region's AWS provider: a key lives in the region of what it encrypts. */
    provider: aws.Provider;
    /** Alias without the `alias/` prefix. */
    alias: string;
    description: string;
    /** Key policy; the account's default policy when absent. */
    policy?: pulumi.Input<string>;
    /** Protect the key (production): deleting it makes what it encrypts unreadable. */
    protect: boolean;
    tags?: Tags;
}

/**
 * A symmetric KMS key with yearly rotation, a 30-day deletion window and an
 * alias, as every encryption key of the stack is made (EBS, backups, Redis,
 * Kubernetes Secrets). Children of `parent`, on the region's provider.
 */
export function rotatingKey(parent: pulumi.Resource, args: RotatingKeyArgs): aws.kms.Key {
    const key = new aws.kms.Key(
        `${args.prefix}-key`,
        {
            description: args.description,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            ...(args.policy === undefined ? {} : { policy: args.policy }),
            tags: mergeTags(`${args.prefix}-key`, args.tags),
        },
        childOptions(parent, args.provider, { protect: args.protect }),
    );
    new aws.kms.Alias(
        `${args.prefix}-alias`,
        { name: `alias/${args.alias}`, targetKeyId: key.keyId },
        childOptions(parent, args.provider),
    );
    return key;
}

/** One statement of a key policy. */
export type KeyPolicyStatement = Record<string, unknown>;

/**
 * A key policy for this account: the account's root administers the key
 * (and so delegates its use to IAM), then `more(account, partition)`'s
 * statements for the services that must use the key themselves. Looks the
 * account up through the region's provider.
 */
export function accountKeyPolicy(
    parent: pulumi.Resource,
    provider: aws.Provider,
    more: (account: string, partition: string) => KeyPolicyStatement[] = () => [],
    rootSid = "AccountAdministers",
): pulumi.Output<string> {
    const identity = aws.getCallerIdentityOutput({}, invokeOptions(parent, provider));
    const partition = aws.getPartitionOutput({}, invokeOptions(parent, provider));
    return pulumi.all([identity.accountId, partition.partition]).apply(([account, part]) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: rootSid,
                    Effect: "Allow",
                    Principal: { AWS: `arn:${part}:iam::${account}:root` },
                    Action: "kms:*",
                    Resource: "*",
                },
                ...more(account, part),
            ],
        }),
    );
}
