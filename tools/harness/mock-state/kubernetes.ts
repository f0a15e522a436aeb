import { hexId, type StateTable } from "./types";

// A syntactically valid placeholder: base64 of a PEM block that is not a real certificate.
const PLACEHOLDER_CA = Buffer.from(
    "-----BEGIN CERTIFICATE-----\nb2ZmbGluZS1wbGFuLXBsYWNlaG9sZGVy\n-----END CERTIFICATE-----\n",
).toString("base64");

/** EKS clusters and what Kubernetes providers are configured from. */
export const kubernetesState: StateTable = {
    "aws:eks/cluster:Cluster": (r) => {
        const name = (r.inputs.name as string | undefined) ?? `${r.name}-${hexId(`name:${r.name}`, 7)}`;
        const id = hexId(`eks:${r.region}:${r.name}`, 32).toUpperCase();
        return {
            id: name,
            name,
            arn: `arn:aws:eks:${r.region}:${r.accountId}:cluster/${name}`,
            endpoint: `https://${id}.gr7.${r.region}.eks.amazonaws.com`,
            certificateAuthority: { data: PLACEHOLDER_CA },
            identities: [{ oidcs: [{ issuer: `https://oidc.eks.${r.region}.amazonaws.com/id/${id}` }] }],
            status: "ACTIVE",
        };
    },
    // EKS names the group's Auto Scaling group `eks-<node group>-<uuid>`; the program attaches it
    // to the ALB's api-gateway target group.
    "aws:eks/nodeGroup:NodeGroup": (r) => {
        const name = (r.inputs.nodeGroupName as string | undefined) ?? `${r.name}-${hexId(`name:${r.name}`, 7)}`;
        const uuid = hexId(`nodegroup:${r.region}:${r.name}`, 32).replace(
            /^(.{8})(.{4})(.{4})(.{4})(.{12})$/,
            "$1-$2-$3-$4-$5",
        );
        return {
            id: `${String(r.inputs.clusterName)}:${name}`,
            nodeGroupName: name,
            arn: `arn:aws:eks:${r.region}:${r.accountId}:nodegroup/${String(r.inputs.clusterName)}/${name}/${uuid}`,
            resources: [{ autoscalingGroups: [{ name: `eks-${name}-${uuid}` }], remoteAccessSecurityGroupId: "" }],
            status: "ACTIVE",
        };
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (r) => ({
        arn: `arn:aws:iam::${r.accountId}:oidc-provider/${String(r.inputs.url ?? r.name).replace(/^https:\/\//, "")}`,
    }),
    // The provider daemons' Redis AUTH token: a deterministic string of the requested length
    // (the provider generates one and keeps it secret; the program marks it secret itself).
    "random:index/randomPassword:RandomPassword": (r) => ({
        result: hexId(`password:${r.name}`, Number(r.inputs.length ?? 16)),
    }),
};
