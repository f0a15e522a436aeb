import { hexId, type StateTable } from "./types";

function bucketState(r: Parameters<StateTable[string]>[0]) {
    const bucket =
        (r.inputs.bucket as string | undefined) ??
        `${r.name.toLowerCase().slice(0, 55)}-${hexId(`bucket:${r.name}`, 7)}`;
    return {
        id: bucket,
        bucket,
        arn: `arn:aws:s3:::${bucket}`,
        bucketDomainName: `${bucket}.s3.amazonaws.com`,
        bucketRegionalDomainName: `${bucket}.s3.${r.region}.amazonaws.com`,
        region: r.region,
    };
}

/** Buckets and caches. */
export const storageState: StateTable = {
    "aws:s3/bucket:Bucket": bucketState,
    "aws:s3/bucketV2:BucketV2": bucketState,
    "aws:elasticache/replicationGroup:ReplicationGroup": (r) => {
        const id = String(r.inputs.replicationGroupId ?? r.name).toLowerCase();
        const host = `${id}.${hexId(`cache:${r.region}:${r.name}`, 6)}.${r.region}.cache.amazonaws.com`;
        return {
            id,
            arn: `arn:aws:elasticache:${r.region}:${r.accountId}:replicationgroup:${id}`,
            primaryEndpointAddress: `master.${host}`,
            readerEndpointAddress: `replica.${host}`,
        };
    },
};
