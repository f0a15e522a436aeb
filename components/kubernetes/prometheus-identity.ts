import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";

export interface PrometheusIdentityArgs {
    provider: aws.Provider;
    clusterName: pulumi.Input<string>;
    /** Namespace and service account of the Prometheus pods (controllers.ts). */
    namespace: string;
    serviceAccount: string;
    tags?: Tags;
}

/** What EC2 service discovery calls: describe-only, and these actions take no resource ARNs. */
export const PROMETHEUS_EC2_ACTIONS = ["ec2:DescribeInstances", "ec2:DescribeAvailabilityZones"];

/**
 * The AWS identity of a cluster's Prometheus, through EKS Pod Identity (the
 * eks-pod-identity-agent add-on): a role only the EKS pods service may
 * assume, allowed to describe instances and zones, associated with the
 * Prometheus service account. Pod Identity hands credentials to pods as they
 * are created, so Prometheus must start after the association exists.
 */
export class PrometheusIdentity extends pulumi.ComponentResource {
    public readonly association: aws.eks.PodIdentityAssociation;

    constructor(name: string, args: PrometheusIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:PrometheusIdentity", name, {}, opts);
        const child = () => childOptions(this, args.provider);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: "Prometheus in EKS: EC2 service discovery of the chain's nodes",
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "pods.eks.amazonaws.com" },
                            Action: ["sts:AssumeRole", "sts:TagSession"],
                        },
                    ],
                }),
                tags: mergeTags(`${name}-role`, args.tags),
            },
            child(),
        );
        const policy = new aws.iam.RolePolicy(
            `${name}-ec2-discovery`,
            {
                role: role.name,
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: PROMETHEUS_EC2_ACTIONS, Resource: "*" }],
                }),
            },
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
