/**
 * Per-region constants AWS publishes and providers answer from tables of
 * their own. Source: AWS General Reference, "Elastic Load Balancing endpoints
 * and quotas" (canonical hosted zone ids) and the ALB guide's "Enable access
 * logs" (Elastic Load Balancing account ids), checked against
 * ../shared/facts/edge.md. A region missing here makes the mocks fail loudly
 * rather than answer with a made-up id: add it from those pages.
 */

/** Canonical hosted zone id of Application (and Classic) Load Balancers. */
export const ALB_ZONE_IDS: Readonly<Record<string, string>> = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2",
    "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
    "af-south-1": "Z268VQBMOI5EKX",
    "ap-east-1": "Z3DQVH9N71FHZ0",
    "ap-south-1": "ZP97RAFLXTNZK",
    "ap-northeast-1": "Z14GRHDCWA56QT",
    "ap-northeast-2": "ZWKZPGTI48KDX",
    "ap-northeast-3": "Z5LXEXXYW11ES",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
    "ap-southeast-2": "Z1GM3OXH4ZPM65",
    "ca-central-1": "ZQSVJUPU6J1EY",
    "eu-central-1": "Z215JYRZR1TBD5",
    "eu-west-1": "Z32O12XQLNTSW2",
    "eu-west-2": "ZHURV8PSTC4K8",
    "eu-west-3": "Z3Q77PNBQS71R4",
    "eu-south-1": "Z3ULH7SSC9OV64",
    "eu-north-1": "Z23TAZ6LKFMNIO",
    "me-south-1": "ZS929ML54UICD",
    "sa-east-1": "Z2P70J7HTTTPLU",
};

/** Canonical hosted zone id of Network Load Balancers. */
export const NLB_ZONE_IDS: Readonly<Record<string, string>> = {
    "us-east-1": "Z26RNL4JYFTOTI",
    "us-east-2": "ZLMOA37VPKANP",
    "us-west-1": "Z24FKFUX50B4VW",
    "us-west-2": "Z18D5FSROUN65G",
    "af-south-1": "Z203XCE67M25HM",
    "ap-east-1": "Z12Y7K3UBGUAD1",
    "ap-south-1": "ZVDDRBQ08TROA",
    "ap-northeast-1": "Z31USIVHYNEOWT",
    "ap-northeast-2": "ZIBE1TIR4HY56",
    "ap-northeast-3": "Z1GWIQ4HH19I5X",
    "ap-southeast-1": "ZKVM4W9LS7TM",
    "ap-southeast-2": "ZCT6FZBF4DROD",
    "ca-central-1": "Z2EPGBW3API2WT",
    "eu-central-1": "Z3F0SRJ5LGBH90",
    "eu-west-1": "Z2IFOLAFXWLO4F",
    "eu-west-2": "ZD4D7Y8KGAS4G",
    "eu-west-3": "Z1CMS0P5QUZ6D5",
    "eu-south-1": "Z23146JA1KNAFP",
    "eu-north-1": "Z1UDT6IFJ4EJM",
    "me-south-1": "Z3QSRYVP46NYYV",
    "sa-east-1": "ZTK26PT1VY4CU",
};

/** The Global Accelerator hosted zone id, the same everywhere. */
export const GLOBAL_ACCELERATOR_ZONE_ID = "Z2BJ6XQ5FK7U4H";

/**
 * Elastic Load Balancing's own account per region (access-log bucket
 * policies). Regions opened after August 2022 have none: they use the
 * `logdelivery.elasticloadbalancing.amazonaws.com` service principal.
 */
export const ELB_ACCOUNT_IDS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-west-2": "797873946194",
    "eu-west-1": "156460612806",
    "ap-south-1": "718504428378",
};

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
