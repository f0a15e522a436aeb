import { hexId, type StateTable } from "./types";

/** AWS Backup and SSM documents (issue 10): the names and ARNs AWS returns on create. */
export const disasterRecoveryState: StateTable = {
    "aws:backup/vault:Vault": (r) => {
        const name = String(r.inputs.name ?? r.name);
        return { id: name, name, arn: `arn:aws:backup:${r.region}:${r.accountId}:backup-vault:${name}` };
    },
    "aws:backup/plan:Plan": (r) => {
        const id = hexId(`plan:${r.region}:${r.name}`, 36);
        return {
            id,
            arn: `arn:aws:backup:${r.region}:${r.accountId}:backup-plan:${id}`,
            version: hexId(`plan-version:${r.name}`, 32),
        };
    },
    "aws:backup/restoreTestingPlan:RestoreTestingPlan": (r) => {
        const name = String(r.inputs.name ?? r.name);
        return {
            id: name,
            name,
            arn: `arn:aws:backup:${r.region}:${r.accountId}:restore-testing-plan:${name}-${hexId(r.name, 6)}`,
        };
    },
    "aws:ssm/document:Document": (r) => {
        const name = String(r.inputs.name ?? `${r.name}-${hexId(`ssm:${r.region}:${r.name}`, 8)}`);
        return { id: name, name, arn: `arn:aws:ssm:${r.region}:${r.accountId}:document/${name}` };
    },
};
