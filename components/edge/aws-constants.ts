/*
 * Per-region AWS constants the edge needs at preview time, when resource
 * outputs are unknown and lookups are not allowed. Sources: the Elastic Load
 * Balancing user guides ("Enable access logs for your Application Load
 * Balancer", "Elastic Load Balancing endpoints and quotas") and the Global
 * Accelerator developer guide ("Route traffic to your accelerator"), as
 * recorded in ../shared/facts/edge.md.
 */

/**
 * The Elastic Load Balancing account that writes access logs in regions
 * opened before August 2022. Regions not listed here use the log delivery
 * service principal instead (see `ELB_LOG_DELIVERY_SERVICE`).
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-south-1": "718504428378",
    "ap-northeast-1": "582318560864",
    "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-southeast-3": "589379963580",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-west-3": "009996457667",
    "eu-south-1": "635631232127",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
};

/** The principal that writes ALB access logs in regions opened after August 2022. */
export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";
/** The principal that writes NLB (TLS listener) access logs, in every region. */
export const NLB_LOG_DELIVERY_SERVICE = "delivery.logs.amazonaws.com";

/** Hosted zone of every Global Accelerator DNS name (for alias records). */
export const GLOBAL_ACCELERATOR_ZONE_ID = "Z2BJ6XQ5FK7U4H";

/**
 * Canonical hosted zone ids of load balancer DNS names, per region, for alias
 * records. Regions not listed take the load balancer's own `zoneId` output.
 */
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

/** Who may write a region's ALB access logs: its ELB account, or the service principal in newer regions. */
export function albLogWriter(region: string): { AWS: string } | { Service: string } {
    const account = ELB_LOG_ACCOUNTS[region];
    return account !== undefined ? { AWS: `arn:aws:iam::${account}:root` } : { Service: ELB_LOG_DELIVERY_SERVICE };
}
