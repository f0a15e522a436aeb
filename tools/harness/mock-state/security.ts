import { hexId, type StateTable } from "./types";

/** Identity and encryption: IAM roles and profiles, KMS keys. */
export const securityState: StateTable = {
    "aws:iam/role:Role": (r) => ({
        name: r.inputs.name ?? r.name,
        arn: `arn:aws:iam::${r.accountId}:role/${r.inputs.name ?? r.name}`,
    }),
    "aws:iam/instanceProfile:InstanceProfile": (r) => ({
        name: r.inputs.name ?? r.name,
        arn: `arn:aws:iam::${r.accountId}:instance-profile/${r.inputs.name ?? r.name}`,
    }),
    "aws:kms/key:Key": (r) => {
        // KMS key ids are UUIDs; the ARN ends in the id, as the console shows it.
        const h = hexId(`kms:${r.region}:${r.name}`, 32);
        const keyId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
        return { keyId, arn: `arn:aws:kms:${r.region}:${r.accountId}:key/${keyId}` };
    },
};
