import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { accountKeyPolicy, rotatingKey } from "../encryption/rotating-key";

/** An alarm's actions: notify the region's alarm topic when it fires and when it clears. */
export function notifies(topicArn: pulumi.Input<string>) {
    return { alarmActions: [topicArn], okActions: [topicArn] };
}

export interface AlarmTopicArgs {
    /** The region's AWS provider: an alarm can notify only a topic in its own region. */
    provider: aws.Provider;
    /** Topic name, e.g. `virtengine-production-us-east-1-alarms`. */
    topicName: string;
    /** `virtengine:alarmEmail`: subscribed when set (AWS mails a confirmation link first). */
    email?: string;
    /** Protect the key (production). */
    protect: boolean;
    tags?: Tags;
}

/**
 * The SNS topic a region's CloudWatch alarms notify (backup staleness,
 * replication failures and latency, backup jobs), encrypted with a rotating
 * key of its own: CloudWatch cannot publish to a topic encrypted with the
 * AWS-managed `alias/aws/sns` key, whose policy it is not in, so the key
 * policy lets CloudWatch use the key for this account's alarms only. An
 * email subscription is added when `virtengine:alarmEmail` is set; other
 * endpoints (PagerDuty, Slack through Chatbot) subscribe to `topicArn`.
 */
export class AlarmTopic extends pulumi.ComponentResource {
    public readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: AlarmTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:monitoring:AlarmTopic", name, {}, opts);
        const child = () => childOptions(this, args.provider);
        const policy = accountKeyPolicy(this, args.provider, (account) => [
            {
                Sid: "CloudWatchAlarmsPublish",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
        ]);
        const key = rotatingKey(this, {
            prefix: name,
            provider: args.provider,
            alias: args.topicName,
            description: `Encrypts the SNS topic ${args.topicName}`,
            policy,
            protect: args.protect,
            tags: args.tags,
        });
        const topic = new aws.sns.Topic(
            `${name}-topic`,
            { name: args.topicName, kmsMasterKeyId: key.arn, tags: mergeTags(`${name}-topic`, args.tags) },
            child(),
        );
        if (args.email !== undefined) {
            new aws.sns.TopicSubscription(
                `${name}-email`,
                { topic: topic.arn, protocol: "email", endpoint: args.email },
                child(),
            );
        }
        this.topicArn = topic.arn;
        this.registerOutputs({ topicArn: this.topicArn });
    }
}
