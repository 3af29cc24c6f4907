import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS } from '../../src/document/schema-validation';
import { splitSchema } from '../../src/document/schema-split';
import { validatedSchema } from '../../src/document/schema-shape';

describe('splitSchema', () => {
  it('moves each object schema below the root under $defs and names it with a $ref', () => {
    const schema = {
      $id: 'https://example.test/s.json',
      type: 'object',
      properties: {
        a: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] },
        list: { type: 'array', items: { anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] } },
        n: { type: 'number', enum: [1, 2] },
      },
      required: ['a'],
    };
    expect(splitSchema(schema)).toEqual({
      $id: 'https://example.test/s.json',
      type: 'object',
      properties: {
        a: { $ref: '#/$defs/object0' },
        list: { type: 'array', items: { anyOf: [{ $ref: '#/$defs/object1' }, { type: 'null' }] } },
        n: { type: 'number', enum: [1, 2] },
      },
      required: ['a'],
      $defs: {
        object0: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] },
        object1: { type: 'object', properties: {} },
      },
    });
  });

  it('leaves values that are data, not schemas, as they are', () => {
    const constant = { type: 'object', properties: {} };
    const split = splitSchema({ type: 'object', properties: { c: { const: constant }, d: { type: 'array', default: [constant] } } });
    expect(split.properties).toEqual({ c: { const: constant }, d: { type: 'array', default: [constant] } });
    expect(split.$defs).toEqual({});
  });

  it('refuses a schema whose references moving could change', () => {
    expect(() => splitSchema({ $id: 'https://example.test/r.json', properties: { a: { $ref: '#/properties/b' } } })).toThrow(
      'splitSchema takes a schema without references, $defs or nested $id; https://example.test/r.json has some',
    );
    expect(() => splitSchema({ properties: { a: { $id: 'inner', type: 'object' } } })).toThrow('splitSchema takes a schema without references');
  });

  it('splits each published schema into several functions', () => {
    for (const schema of Object.values(PUBLISHED_SCHEMAS)) expect(Object.keys(splitSchema(validatedSchema(schema)).$defs as object).length).toBeGreaterThan(3);
  });
});
