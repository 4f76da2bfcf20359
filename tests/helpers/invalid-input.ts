import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Inputs that are invalid for an operation BY CONSTRUCTION, derived from its
 * input schema: the value is not an object, carries a key the (strict) schema
 * does not know, or has one field of a type, size or range the field refuses.
 * Each comes with the path where the refusal must be reported, so a test can
 * check that the schema caught that very defect.
 */

/** What a JSON (or structured-clone) value is at its top. */
export type Kind = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'array' | 'object';
const everyKind: readonly Kind[] = ['string', 'number', 'boolean', 'null', 'undefined', 'array', 'object'];

type Schema = z.ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  element?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  valueType?: Schema;
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check: string; maximum?: number; minimum?: number } } }>;
}
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const kindOf = (value: unknown): Kind =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind);

/** Wrappers that only add undefined/null/a default around the schema inside. */
const wrappers = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly']);

/** The kinds a schema lets in at its top (refinements aside); anything unfamiliar counts as accepting everything. */
export function acceptedKinds(schema: Schema): Set<Kind> {
  const def = defOf(schema);
  const inner = (s: Schema | undefined) => acceptedKinds(s!);
  switch (def.type) {
    case 'string':
    case 'template_literal':
      return new Set(['string']);
    case 'number':
    case 'int':
      return new Set(['number']);
    case 'boolean':
      return new Set(['boolean']);
    case 'null':
      return new Set(['null']);
    case 'undefined':
      return new Set(['undefined']);
    case 'never':
      return new Set();
    case 'array':
    case 'tuple':
      return new Set(['array']);
    case 'object':
    case 'record':
      return new Set(['object']);
    case 'enum':
      return new Set(Object.values(def.entries!).map(kindOf));
    case 'literal':
      return new Set(def.values!.map(kindOf));
    case 'optional':
    case 'default':
    case 'prefault':
      return new Set([...inner(def.innerType), 'undefined']);
    case 'nullable':
      return new Set([...inner(def.innerType), 'null']);
    case 'nonoptional': {
      const kinds = inner(def.innerType);
      kinds.delete('undefined');
      return kinds;
    }
    case 'readonly':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'union':
      return new Set(def.options!.flatMap((option) => [...acceptedKinds(option)]));
    default:
      return new Set(everyKind);
  }
}

/** The schema inside optional/default/nullable wrappers. */
export function unwrap(schema: Schema): Schema {
  const def = defOf(schema);
  return wrappers.has(def.type) ? unwrap(def.innerType!) : schema;
}

/** Paths (dotted) of every object schema reachable from `schema` that lets unknown keys through. */
export function looseObjects(schema: Schema, path = ''): string[] {
  const def = defOf(schema);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'object': {
      const own = def.catchall && defOf(def.catchall).type === 'never' ? [] : [path || '(input)'];
      return [...own, ...Object.entries(def.shape!).flatMap(([key, field]) => looseObjects(field, at(key)))];
    }
    case 'array':
      return looseObjects(def.element!, at('[]'));
    case 'record':
      return looseObjects(def.valueType!, at('{}'));
    case 'union':
      return def.options!.flatMap((option) => looseObjects(option, path));
    case 'pipe':
      return looseObjects(def.in!, path);
    default:
      return wrappers.has(def.type) ? looseObjects(def.innerType!, path) : [];
  }
}

export interface Field {
  path: string[];
  schema: Schema;
}

/** Every field of the object and of the objects nested in it (not inside arrays or unions). */
export function fieldsOf(schema: Schema, path: string[] = []): Field[] {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object') return [];
  return Object.entries(def.shape!).flatMap(([key, field]) => [{ path: [...path, key], schema: field }, ...fieldsOf(field, [...path, key])]);
}

const lengthLimit = (schema: Schema, check: 'max_length' | 'min_length'): number | undefined => {
  const found = defOf(schema).checks?.find((entry) => entry._zod.def.check === check)?._zod.def;
  return found ? (check === 'max_length' ? found.maximum : found.minimum) : undefined;
};

