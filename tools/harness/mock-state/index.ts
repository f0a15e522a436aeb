/**
 * The offline mocks' answers, combined from one table per area. To answer a
 * new resource type or lookup, add an entry in its area's file (or a new file
 * listed here); a type that appears in two tables is a mistake and fails at load.
 */
import { edgeState } from "./edge";
import { invokeAnswers } from "./invokes";
import { kubernetesState } from "./kubernetes";
import { monitoringState } from "./monitoring";
import { networkState } from "./network";
import { securityState } from "./security";
import { storageState } from "./storage";
import type { InvokeTable, StateTable } from "./types";

export { MOCK_AMI_ID } from "./invokes";
export type { InvokeTable, Lookup, NewResource, StateTable } from "./types";

const AREAS: Record<string, StateTable> = {
    network: networkState,
    security: securityState,
    monitoring: monitoringState,
    edge: edgeState,
    kubernetes: kubernetesState,
    storage: storageState,
};

/** Every area's answers in one table; throws if two areas answer the same type. */
export function combineTables(areas: Record<string, StateTable>): StateTable {
    const combined: StateTable = {};
    const owner: Record<string, string> = {};
    for (const [area, table] of Object.entries(areas)) {
        for (const [type, answer] of Object.entries(table)) {
            if (owner[type]) {
                throw new Error(`mock state for ${type} is defined in both ${owner[type]}.ts and ${area}.ts`);
            }
            owner[type] = area;
            combined[type] = answer;
        }
    }
    return combined;
}

/** Computed state per resource type token. */
export const STATE: StateTable = combineTables(AREAS);

/** Answers per invoke token. */
export const INVOKES: InvokeTable = invokeAnswers;
