import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";

/** One statement of an IAM policy. */
export interface PolicyStatement {
    Effect: "Allow";
    Action: string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string>>;
}

export interface PodIdentityRoleArgs {
    provider: aws.Provider;
    clusterName: pulumi.Input<string>;
    /** Namespace and service account of the pods the role is for. */
    namespace: string;
    serviceAccount: string;
    /** What the role may do, and no more. */
    description: string;
    statements: PolicyStatement[];
    tags?: Tags;
}

/**
 * The AWS identity of one service account's pods, through EKS Pod Identity
 * (the eks-pod-identity-agent add-on): a role only the EKS pods service may
 * assume, and only for this cluster, namespace and service account (the
 * session tags Pod Identity sets), with its own inline policy, associated
 * with the service account.
 * Pod Identity hands credentials to pods as they are created, so the pods
 * must start after `association` exists (depend on it).
 */
export class PodIdentityRole extends pulumi.ComponentResource {
    public readonly association: aws.eks.PodIdentityAssociation;

    constructor(name: string, args: PodIdentityRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:PodIdentityRole", name, {}, opts);
        const child = () => childOptions(this, args.provider);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: args.description,
                // Pod Identity tags the session with the cluster, namespace and service account:
                // only this association's pods may assume the role, not any other association in the account.
                assumeRolePolicy: pulumi.output(args.clusterName).apply((cluster) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Service: "pods.eks.amazonaws.com" },
                                Action: ["sts:AssumeRole", "sts:TagSession"],
                                Condition: {
                                    StringEquals: {
                                        "aws:RequestTag/eks-cluster-name": cluster,
                                        "aws:RequestTag/kubernetes-namespace": args.namespace,
                                        "aws:RequestTag/kubernetes-service-account": args.serviceAccount,
                                    },
                                },
                            },
                        ],
                    }),
                ),
                tags: mergeTags(`${name}-role`, args.tags),
            },
            child(),
        );
        const policy = new aws.iam.RolePolicy(
            `${name}-policy`,
            { role: role.name, policy: JSON.stringify({ Version: "2012-10-17", Statement: args.statements }) },
            child(),
        );
        this.association = new aws.eks.PodIdentityAssociation(
            `${name}-association`,
            {
                clusterName: args.clusterName,
                namespace: args.namespace,
                serviceAccount: args.serviceAccount,
                roleArn: role.arn,
                tags: mergeTags(`${name}-association`, args.tags),
            },
            childOptions(this, args.provider, { dependsOn: [policy] }),
        );
        this.registerOutputs({ roleArn: role.arn });
    }
}
