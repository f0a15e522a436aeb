import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { albLogWriter, NLB_LOG_DELIVERY_SERVICE } from "./aws-constants";

export interface AccessLogBucketArgs {
    /** The region's AWS provider: the bucket must be in the load balancers' region. */
    provider: aws.Provider;
    /** The region's code: it decides who writes ALB logs (see aws-constants.ts). */
    region: string;
    /** The account that owns the load balancers; log delivery is accepted only for it. */
    accountId: pulumi.Input<string>;
    /** Key prefixes the ALB and the NLB write under. */
    prefixes: { alb: string; nlb: string };
    /** Days before log objects expire. */
    expireDays: number;
    /** Protect the bucket from deletion (production). */
    protect: boolean;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * A region's load balancer access-log bucket: SSE-S3 (ALB logging refuses
 * KMS), public access blocked, owner-enforced objects, expiring logs, and a
 * policy that lets the region's ELB log delivery write under the ALB prefix
 * and the log delivery service under the NLB prefix. Load balancers must
 * depend on `policy`, or their creation fails with "Access Denied for bucket".
 */
export class AccessLogBucket extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;
    public readonly policy: aws.s3.BucketPolicy;
    public readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: AccessLogBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:edge:AccessLogBucket", name, {}, opts);
        const child = () => childOptions(this, args.provider);
        this.bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { forceDestroy: !args.protect, tags: mergeTags(`${name}-bucket`, args.tags) },
            childOptions(this, args.provider, { protect: args.protect }),
        );
        const bucket = this.bucket.id;
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            { bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
            child(),
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            {
                bucket,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            child(),
        );
        new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
            child(),
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket,
                rules: [
                    {
                        id: "expire-access-logs",
                        status: "Enabled",
                        filter: { prefix: "" },
                        expiration: { days: args.expireDays },
                    },
                ],
            },
            child(),
        );
        const document = pulumi
            .all([this.bucket.arn, args.accountId])
            .apply(([arn, account]) => accessLogPolicy(arn, account, args.region, args.prefixes));
        this.policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            { bucket, policy: document },
            // S3 rejects a bucket policy while the public access block is being applied.
            childOptions(this, args.provider, { dependsOn: [publicAccess] }),
        );
        this.bucketName = this.bucket.bucket;
        this.registerOutputs({ bucketName: this.bucketName });
    }
}

/** The bucket policy: who may write which prefix, nothing else; TLS only. */
export function accessLogPolicy(
    bucketArn: string,
    accountId: string,
    region: string,
    prefixes: { alb: string; nlb: string },
): string {
    const logs = (prefix: string) => `${bucketArn}/${prefix}/AWSLogs/${accountId}/*`;
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AlbAccessLogs",
                Effect: "Allow",
                Principal: albLogWriter(region),
                Action: "s3:PutObject",
                Resource: logs(prefixes.alb),
            },
            {
                Sid: "NlbAccessLogsWrite",
                Effect: "Allow",
                Principal: { Service: NLB_LOG_DELIVERY_SERVICE },
                Action: "s3:PutObject",
                Resource: logs(prefixes.nlb),
                Condition: {
                    StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": accountId },
                },
            },
            {
                Sid: "NlbAccessLogsAclCheck",
                Effect: "Allow",
                Principal: { Service: NLB_LOG_DELIVERY_SERVICE },
                Action: "s3:GetBucketAcl",
                Resource: bucketArn,
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    });
}
