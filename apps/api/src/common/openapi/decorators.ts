import type * as Swagger from '@nestjs/swagger';

/**
 * The OpenAPI decorators the controllers use, with the arguments of `@nestjs/swagger`'s own.
 *
 * `@nestjs/swagger` (with its utility library, about 500 modules) is only needed when someone opens
 * the API docs, so it is not imported at start-up: each decorator here records where it was applied
 * and with what, and `applyOpenApiDecorators` applies the real decorators, in the same order, just
 * before the document is first built. Nothing else reads the OpenAPI metadata.
 */
type Name = 'ApiBearerAuth' | 'ApiConsumes' | 'ApiHeader' | 'ApiProduces' | 'ApiTags';
type AnyDecorator = (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => unknown;

interface Application {
  name: Name;
  args: unknown[];
  target: object;
  key?: string | symbol;
  descriptor?: PropertyDescriptor;
}

const pending: Application[] = [];

function deferred<N extends Name>(name: N) {
  return (...args: Parameters<(typeof Swagger)[N]>): ClassDecorator & MethodDecorator =>
    (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
      pending.push({ name, args, target, key, descriptor });
    };
}

export const ApiBearerAuth = deferred('ApiBearerAuth');
export const ApiConsumes = deferred('ApiConsumes');
export const ApiHeader = deferred('ApiHeader');
export const ApiProduces = deferred('ApiProduces');
export const ApiTags = deferred('ApiTags');

/** Applies every recorded decorator with `@nestjs/swagger`'s implementation (once each). */
export function applyOpenApiDecorators(swagger: Pick<typeof Swagger, Name>): void {
  for (const { name, args, target, key, descriptor } of pending.splice(0)) {
    const decorator = (swagger[name] as (...a: unknown[]) => AnyDecorator)(...args);
    if (descriptor) decorator(target, key, descriptor);
    else decorator(target);
  }
}
