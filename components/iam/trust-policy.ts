/**
 * A role trust policy that lets one AWS service assume the role: the EC2
 * instances of a node role, EKS for a cluster role. `action` as the service
 * needs it (EKS also tags its sessions).
 */
export function serviceTrustPolicy(service: string, action: string | string[] = "sts:AssumeRole"): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: action }],
    });
}