/** A value that looks right for the schema (it need not pass every refinement): the base the defects go into. */
export function plausible(schema: Schema): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const format = (schema as unknown as { format?: string | null }).format;
      if (format === 'datetime') return '2026-12-10T19:00:00+01:00';
      if (format === 'date') return '2026-12-10';
      if (format === 'base64') return 'QW5uYQ==';
      if (format === 'email') return 'anna@example.de';
      if (format === 'regex') return 'abcdEFGH1234';
      return 'Anna';
    }
    case 'number':
      return Math.max(1, Number((schema as unknown as { minValue?: number | null }).minValue ?? 1));
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries!)[0];
    case 'literal':
      return def.values![0];
    case 'array':
      return Array.from({ length: lengthLimit(schema, 'min_length') ?? 0 }, () => plausible(def.element!));
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([key, field]) => [key, plausible(field)]));
    case 'record':
      return {};
    case 'union':
      return plausible(def.options![0]!);
    case 'pipe':
      return plausible(def.in!);
    default:
      return wrappers.has(def.type) ? plausible(def.innerType!) : 'Anna';
  }
}

/** A copy of `base` with `value` at `path`, set as an own property (so "__proto__" stays a key, not a prototype). */
export function setAt(base: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string, ...string[]];
  const object = base !== null && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const copy: Record<string, unknown> = { ...object };
  Object.defineProperty(copy, key, { value: setAt(object[key], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** An object parsed from JSON, so keys like "__proto__" are own properties as they arrive over HTTP or IPC. */
const fromJson = (json: string) => JSON.parse(json) as Record<string, unknown>;

/** Prototype-pollution payloads: each is an object whose own keys try to reach Object.prototype. */
export const pollutionPayloads: readonly string[] = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"prototype": {"polluted": "yes"}}',
  '{"__proto__": {"__proto__": {"polluted": "yes"}}}',
  '{"__proto__": {"toString": "polluted", "valueOf": "polluted"}}',
];

/** The payload's keys merged into an object (the object's own keys win). */
export const withPayload = (payload: string, object: unknown): Record<string, unknown> =>
  Object.assign(fromJson(payload), object !== null && typeof object === 'object' ? object : {});

const valueOfKind: Record<Kind, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', 'null', '{}', '[]', '1', 'true', '2026-12-10', '../../etc/passwd')),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, -1, Number.MAX_SAFE_INTEGER + 2)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  undefined: fc.constant(undefined),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  object: fc.oneof(
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.date({ noInvalidDate: true }),
  ),
};

/** Nested arrays or objects `depth` levels deep. */
export function deeplyNested(depth: number, as: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = as === 'array' ? [value] : { nested: value };
  return value;
}

export interface InvalidInput {
  /** What was done to the base, for failure messages. */
  defect: string;
  input: unknown;
  /** Dotted path where the schema must report the defect ('' for the input as a whole, '*' anywhere). */
  path: string;
}

const isRequired = (schema: Schema) => !acceptedKinds(schema).has('undefined');

