// A program that looks up a hosted zone, which exists only in a real account.
import * as aws from "@pulumi/aws";

const provider = new aws.Provider("us-east-1", { region: "us-east-1" });
const zone = aws.route53.getZoneOutput({ name: "example.org" }, { provider });
new aws.route53.Record(
    "www",
    { zoneId: zone.zoneId, name: "www.example.org", type: "A", ttl: 60, records: ["192.0.2.1"] },
    { provider },
);
