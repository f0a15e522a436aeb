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
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (r) => ({
        arn: `arn:aws:iam::${r.accountId}:oidc-provider/${String(r.inputs.url ?? r.name).replace(/^https:\/\//, "")}`,
    }),
};
