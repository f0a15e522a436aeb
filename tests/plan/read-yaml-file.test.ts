import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import {
    expandedSize,
    MAX_EXPANDED_CHARS,
    MAX_EXPANDED_NODES,
    MAX_FILE_BYTES,
    readYamlFile,
    YamlFileError,
} from "../../tools/plan/read-yaml-file";

const MODULE = path.resolve(__dirname, "../../tools/plan/read-yaml-file.ts");
const TSX = path.resolve(__dirname, "../../node_modules/.bin/tsx");

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-read-yaml-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
};

/** "Billion laughs": `levels` anchors, each a list of nine aliases of the one before (9^levels strings). */
function aliasBomb(levels: number): string {
    const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= levels; i++)
        lines.push(
            `l${i}: &l${i} [${Array(9)
                .fill(`*l${i - 1}`)
                .join(",")}]`,
        );
    return `${lines.join("\n")}\nconfig:\n  virtengine:regions: *l${levels}\n`;
}

/** The error `readYamlFile` raises, and how long it took to say so. */
function failure(file: string, source = file): { message: string; ms: number } {
    const start = performance.now();
    try {
        readYamlFile(file, source);
    } catch (err) {
        if (!(err instanceof YamlFileError)) throw err;
        return { message: err.message, ms: performance.now() - start };
    }
    throw new Error(`${file} was read without complaint`);
}

describe("readYamlFile refuses what is not a small regular YAML file, naming it, at once", () => {
    it.each([
        ["/dev/zero", "/dev/zero: cannot read it: not a regular file (a device, pipe or socket)"],
        ["/dev/urandom", "/dev/urandom: cannot read it: not a regular file (a device, pipe or socket)"],
    ])("%s, a device", (device, message) => {
        const { message: got, ms } = failure(device);
        expect(got).toBe(message);
        expect(ms).toBeLessThan(1000);
    });

    it("a named pipe with no writer (opening it must not block)", () => {
        const fifo = path.join(dir, "pipe.yaml");
        execFileSync("mkfifo", [fifo]);
        // In a child process with a time limit: a blocking open would hang this test process for good.
        const script = `try { require(${JSON.stringify(MODULE)}).readYamlFile(${JSON.stringify(fifo)}, "pipe.yaml"); } catch (e) { process.stdout.write(e.message); }`;
        const child = spawnSync(process.execPath, [TSX, "-e", script], { encoding: "utf8", timeout: 20_000 });
        expect(child.error).toBeUndefined(); // ETIMEDOUT when the open blocks
        expect(child.stdout).toBe("pipe.yaml: cannot read it: not a regular file (a device, pipe or socket)");
    });

    it("a directory, and a missing file", () => {
        expect(failure(dir, "stacks/").message).toBe("stacks/: cannot read it: is a directory");
        expect(failure(path.join(dir, "nope.yaml"), "nope.yaml").message).toBe(
            "nope.yaml: cannot read it: no such file",
        );
    });

    it("a file over the size cap, without reading it", () => {
        const file = write("huge.yaml", "");
        fs.truncateSync(file, 64 * MAX_FILE_BYTES); // sparse: 64 MiB of zeros on no disk
        const { message, ms } = failure(file, "huge.yaml");
        expect(message).toBe(
            `huge.yaml: is ${(64 * MAX_FILE_BYTES).toLocaleString("en-US")} bytes or more; a stack file may be at most 1,048,576 bytes`,
        );
        expect(ms).toBeLessThan(1000);
    });

    it("reads a file exactly at the cap", () => {
        const file = write("at-cap.yaml", `a: "${"x".repeat(MAX_FILE_BYTES - 6)}"\n`);
        expect(fs.statSync(file).size).toBe(MAX_FILE_BYTES);
        expect((readYamlFile(file, "at-cap.yaml") as { a: string }).a).toHaveLength(MAX_FILE_BYTES - 6);
    });

    it("a binary file that is not UTF-8", () => {
        const file = write("binary.yaml", Buffer.from([0x63, 0x6f, 0x6e, 0xff, 0xfe, 0x00, 0x3a]));
        expect(failure(file, "binary.yaml").message).toBe("binary.yaml: not a text file (it is not UTF-8)");
    });

    it("a 450-byte alias bomb (9^9 strings when expanded), before anything expands it", () => {
        const text = aliasBomb(8);
        expect(text.length).toBeLessThan(500);
        const { message, ms } = failure(write("bomb.yaml", text), "bomb.yaml");
        expect(message).toBe(
            "bomb.yaml: its aliases expand to more than 100,000 values; a stack file needs a few hundred (is it an alias bomb?)",
        );
        expect(ms).toBeLessThan(1000);
    });

    it("a 91 KB file whose aliases nest one 90,000-character string 9^4 times, before anything expands it", () => {
        const long = `a: &l0 "${"x".repeat(90_000)}"`;
        const levels = [1, 2, 3, 4].map(
            (i) =>
                `l${i}: &l${i} [${Array(9)
                    .fill(`*l${i - 1}`)
                    .join(",")}]`,
        );
        const text = [long, ...levels, "config:", "  virtengine:stateSyncRpcServers: *l4", ""].join("\n");
        expect(text.length).toBeLessThan(92_000);
        const { message, ms } = failure(write("long-bomb.yaml", text), "long-bomb.yaml");
        expect(message).toBe(
            "long-bomb.yaml: its aliases expand to more than 2,097,152 characters; a stack file needs a few thousand (is it an alias bomb?)",
        );
        expect(ms).toBeLessThan(1000);
    });

    it("a file at the size cap with no aliases is within the character cap", () => {
        const file = write(
            "at-cap-keys.yaml",
            `${"k".repeat(MAX_FILE_BYTES / 2 - 8)}: "${"x".repeat(MAX_FILE_BYTES / 2 - 8)}"\n`,
        );
        expect(fs.statSync(file).size).toBeLessThanOrEqual(MAX_FILE_BYTES);
        expect(() => readYamlFile(file, "at-cap-keys.yaml")).not.toThrow();
    });

    it("an alias inside the node it refers to", () => {
        expect(failure(write("cycle.yaml", "a: &a [1, *a]\n"), "cycle.yaml").message).toMatch(
            /^cycle\.yaml: not valid YAML for Pulumi: an alias refers to the node that contains it$/,
        );
    });

    it("YAML syntax errors, with line and column", () => {
        expect(failure(write("dup.yaml", "config:\n  a: 1\n  a: 2\n"), "dup.yaml").message).toBe(
            "dup.yaml: not valid YAML: duplicated mapping key (line 3, column 3)",
        );
    });
});

