/**
 * Hydra on the wire (seed 003, API Platform): JSON-LD both ways (`application/ld+json`; updates as
 * `application/merge-patch+json`), errors as RFC 7807 problem documents whose 422 lists
 * `violations[]`. Older API Platform versions spell the problem's members `hydra:title` and
 * `hydra:description`; both are read.
 */
import { parseLeniently, stringOrUndefined, type Problem, type Violation, type WireFormat } from '../../upstream/wire.js';

export const MERGE_PATCH = 'application/merge-patch+json';

export const wire: WireFormat = {
  dialect: 'hydra',
  accept: 'application/ld+json',
  contentType: 'application/ld+json',
  probePath: '/api/organizations?page=1&itemsPerPage=1',
  readProblem,
};

function readProblem(text: string): Problem {
  const body = parseLeniently(text);
  if (typeof body !== 'object' || body === null) return {};
  const doc = body as Record<string, unknown>;
  return {
    title: stringOrUndefined(doc['title']) ?? stringOrUndefined(doc['hydra:title']),
    detail: stringOrUndefined(doc['detail']) ?? stringOrUndefined(doc['hydra:description']),
    violations: readViolations(doc['violations']),
  };
}

function readViolations(value: unknown): Violation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const violations: Violation[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { propertyPath, message, code } = item as Record<string, unknown>;
    if (typeof propertyPath !== 'string' || typeof message !== 'string') continue;
    violations.push({ propertyPath, message, code: stringOrUndefined(code) });
  }
  return violations;
}
