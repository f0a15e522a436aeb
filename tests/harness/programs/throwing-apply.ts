// A program whose apply callback throws on a value known in preview and update alike.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
const name = pulumi.output("logs").apply((n): string => {
    throw new Error(`apply refused ${n}`);
});
new aws.cloudwatch.LogGroup("before", {}, { provider });
new aws.cloudwatch.LogGroup("behind-the-apply", { name }, { provider });
