import * as aws from "@pulumi/aws";
import { AlarmTopic } from "../../../components/monitoring/alarm-topic";

// Two regions' alarm topics: eu-west-1's with an email subscription, us-east-1's without.
for (const [region, email] of [
    ["eu-west-1", "sre@example.com"],
    ["us-east-1", undefined],
] as const) {
    const provider = new aws.Provider(`${region}-provider`, { region });
    new AlarmTopic(`${region}-alarms`, {
        provider,
        topicName: `virtengine-production-${region}-alarms`,
        email,
        protect: true,
    });
}
