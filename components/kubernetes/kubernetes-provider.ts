import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { clusterIdentifier } from "./cluster-identifier";

export interface ClusterProviderArgs {
    region: string;
    clusterName: string;
    endpoint: pulumi.Input<string>;
    certificateAuthorityData: pulumi.Input<string | undefined>;
    /** Role whose access entry grants cluster-admin; the token is requested as it. */
    adminRoleArn?: string;
}

/**
 * A kubeconfig that gets a token from `aws eks get-token` (as the admin role
 * when one is configured). The endpoint is private: it resolves only inside
 * the VPC (README, "Reaching a cluster").
 */
export function kubeconfig(args: ClusterProviderArgs): pulumi.Output<string> {
    const tokenArgs = ["eks", "get-token", "--cluster-name", args.clusterName, "--region", args.region];
    if (args.adminRoleArn !== undefined) tokenArgs.push("--role-arn", args.adminRoleArn);
    return pulumi.all([args.endpoint, args.certificateAuthorityData]).apply(([server, ca]) =>
        JSON.stringify({
            apiVersion: "v1",
            kind: "Config",
            clusters: [{ name: args.clusterName, cluster: { server, "certificate-authority-data": ca } }],
            users: [
                {
                    name: "aws",
                    user: {
                        exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: tokenArgs },
                    },
                },
            ],
            contexts: [{ name: args.clusterName, context: { cluster: args.clusterName, user: "aws" } }],
            "current-context": args.clusterName,
        }),
    );
}

/**
 * The Kubernetes provider of one cluster, passed explicitly to every
 * Kubernetes resource (never the ambient kubeconfig). Its known
 * `clusterIdentifier` (cluster-identifier.ts) ties it to its region.
 */
export function clusterProvider(
    name: string,
    args: ClusterProviderArgs,
    opts: pulumi.CustomResourceOptions,
): k8s.Provider {
    return new k8s.Provider(
        name,
        {
            kubeconfig: kubeconfig(args),
            clusterIdentifier: clusterIdentifier(args.region, args.clusterName),
            enableServerSideApply: true,
            deleteUnreachable: false,
        },
        opts,
    );
}