describe("readYamlFile reads what Pulumi's YAML reader reads", () => {
    it("expands merge keys (`<<: *base`), the mapping's own keys winning", () => {
        const file = write(
            "merge.yaml",
            [
                "base: &region {role: secondary, validators: 1, trafficDial: 100}",
                "config:",
                "  virtengine:regions:",
                "    - <<: *region",
                "      name: eu-west-1",
                "    - <<: [*region, {fullNodes: 2}]",
                "      name: us-west-2",
                "      trafficDial: 0",
                "",
            ].join("\n"),
        );
        const doc = readYamlFile(file, "merge.yaml") as { config: Record<string, unknown> };
        expect(doc.config["virtengine:regions"]).toEqual([
            { role: "secondary", validators: 1, trafficDial: 100, name: "eu-west-1" },
            { role: "secondary", validators: 1, trafficDial: 0, fullNodes: 2, name: "us-west-2" },
        ]);
    });

    it.each([
        ["empty", ""],
        ["comments and blank lines", "# nothing yet\n\n   \n"],
        ["a document marker alone", "---\n"],
    ])("reads a file with no document (%s) as null, as yaml.v3 does", (_, text) => {
        expect(readYamlFile(write("empty.yaml", text), "empty.yaml")).toBeNull();
    });

    it("still refuses two documents in one file", () => {
        expect(failure(write("two.yaml", "a: 1\n---\nb: 2\n"), "two.yaml").message).toMatch(
            /^two\.yaml: not valid YAML: expected a single document/,
        );
    });

    it("accepts the modest aliasing a real stack file uses", () => {
        const doc = readYamlFile(write("shared.yaml", aliasBomb(3)), "shared.yaml") as { l3: unknown[] };
        expect(doc.l3).toHaveLength(9);
    });
});

describe("expandedSize", () => {
    /** Values and characters in a plain tree (no sharing), counted the obvious way. */
    const countTree = (v: unknown): { values: number; chars: number } => {
        if (v === null || typeof v !== "object") return { values: 1, chars: String(v).length };
        const total = { values: 1, chars: 0 };
        for (const [key, child] of Object.entries(v)) {
            const n = countTree(child);
            total.values += n.values;
            total.chars += n.chars + (Array.isArray(v) ? 0 : key.length);
        }
        return total;
    };
    const unlimited = { values: 1e9, chars: 1e12 };

    it("counts every value and character of a tree", () => {
        fc.assert(
            fc.property(fc.jsonValue(), (value) => expect(expandedSize(value, unlimited)).toEqual(countTree(value))),
        );
    });

    it("counts a shared value once per place it appears, without expanding it", () => {
        const leaf = ["a", "bc"]; // 3 values, 3 characters
        let doc: unknown[] = leaf;
        for (let i = 0; i < 40; i++) doc = [doc, doc]; // 2^40 copies of the leaf
        expect(expandedSize(doc, { values: MAX_EXPANDED_NODES, chars: MAX_EXPANDED_CHARS })).toEqual({
            values: MAX_EXPANDED_NODES + 1,
            chars: MAX_EXPANDED_CHARS + 1,
        });
        expect(expandedSize([leaf, leaf], { values: 100, chars: 100 })).toEqual({ values: 7, chars: 6 });
        expect(expandedSize({ key: leaf, k2: leaf }, { values: 100, chars: 100 })).toEqual({ values: 7, chars: 11 });
    });
});
