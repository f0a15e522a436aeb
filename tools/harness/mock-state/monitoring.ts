import type { StateTable } from "./types";

/** Logs and metrics. */
export const monitoringState: StateTable = {
    "aws:cloudwatch/logGroup:LogGroup": (r) => {
        const name = (r.inputs.name as string | undefined) ?? r.name;
        return { name, arn: `arn:aws:logs:${r.region}:${r.accountId}:log-group:${name}` };
    },
};
