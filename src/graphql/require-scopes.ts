import { Extensions } from 'type-graphql';
import type { Scope } from '../auth/principal.js';

/**
 * The scopes an operation, mutation, field or subscription needs. Declared once, it feeds
 * two checks: the field's `extensions.scopes`, which auth/operation-scopes.ts reads to refuse a
 * whole operation before it runs (so a nested field the caller may not see costs no
 * upstream call for its parent either), and the check at the field itself, as defence in depth
 * (graphql/auth-checker.ts).
 */
export function RequireScopes(...scopes: Scope[]): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ scopes })(target, key, descriptor!);
  };
}
