import * as fs from "node:fs";
import { CORE_SCHEMA, FAILSAFE_SCHEMA, load, loadAll, mergeTag, YAMLException } from "js-yaml";

/**
 * Reads a user's YAML file (a stack file or the project file) the way the
 * Pulumi CLI's YAML reader would accept it, but bounded, so that no input can
 * make the plan hang, run out of memory or print a stack trace:
 *
 * - regular files only: `/dev/zero`, `/dev/urandom`, a pipe or a directory is
 *   refused before a byte is read (opened non-blocking, so a FIFO cannot hang);
 * - at most `MAX_FILE_BYTES`, read with a bounded buffer, never "to the end";
 * - UTF-8 text only;
 * - a file with no document (empty, or only comments) is null, as yaml.v3
 *   decodes it: Pulumi takes an empty stack file as a stack with no config;
 * - YAML merge keys (`<<: *base`), which Pulumi's reader (Go yaml.v3) accepts;
 * - alias expansion bounded: aliases are shared references after parsing, but
 *   the config is later written out as JSON with every alias expanded, so a
 *   few hundred bytes of nested aliases ("billion laughs") would take minutes
 *   and gigabytes. The expanded size is counted on the shared structure first,
 *   both as values and as characters, so that a few aliases of one long
 *   string are refused as surely as many aliases of short ones.
 *
 * Every failure is a `YamlFileError` whose message starts with the file's name
 * as the user wrote it.
 */

/** Largest file read. Stack files are a few kilobytes; a 20-region stack is under 10 KiB. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Most values (maps, lists and scalars) the document may hold once every alias is expanded. */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * Most characters (scalars and map keys) the document may hold once every
 * alias is expanded: twice the largest file, so any file without aliases fits,
 * while nine copies of nine copies of a long string do not.
 */
export const MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES;

/** A problem with a file the user gave; its message names the file. */
export class YamlFileError extends Error {}

/**
 * How plain scalars are read: `typed` as YAML 1.2's core schema resolves them
 * (as yaml.v3 does for values decoded into untyped data), `text` as the
 * characters written (`012345678901` stays a string, not the number
 * 12345678901), as yaml.v3 decodes a scalar into a Go string. Merge keys in both.
 */
export type Scalars = "typed" | "text";

const SCHEMAS: Record<Scalars, typeof CORE_SCHEMA> = {
    typed: CORE_SCHEMA.withTags(mergeTag),
    text: FAILSAFE_SCHEMA.withTags(mergeTag),
};

/** Reads and parses `file`; `source` is how messages name it. */
export function readYamlFile(file: string, source: string, scalars: Scalars = "typed"): unknown {
    const text = readBoundedText(file, source);
    let doc: unknown;
    try {
        doc = load(text, { filename: source, schema: SCHEMAS[scalars] });
    } catch (err) {
        if (!(err instanceof YAMLException)) throw err;
        // js-yaml refuses a stream without a document; yaml.v3 reads it as null.
        if (isWithoutDocument(text)) return null;
        const at = err.mark ? ` (line ${err.mark.line + 1}, column ${err.mark.column + 1})` : "";
        throw new YamlFileError(`${source}: not valid YAML: ${err.reason}${at}`);
    }
    const expanded = expandedSize(doc, { values: MAX_EXPANDED_NODES, chars: MAX_EXPANDED_CHARS });
    if (expanded === "cycle") {
        throw new YamlFileError(`${source}: not valid YAML for Pulumi: an alias refers to the node that contains it`);
    }
    if (expanded.values > MAX_EXPANDED_NODES) {
        throw new YamlFileError(
            `${source}: its aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString("en-US")} values; a stack file needs a few hundred (is it an alias bomb?)`,
        );
    }
    if (expanded.chars > MAX_EXPANDED_CHARS) {
        throw new YamlFileError(
            `${source}: its aliases expand to more than ${MAX_EXPANDED_CHARS.toLocaleString("en-US")} characters; a stack file needs a few thousand (is it an alias bomb?)`,
        );
    }
    return doc;
}

/** Whether `text` holds no YAML document at all (nothing, or only comments and markers). */
function isWithoutDocument(text: string): boolean {
    try {
        return loadAll(text, null, { schema: FAILSAFE_SCHEMA }).length === 0;
    } catch {
        return false;
    }
}

/** The file's text, refusing anything that is not a regular UTF-8 file of at most MAX_FILE_BYTES. */
function readBoundedText(file: string, source: string): string {
    let fd: number;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch (err) {
        throw new YamlFileError(`${source}: cannot read it: ${why(err)}`);
    }
    try {
        const stat = fs.fstatSync(fd);
        if (stat.isDirectory()) throw new YamlFileError(`${source}: cannot read it: is a directory`);
        if (!stat.isFile()) {
            throw new YamlFileError(`${source}: cannot read it: not a regular file (a device, pipe or socket)`);
        }
        if (stat.size > MAX_FILE_BYTES) throw tooLarge(source, stat.size);
        // The size can change between fstat and read: read one byte more than allowed to notice.
        const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (n === 0) break;
            length += n;
            if (length > MAX_FILE_BYTES) throw tooLarge(source, length);
        }
        try {
            return new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, length));
        } catch {
            throw new YamlFileError(`${source}: not a text file (it is not UTF-8)`);
        }
    } catch (err) {
        if (err instanceof YamlFileError) throw err;
        throw new YamlFileError(`${source}: cannot read it: ${why(err)}`);
    } finally {
        fs.closeSync(fd);
    }
}

const tooLarge = (source: string, bytes: number) =>
    new YamlFileError(
        `${source}: is ${bytes.toLocaleString("en-US")} bytes or more; a stack file may be at most ${MAX_FILE_BYTES.toLocaleString("en-US")} bytes`,
    );

function why(err: unknown): string {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES") return "permission denied";
    if (code === "EISDIR") return "is a directory";
    return err instanceof Error ? err.message : String(err);
}

/** The size of a document with every alias expanded. */
export interface ExpandedSize {
    /** Maps, lists and scalars. */
    values: number;
    /** Characters of every scalar (as JSON would write it, without quotes) and map key. */
    chars: number;
}

/** Characters a scalar takes once written out. */
const scalarChars = (value: unknown): number => (typeof value === "string" ? value.length : String(value).length);

/**
 * How large `doc` is with every alias expanded, computed on the shared
 * structure (each distinct map or list is sized once), so a bomb is measured
 * without being expanded. Each count stops just past its limit.
 */
export function expandedSize(doc: unknown, limits: ExpandedSize): ExpandedSize | "cycle" {
    const sizes = new Map<object, ExpandedSize>();
    const open = new Set<object>();
    const size = (value: unknown): ExpandedSize | "cycle" => {
        if (value === null || typeof value !== "object") return { values: 1, chars: scalarChars(value) };
        const known = sizes.get(value);
        if (known !== undefined) return known;
        if (open.has(value)) return "cycle";
        open.add(value);
        const total: ExpandedSize = { values: 1, chars: 0 };
        const isList = Array.isArray(value);
        for (const [key, child] of Object.entries(value)) {
            const n = size(child);
            if (n === "cycle") return n;
            total.values = Math.min(total.values + n.values, limits.values + 1);
            total.chars = Math.min(total.chars + n.chars + (isList ? 0 : key.length), limits.chars + 1);
        }
        open.delete(value);
        sizes.set(value, total);
        return total;
    };
    return size(doc);
}
