import type { PolicyStatement } from "./pod-identity-role";

/** Prometheus's EC2 service discovery (scrape-configs.ts): describe-only; these actions take no resource ARNs. */
export function prometheusDiscoveryStatements(): PolicyStatement[] {
    return [{ Effect: "Allow", Action: ["ec2:DescribeInstances", "ec2:DescribeAvailabilityZones"], Resource: "*" }];
}

/**
 * The cluster autoscaler (AWS's documented minimum): read the groups and
 * instance types it plans with; change the size of, and terminate instances
 * in, only the Auto Scaling groups EKS tagged as this cluster's own.
 */
export function clusterAutoscalerStatements(clusterName: string): PolicyStatement[] {
    return [
        {
            Effect: "Allow",
            Action: [
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeScalingActivities",
                "autoscaling:DescribeTags",
                "ec2:DescribeImages",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
                "eks:DescribeNodegroup",
            ],
            Resource: "*",
        },
        {
            Effect: "Allow",
            Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            Resource: "*",
            Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" } },
        },
    ];
}
