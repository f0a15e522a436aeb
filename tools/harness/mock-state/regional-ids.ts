/**
 * Per-region constants AWS publishes and providers answer from tables of
 * their own. Source: AWS General Reference, "Elastic Load Balancing endpoints
 * and quotas" (canonical hosted zone ids) and the ALB guide's "Enable access
 * logs" (Elastic Load Balancing account ids), checked against
 * ../shared/facts/edge.md. The tables live in components/edge/aws-constants.ts
 * (re-exported below). A region missing there makes the mocks fail loudly
 * rather than answer with a made-up id: add it from those pages.
 */

// One home for these tables: the edge component reads them at preview time,
// the mocks answer from them in update mode.
export {
    ALB_ZONE_IDS,
    NLB_ZONE_IDS,
    GLOBAL_ACCELERATOR_ZONE_ID,
    ELB_LOG_ACCOUNTS as ELB_ACCOUNT_IDS,
} from "../../../components/edge/aws-constants";

/** `table[region]`, or an error that names the table and the region. */
export function regional(table: Readonly<Record<string, string>>, tableName: string, region: string): string {
    const value = table[region];
    if (value === undefined) {
        throw new Error(
            `the offline mocks have no ${tableName} for region "${region}": add it to tools/harness/mock-state/regional-ids.ts`,
        );
    }
    return value;
}
