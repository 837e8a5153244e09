import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import * as swagger from '@nestjs/swagger';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiProduces, ApiTags, applyOpenApiDecorators } from './decorators.js';

const KEYS = [
  'swagger/apiUseTags',
  'swagger/apiSecurity',
  'swagger/apiHeaders',
  'swagger/apiParameters',
  'swagger/apiProduces',
  'swagger/apiConsumes',
];

function metadataOf(target: object): Record<string, unknown> {
  const entries: Array<[string, unknown]> = KEYS.map((k) => [k, Reflect.getMetadata(k, target) as unknown]);
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}
const methodOf = (cls: { prototype: object }): object => Object.getOwnPropertyDescriptor(cls.prototype, 'upload')!.value as object;

describe('deferred OpenAPI decorators', () => {
  it('record nothing until applied, then leave the same metadata as @nestjs/swagger applied directly', () => {
    @ApiTags('files')
    @ApiBearerAuth()
    @ApiHeader({ name: 'X-Class', required: false })
    class Deferred {
      @ApiConsumes('multipart/form-data')
      @ApiProduces('text/calendar')
      @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry safely' })
      upload(): void {}
    }

    @swagger.ApiTags('files')
    @swagger.ApiBearerAuth()
    @swagger.ApiHeader({ name: 'X-Class', required: false })
    class Direct {
      @swagger.ApiConsumes('multipart/form-data')
      @swagger.ApiProduces('text/calendar')
      @swagger.ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry safely' })
      upload(): void {}
    }

    expect(metadataOf(Deferred)).toEqual({});
    expect(metadataOf(methodOf(Deferred))).toEqual({});
    applyOpenApiDecorators(swagger);
    expect(metadataOf(Direct)).not.toEqual({});
    expect(metadataOf(Deferred)).toEqual(metadataOf(Direct));
    expect(metadataOf(methodOf(Deferred))).toEqual(metadataOf(methodOf(Direct)));
    // applied once: a second call changes nothing
    applyOpenApiDecorators(swagger);
    expect(metadataOf(Deferred)).toEqual(metadataOf(Direct));
  });
});
