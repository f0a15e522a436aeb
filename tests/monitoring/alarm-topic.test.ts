import { Made, runComponent } from "../helpers/component-run";

// Two regions' alarm topics in update mode (the key policy is rendered from the account id).
let made: Made;
beforeAll(async () => {
    made = new Made(await runComponent("tests/monitoring/programs/alarm-topic.ts", { preview: false }));
});

describe("AlarmTopic", () => {
    it("encrypts the topic with a rotating, protected key of its own", () => {
        const topic = made.one("aws:sns/topic:Topic", "eu-west-1-alarms-topic");
        const key = made.one("aws:kms/key:Key", "eu-west-1-alarms-key");
        expect(topic.inputs.name).toBe("virtengine-production-eu-west-1-alarms");
        expect(topic.propertyDependencies.kmsMasterKeyId).toEqual([key.urn]);
        expect(key.inputs.enableKeyRotation).toBe(true);
        expect(key.protect).toBe(true);
    });

    it("lets CloudWatch use the key for this account's alarms only (the AWS-managed SNS key would refuse it)", () => {
        const policy = JSON.parse(made.one("aws:kms/key:Key", "eu-west-1-alarms-key").inputs.policy as string);
        const cloudwatch = policy.Statement.find((s: { Sid: string }) => s.Sid === "CloudWatchAlarmsPublish");
        expect(cloudwatch).toEqual({
            Sid: "CloudWatchAlarmsPublish",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        });
    });

    it("subscribes the configured email, on the region's provider", () => {
        const subscription = made.one("aws:sns/topicSubscription:TopicSubscription");
        expect(subscription.inputs).toMatchObject({ protocol: "email", endpoint: "sre@example.com" });
        for (const r of made.run.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
            const region = r.name.slice(0, "eu-west-1".length);
            expect({ name: r.name, region: r.providerRegion }).toEqual({ name: r.name, region });
        }
    });

    it("subscribes nothing when no email is configured", () => {
        const subscriptions = made.ofType("aws:sns/topicSubscription:TopicSubscription").map((s) => s.name);
        expect(subscriptions).toEqual(["eu-west-1-alarms-email"]);
        expect(made.ofType("aws:sns/topic:Topic")).toHaveLength(2);
    });
});
