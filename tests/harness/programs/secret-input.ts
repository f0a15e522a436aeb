// A program that puts a secret config value into a resource input, as a Cloudflare token would be.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config("harness");
const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
new aws.ssm.Parameter(
    "token",
    { type: "SecureString", value: config.requireSecret("apiToken"), tags: { plain: "visible" } },
    { provider },
);
