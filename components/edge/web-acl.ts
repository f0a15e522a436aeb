import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { webAclRules } from "./waf-rules";

export interface RegionalWebAclArgs {
    /** The region's AWS provider: a REGIONAL web ACL lives beside its ALB. */
    provider: aws.Provider;
    /** The ALB the ACL protects. */
    albArn: pulumi.Input<string>;
    /** Name of the log group (WAF requires the `aws-waf-logs-` prefix; it is added here). */
    logName: string;
    /** Days WAF logs are kept. */
    logRetentionDays: number;
    /** Tags for every child. */
    tags?: Tags;
}

/** The prefix WAF requires of a log group's name. */
export const WAF_LOG_GROUP_PREFIX = "aws-waf-logs-";

/**
 * A region's WAFv2 web ACL in front of its ALB (rules in waf-rules.ts),
 * associated with the ALB and logging to a CloudWatch log group.
 */
export class RegionalWebAcl extends pulumi.ComponentResource {
    public readonly webAcl: aws.wafv2.WebAcl;
    public readonly webAclArn: pulumi.Output<string>;

    constructor(name: string, args: RegionalWebAclArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:edge:RegionalWebAcl", name, {}, opts);
        const child = () => childOptions(this, args.provider);
        this.webAcl = new aws.wafv2.WebAcl(
            `${name}-acl`,
            {
                scope: "REGIONAL",
                description: "VirtEngine public RPC and REST",
                defaultAction: { allow: {} },
                rules: webAclRules(name),
                visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name },
                tags: mergeTags(`${name}-acl`, args.tags),
            },
            child(),
        );
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            {
                name: `${WAF_LOG_GROUP_PREFIX}${args.logName}`,
                retentionInDays: args.logRetentionDays,
                tags: mergeTags(`${name}-logs`, args.tags),
            },
            child(),
        );
        new aws.wafv2.WebAclLoggingConfiguration(
            `${name}-logging`,
            { resourceArn: this.webAcl.arn, logDestinationConfigs: [logGroup.arn] },
            child(),
        );
        // Known to fail transiently right after the ALB is created
        // (WAFUnavailableEntityException); a second `pulumi up` completes it.
        new aws.wafv2.WebAclAssociation(
            `${name}-association`,
            { resourceArn: args.albArn, webAclArn: this.webAcl.arn },
            child(),
        );
        this.webAclArn = this.webAcl.arn;
        this.registerOutputs({ webAclArn: this.webAclArn });
    }
}
