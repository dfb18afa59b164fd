import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SPEC_PATH = fileURLToPath(new URL('../../fixtures/humand-openapi.json', import.meta.url));
const SPEC_ID = 'humand-openapi';

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates bodies against Humand's own OpenAPI document. The spec marks almost nothing as
 * required and never forbids extra properties, so to make the check bite, every schema that
 * lists properties (and is not itself one branch of an allOf) gets `unevaluatedProperties:
 * false`: a body may only carry fields Humand documents.
 */
export class HumandOpenApi {
  readonly #spec: JsonObject;
  readonly #ajv: Ajv2019;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor() {
    this.#spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as JsonObject;
    forbidUndocumentedProperties(this.#spec);
    this.#ajv = new Ajv2019({ strict: false, allErrors: true });
    // ajv-formats is CommonJS; under NodeNext its default import is the module object.
    const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv2019) => void }).default ?? (addFormatsModule as unknown as (ajv: Ajv2019) => void);
    addFormats(this.#ajv);
    for (const format of ['float', 'double', 'int32', 'int64', 'binary', 'byte', 'password']) this.#ajv.addFormat(format, true);
    this.#ajv.addSchema({ ...this.#spec, $id: SPEC_ID });
  }

  /** Validates a body against what the spec says `method path` answers with `status`; returns error texts. */
  check(path: string, method: string, status: number, body: unknown): string[] {
    const pointer = this.#responsePointer(path, method, status);
    let validate = this.#cache.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      this.#cache.set(pointer, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }

  /** Validates against a named component schema. */
  checkComponent(name: string, body: unknown): string[] {
    const pointer = `/components/schemas/${name}`;
    let validate = this.#cache.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      this.#cache.set(pointer, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
  }

  #responsePointer(path: string, method: string, status: number): string {
    const paths = this.#spec.paths;
    const operation = isObject(paths) && isObject(paths[path]) ? (paths[path] as JsonObject)[method.toLowerCase()] : undefined;
    const responses = isObject(operation) ? operation.responses : undefined;
    const response = isObject(responses) ? responses[String(status)] : undefined;
    if (!isObject(response)) throw new Error(`the spec documents no ${status} for ${method} ${path}`);
    const base = typeof response.$ref === 'string' ? response.$ref.slice(1) : `/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}`;
    return `${base}/content/application~1json/schema`;
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function forbidUndocumentedProperties(spec: JsonObject): void {
  const components = isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};
  // Component schemas that are used as an allOf branch somewhere must stay open.
  const allOfBranches = new Set<string>();
  const collect = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!isObject(node)) return;
    if (Array.isArray(node.allOf)) {
      for (const branch of node.allOf) {
        if (isObject(branch) && typeof branch.$ref === 'string') allOfBranches.add(branch.$ref);
      }
    }
    Object.values(node).forEach(collect);
  };
  collect(spec);

  const close = (node: Json, isAllOfBranch: boolean, ref: string | null): void => {
    if (Array.isArray(node)) return node.forEach((item) => close(item, false, null));
    if (!isObject(node)) return;
    const describesProperties = isObject(node.properties) || Array.isArray(node.allOf);
    if (describesProperties && !isAllOfBranch && (ref === null || !allOfBranches.has(ref)) && node.additionalProperties === undefined) {
      node.unevaluatedProperties = false;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'allOf' && Array.isArray(value)) value.forEach((branch) => close(branch, true, null));
      else close(value, false, null);
    }
  };
  for (const [name, schema] of Object.entries(components)) close(schema, false, `#/components/schemas/${name}`);
  if (isObject(spec.paths)) close(spec.paths, false, null);
  if (isObject(spec.components) && isObject(spec.components.responses)) close(spec.components.responses, false, null);
}
