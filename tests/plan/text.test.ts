import fc from "fast-check";
import { shortType, table, wrap, WIDTH, wrapErrorLine } from "../../tools/plan/text";

describe("wrap", () => {
    it("keeps every line within the width and every word, in order", () => {
        fc.assert(
            fc.property(fc.array(fc.stringMatching(/^[a-z0-9:./-]{1,130}$/), { maxLength: 40 }), (words) => {
                const lines = wrap(words.join(" "), 60, "  ");
                for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
                expect(lines.join("").replace(/ /g, "")).toBe(words.join(""));
            }),
        );
    });

    it("indents continuation lines and keeps a first line's leading spaces", () => {
        expect(wrap("  mandatory: aaa bbb ccc", 16, "    ")).toEqual(["  mandatory: aaa", "    bbb ccc"]);
    });
});

describe("table", () => {
    const headers = ["resource type", "total", "us-east-1", "eu-west-1", "ap-south-1", "us-west-2", "(no region)"];
    const row = ["aws:ec2:VpcPeeringConnectionAccepter", "6", "0", "1", "2", "3", "0"];

    it("prints a table that fits as one, numbers right-aligned", () => {
        expect(
            table(
                ["name", "n"],
                [
                    ["a", "10"],
                    ["bb", "2"],
                ],
                [false, true],
            ),
        ).toBe(["name   n", "----  --", "a     10", "bb     2"].join("\n"));
    });

    it("splits a table too wide for the line over its columns, each part with the first column", () => {
        const lines = table(
            headers,
            [row],
            headers.map((_, i) => i > 0),
            70,
        ).split("\n");
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(70);
        const headerLines = lines.filter((l) => l.startsWith("resource type"));
        expect(headerLines.length).toBeGreaterThan(1);
        for (const h of headers) expect(headerLines.join(" ")).toContain(h);
    });

    it("fits 20 regions' columns within the report's width", () => {
        const many = ["resource type", "total", ...Array.from({ length: 20 }, (_, i) => `region-${i}`)];
        const text = table(
            many,
            [many.map((_, i) => (i === 0 ? row[0] : "12"))],
            many.map((_, i) => i > 0),
        );
        for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(WIDTH);
    });
});

describe("wrapErrorLine", () => {
    it("keeps a line that fits as it is, spacing and all", () => {
        const fits = "  3  internal error".padEnd(WIDTH, ".");
        expect(wrapErrorLine(fits)).toEqual([fits]);
    });

    it("wraps a wider line, continuation indented four past the entry's own indent", () => {
        const line = `  virtengine:flowLogRetentionDays: must be one of ${Array.from({ length: 30 }, (_, i) => i).join(", ")}`;
        const lines = wrapErrorLine(line);
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.every((l) => l.length <= WIDTH)).toBe(true);
        expect(lines[0]).toMatch(/^ {2}virtengine:/);
        expect(lines.slice(1).every((l) => /^ {6}\S/.test(l))).toBe(true);
        expect(lines.map((l) => l.trim()).join(" ")).toBe(line.trim());
    });

    it("keeps a stack frame whole", () => {
        const frame = `    at f (${"x/".repeat(60)}file.ts:1:1)`;
        expect(wrapErrorLine(frame)).toEqual([frame]);
    });
});

describe("shortType", () => {
    it("shortens a token whose file names its type, and keeps any other", () => {
        expect(shortType("aws:ec2/instance:Instance")).toBe("aws:ec2:Instance");
        expect(shortType("aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter")).toBe(
            "aws:ec2:VpcPeeringConnectionAccepter",
        );
        expect(shortType("aws:s3/bucketV2:Bucket")).toBe("aws:s3/bucketV2:Bucket");
        expect(shortType("virtengine:index:Network")).toBe("virtengine:index:Network");
        expect(shortType("pulumi:providers:aws")).toBe("pulumi:providers:aws");
    });
});
