/*
 * ElastiCache (Redis OSS) on-demand node prices, USD per node-hour, for the
 * node types the config suggests (`virtengine:redisNodeType`). From memory
 * of the AWS ElastiCache pricing page (on-demand nodes, Redis OSS), not
 * checked against a price file or a bill on this machine (it has no AWS
 * access): treat them as estimates and check a value with `aws pricing get-products --service-code AmazonElastiCache
 * --filters Type=TERM_MATCH,Field=instanceType,Value=<type>
 * Type=TERM_MATCH,Field=regionCode,Value=<region>`.
 */
export const ELASTICACHE_NODE_HOURLY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
    "us-east-1": {
        "cache.t4g.medium": 0.065,
        "cache.m6g.large": 0.149,
        "cache.m7g.large": 0.158,
        "cache.r7g.large": 0.219,
    },
    "us-west-2": {
        "cache.t4g.medium": 0.065,
        "cache.m6g.large": 0.149,
        "cache.m7g.large": 0.158,
        "cache.r7g.large": 0.219,
    },
    "eu-west-1": {
        "cache.t4g.medium": 0.072,
        "cache.m6g.large": 0.165,
        "cache.m7g.large": 0.176,
        "cache.r7g.large": 0.243,
    },
    "ap-south-1": {
        "cache.t4g.medium": 0.063,
        "cache.m6g.large": 0.143,
        "cache.m7g.large": 0.152,
        "cache.r7g.large": 0.21,
    },
    "eu-central-1": {
        "cache.t4g.medium": 0.074,
        "cache.m6g.large": 0.17,
        "cache.m7g.large": 0.18,
        "cache.r7g.large": 0.249,
    },
    "ap-southeast-1": {
        "cache.t4g.medium": 0.083,
        "cache.m6g.large": 0.19,
        "cache.m7g.large": 0.202,
        "cache.r7g.large": 0.279,
    },
};
