import { isUuid } from "./uuid.js";

/**
 * A structural check of one xAPI 1.0.3 statement — the parts an LRS refuses
 * a statement for, not the whole specification: the actor (an Agent or
 * Group with exactly one inverse functional identifier), the verb (an IRI id
 * and a language-map display), the object (an Activity with an IRI id and
 * its objectType), the result score (scaled within −1…1, raw within
 * min…max, min below max), extension keys that are IRIs, UUIDs for id and
 * registration, and an ISO 8601 timestamp with a time zone.
 */

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** An absolute IRI: a scheme, a colon and no spaces (RFC 3987, loosely). */
export function isIri(x: unknown): boolean {
  return typeof x === "string" && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(x);
}

function isIrl(x: unknown): boolean {
  return typeof x === "string" && isIri(x) && /^https?:\/\/[^/]/i.test(x);
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

function languageMap(x: unknown, where: string): string[] {
  if (!isObj(x) || Object.keys(x).length === 0) return [`${where} must be a language map such as { "en-US": "completed" }`];
  return Object.entries(x).flatMap(([tag, text]) => {
    if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag)) return [`${where}: "${tag}" is not a language tag`];
    return typeof text === "string" ? [] : [`${where}["${tag}"] must be text`];
  });
}

function extensions(x: unknown, where: string): string[] {
  if (x === undefined) return [];
  if (!isObj(x)) return [`${where} must be an object keyed by IRIs`];
  return Object.keys(x).flatMap((key) => (isIri(key) ? [] : [`${where}: key "${key}" is not an IRI`]));
}

const IFIS = ["mbox", "mbox_sha1sum", "openid", "account"] as const;

function actor(x: unknown): string[] {
  if (!isObj(x)) return ["actor is missing"];
  if (x.objectType !== undefined && x.objectType !== "Agent" && x.objectType !== "Group") return [`actor.objectType must be "Agent" or "Group"`];
  const present = IFIS.filter((k) => x[k] !== undefined);
  const anonymousGroup = x.objectType === "Group" && present.length === 0 && Array.isArray(x.member);
  if (present.length !== 1 && !anonymousGroup) return [`actor must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has ${present.length}`];
  const problems: string[] = [];
  if (x.name !== undefined && typeof x.name !== "string") problems.push("actor.name must be text");
  if (x.mbox !== undefined && (typeof x.mbox !== "string" || !/^mailto:[^@\s]+@[^@\s]+$/.test(x.mbox))) problems.push(`actor.mbox must be a "mailto:" IRI`);
  if (x.mbox_sha1sum !== undefined && (typeof x.mbox_sha1sum !== "string" || !/^[0-9a-f]{40}$/i.test(x.mbox_sha1sum))) problems.push("actor.mbox_sha1sum must be 40 hex digits");
  if (x.openid !== undefined && !isIri(x.openid)) problems.push("actor.openid must be an IRI");
  if (x.account !== undefined) {
    const a = x.account;
    if (!isObj(a)) problems.push("actor.account must be an object");
    else {
      if (!isIrl(a.homePage)) problems.push("actor.account.homePage must be an http(s) IRL");
      if (typeof a.name !== "string" || a.name.length === 0) problems.push("actor.account.name must be non-empty text");
    }
  }
  return problems;
}

function verb(x: unknown): string[] {
  if (!isObj(x)) return ["verb is missing"];
  return [...(isIri(x.id) ? [] : ["verb.id must be an IRI"]), ...languageMap(x.display, "verb.display")];
}

function object(x: unknown): string[] {
  if (!isObj(x)) return ["object is missing"];
  const problems: string[] = [];
  if (x.objectType !== "Activity") problems.push(`object.objectType must be "Activity"`);
  if (!isIri(x.id)) problems.push("object.id must be an IRI");
  const d = x.definition;
  if (d !== undefined) {
    if (!isObj(d)) problems.push("object.definition must be an object");
    else {
      if (d.name !== undefined) problems.push(...languageMap(d.name, "object.definition.name"));
      if (d.description !== undefined) problems.push(...languageMap(d.description, "object.definition.description"));
      if (d.type !== undefined && !isIri(d.type)) problems.push("object.definition.type must be an IRI");
    }
  }
  return problems;
}

function scoreProblems(s: Obj): string[] {
  const problems: string[] = [];
  const num = (k: string): number | undefined => {
    const v = s[k];
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  };
  for (const k of ["scaled", "raw", "min", "max"]) if (s[k] !== undefined && num(k) === undefined) problems.push(`result.score.${k} must be a number`);
  const [scaled, raw, min, max] = [num("scaled"), num("raw"), num("min"), num("max")];
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) problems.push(`result.score.scaled must lie in [-1, 1]; it is ${scaled}`);
  if (min !== undefined && max !== undefined && max <= min) problems.push("result.score.max must be greater than min");
  if (raw !== undefined && min !== undefined && raw < min) problems.push(`result.score.raw (${raw}) is below min (${min})`);
  if (raw !== undefined && max !== undefined && raw > max) problems.push(`result.score.raw (${raw}) is above max (${max})`);
  return problems;
}

function result(x: unknown): string[] {
  if (x === undefined) return [];
  if (!isObj(x)) return ["result must be an object"];
  const problems: string[] = [];
  if (x.score !== undefined) problems.push(...(isObj(x.score) ? scoreProblems(x.score) : ["result.score must be an object"]));
  for (const k of ["success", "completion"]) if (x[k] !== undefined && typeof x[k] !== "boolean") problems.push(`result.${k} must be true or false`);
  return [...problems, ...extensions(x.extensions, "result.extensions")];
}

function context(x: unknown): string[] {
  if (x === undefined) return [];
  if (!isObj(x)) return ["context must be an object"];
  const problems: string[] = [];
  if (x.registration !== undefined && !(typeof x.registration === "string" && isUuid(x.registration))) problems.push("context.registration must be a UUID");
  const activities = x.contextActivities;
  if (isObj(activities)) {
    for (const [kind, list] of Object.entries(activities)) {
      const items = Array.isArray(list) ? list : [list];
      items.forEach((a, i) => {
        if (!isObj(a) || !isIri(a.id)) problems.push(`context.contextActivities.${kind}[${i}].id must be an IRI`);
      });
    }
  }
  return [...problems, ...extensions(x.extensions, "context.extensions")];
}

function timestamp(x: unknown): string[] {
  if (x === undefined) return [];
  if (typeof x !== "string" || !ISO_8601.test(x) || Number.isNaN(Date.parse(x))) return ["timestamp must be an ISO 8601 date-time with a time zone"];
  return [];
}

/** The problems of one statement, in plain words; empty when it passes. */
export function validateXapiStatement(statement: unknown): string[] {
  if (!isObj(statement)) return ["a statement must be a JSON object"];
  const id = statement.id;
  return [
    ...(id === undefined || (typeof id === "string" && isUuid(id)) ? [] : ["id must be a UUID"]),
    ...actor(statement.actor),
    ...verb(statement.verb),
    ...object(statement.object),
    ...result(statement.result),
    ...context(statement.context),
    ...timestamp(statement.timestamp),
  ];
}