/** Arbitrary inputs guaranteed invalid for a strict object schema (checked by looseObjects beforehand). */
export function invalidInputs(schema: Schema): fc.Arbitrary<InvalidInput> {
  const shape = defOf(unwrap(schema)).shape ?? {};
  const base = plausible(schema);
  const fields = fieldsOf(schema);
  const dotted = (path: readonly string[]) => path.join('.');
  /** The input and every object nested in it, with the keys each knows. */
  const objects = [
    { path: [] as string[], keys: new Set(Object.keys(shape)) },
    ...fields
      .filter((field) => defOf(unwrap(field.schema)).type === 'object')
      .map((field) => ({ path: field.path, keys: new Set(Object.keys(defOf(unwrap(field.schema)).shape!)) })),
  ];
  // null and undefined reach the schema as {} (the dispatcher's default): invalid only if some field is required.
  const emptyIsInvalid = Object.values(shape).some(isRequired);

  const strategies: Array<fc.Arbitrary<InvalidInput>> = [
    fc
      .oneof(valueOfKind.string, valueOfKind.number, valueOfKind.boolean, valueOfKind.array)
      .map((input) => ({ defect: 'not an object', input, path: '' })),
    ...(emptyIsInvalid ? [fc.constantFrom(null, undefined).map((input) => ({ defect: `${input}: required fields missing`, input, path: '*' }))] : []),
    fc
      .tuple(
        fc.constantFrom(...objects),
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'ID', 'id ')),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .filter(([object, key]) => !object.keys.has(key))
      .map(([object, key, value]) => ({ defect: `unknown key ${JSON.stringify(key)}`, input: setAt(base, [...object.path, key], value), path: dotted(object.path) })),
    fc.tuple(fc.constantFrom(...pollutionPayloads), fc.constantFrom(...objects)).map(([payload, { path }]) => ({
      defect: `pollution payload ${payload}`,
      input: path.length === 0 ? withPayload(payload, base) : setAt(base, path, withPayload(payload, valueAt(base, path))),
      path: dotted(path),
    })),
    fc
      .tuple(fc.integer({ min: 200, max: 5000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([depth, as]) => ({ defect: `${as} nested ${depth} deep under an unknown key`, input: setAt(base, [' deep'], deeplyNested(depth, as)), path: '' })),
  ];

  const wrongKinds = fields
    .map((field) => ({ field, kinds: everyKind.filter((kind) => !acceptedKinds(field.schema).has(kind)) }))
    .filter(({ kinds }) => kinds.length > 0);
  if (wrongKinds.length > 0) {
    strategies.push(
      fc
        .constantFrom(...wrongKinds)
        .chain(({ field, kinds }) => fc.constantFrom(...kinds).chain((kind) => valueOfKind[kind].map((value) => ({ field, kind, value }))))
        .map(({ field, kind, value }) => ({ defect: `${dotted(field.path)} given a ${kind}`, input: setAt(base, field.path, value), path: dotted(field.path) })),
    );
    const deepable = wrongKinds.filter(({ kinds }) => kinds.includes('array') || kinds.includes('object'));
    if (deepable.length > 0) {
      strategies.push(
        fc.tuple(fc.constantFrom(...deepable), fc.integer({ min: 200, max: 5000 })).map(([{ field, kinds }, depth]) => {
          const as = kinds.includes('array') ? 'array' : 'object';
          return { defect: `${dotted(field.path)} given an ${as} nested ${depth} deep`, input: setAt(base, field.path, deeplyNested(depth, as)), path: dotted(field.path) };
        }),
      );
    }
  }

  const outOfRange = fields.flatMap((field) => outOfRangeValues(field.schema).map((make) => ({ field, make })));
  if (outOfRange.length > 0) {
    strategies.push(
      fc
        .tuple(fc.constantFrom(...outOfRange), fc.integer({ min: 1, max: 1000 }))
        .map(([{ field, make }, by]) => {
          const { defect, value } = make(by);
          return { defect: `${dotted(field.path)}: ${defect}`, input: setAt(base, field.path, value), path: dotted(field.path) };
        }),
    );
  }
  return fc.oneof(...strategies);
}

const valueAt = (base: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], base);

/**
 * Values just outside a field's bounds: a string longer than its maximum (or empty below a minimum of 1),
 * a number above or below its range or with a fraction where an integer is required, an array with too
 * many items. Only for plain fields (wrapped at most in optional/default/nullable), where the bound is the
 * field's own; `by` says how far outside.
 */
function outOfRangeValues(schema: Schema): Array<(by: number) => { defect: string; value: unknown }> {
  // A pipe's input side judges first: optionalText is a bounded string piped into a transform.
  const inputSide = (inner: Schema): Schema => (defOf(inner).type === 'pipe' ? inputSide(unwrap(defOf(inner).in!)) : inner);
  const field = inputSide(unwrap(schema));
  const def = defOf(field);
  const makers: Array<(by: number) => { defect: string; value: unknown }> = [];
  if (def.type === 'string') {
    const string = field as unknown as { maxLength: number | null; minLength: number | null };
    if (string.maxLength !== null && string.maxLength <= 100_000) {
      makers.push((by) => ({ defect: `${string.maxLength! + by} characters`, value: 'x'.repeat(string.maxLength! + by) }));
    }
    if (string.minLength !== null && string.minLength >= 1) makers.push(() => ({ defect: 'empty', value: '' }));
  }
  if (def.type === 'number') {
    const number = field as unknown as { maxValue: number; minValue: number; isInt: boolean };
    if (Number.isFinite(number.maxValue)) makers.push((by) => ({ defect: `above ${number.maxValue}`, value: number.maxValue + by }));
    if (Number.isFinite(number.minValue)) makers.push((by) => ({ defect: `below ${number.minValue}`, value: number.minValue - by }));
    if (number.isInt) makers.push((by) => ({ defect: 'not an integer', value: by + 0.5 }));
  }
  if (def.type === 'array') {
    const max = lengthLimit(field, 'max_length');
    if (max !== undefined && max <= 1000) {
      makers.push((by) => ({ defect: `${max + by} items`, value: Array.from({ length: max + by }, () => plausible(def.element!)) }));
    }
  }
  return makers;
}

/** The input and every object or record field in it (not inside arrays): where free keys can be sent. */
export function keyedPositions(schema: Schema): string[][] {
  return [[], ...fieldsOf(schema).filter((field) => ['object', 'record'].includes(defOf(unwrap(field.schema)).type)).map((field) => field.path)];
}
