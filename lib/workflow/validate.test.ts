import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldSchema,
  fileRefSchema,
  zonedDateTimeSchema,
  type Field,
  type FieldInput,
} from './schema';
import {
  isFileRef,
  isValidTimeZone,
  isZonedDateTime,
  requiredProblem,
  validateFieldValue,
} from './validate';

const f = (input: FieldInput): Field => fieldSchema.parse(input);

describe('validateFieldValue', () => {
  it('null clears any field', () => {
    expect(validateFieldValue(f({ id: 'a', label: 'A', type: 'number' }), null)).toBeUndefined();
  });

  it('single choice: must be one of the options', () => {
    const field = f({
      id: 'sev',
      label: 'Severity',
      type: 'single-choice',
      options: [
        { value: 'SEV1', label: 'SEV1' },
        { value: 'SEV2', label: 'SEV2' },
      ],
    });
    expect(validateFieldValue(field, 'SEV2')).toBeUndefined();
    expect(validateFieldValue(field, 'SEV5')).toBe('"SEV5" is not one of the options: SEV1, SEV2.');
    expect(validateFieldValue(field, 2)).toContain('Choose one of the options');
  });

  it('multi choice: known options, no repeats, minimum', () => {
    const field = f({
      id: 'm',
      label: 'M',
      type: 'multi-choice',
      minSelected: 2,
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    });
    expect(validateFieldValue(field, ['a', 'b'])).toBeUndefined();
    expect(validateFieldValue(field, ['a', 'z'])).toBe('Not among the options: "z".');
    expect(validateFieldValue(field, ['a', 'a'])).toBe('An option is chosen twice.');
    expect(validateFieldValue(field, ['a'])).toBe('Choose at least 2.');
  });

  it('number: range and whole numbers', () => {
    const field = f({ id: 'n', label: 'N', type: 'number', min: 1, max: 5, integer: true });
    expect(validateFieldValue(field, 1)).toBeUndefined();
    expect(validateFieldValue(field, 5)).toBeUndefined();
    expect(validateFieldValue(field, 0)).toBe('Enter a number from 1 to 5.');
    expect(validateFieldValue(field, 6)).toBe('Enter a number from 1 to 5.');
    expect(validateFieldValue(field, 2.5)).toBe('Enter a whole number.');
    expect(validateFieldValue(field, Number.NaN)).toContain('Enter a number');
    expect(validateFieldValue(field, '3')).toContain('Enter a number');
    expect(validateFieldValue(f({ id: 'n', label: 'N', type: 'number', min: 0 }), -1)).toBe(
      'Enter 0 or more.',
    );
  });

  it('url: must parse, be http(s), and match an allow pattern', () => {
    const field = f({
      id: 'u',
      label: 'U',
      type: 'url',
      allow: ['^https://linear\\.app/'],
      allowMessage: 'Linear links only.',
    });
    expect(validateFieldValue(field, 'https://linear.app/acme/issue/A-1')).toBeUndefined();
    expect(validateFieldValue(field, 'not a link')).toContain('is not a link');
    expect(validateFieldValue(field, 'https://example.com/')).toBe('Linear links only.');
    const any = f({ id: 'u', label: 'U', type: 'url' });
    expect(validateFieldValue(any, 'javascript:alert(1)')).toBe('Only http(s) links are accepted.');
    expect(validateFieldValue(any, 'https://acme.sentry.io/issues/1/')).toBeUndefined();
  });

  it('text: length and pattern', () => {
    const field = f({
      id: 't',
      label: 'T',
      type: 'text',
      maxLength: 5,
      pattern: '^[a-z]+$',
      patternMessage: 'Lower-case letters only.',
    });
    expect(validateFieldValue(field, 'abc')).toBeUndefined();
    expect(validateFieldValue(field, 'ABC')).toBe('Lower-case letters only.');
    expect(validateFieldValue(field, 'abcdef')).toBe('Keep it under 5 characters (this is 6).');
    expect(validateFieldValue(field, '')).toBeUndefined();
  });

  it('paragraph: minimum and maximum length', () => {
    const field = f({ id: 'p', label: 'P', type: 'paragraph', minLength: 10, maxLength: 20 });
    expect(validateFieldValue(field, 'long enough text')).toBeUndefined();
    expect(validateFieldValue(field, 'short')).toBe('Write at least 10 characters (this is 5).');
    expect(validateFieldValue(field, 'x'.repeat(21))).toBe(
      'Keep it under 20 characters (this is 21).',
    );
  });

  it('datetime: real date, known IANA zone', () => {
    const field = f({ id: 'd', label: 'D', type: 'datetime' });
    expect(
      validateFieldValue(field, { local: '2026-03-08T02:30', timeZone: 'America/New_York' }),
    ).toBeUndefined();
    expect(validateFieldValue(field, { local: '2026-02-30T10:00', timeZone: 'UTC' })).toBe(
      '2026-02-30T10:00 is not a real date and time.',
    );
    expect(validateFieldValue(field, { local: '2026-02-03T25:00', timeZone: 'UTC' })).toContain(
      'not a real date',
    );
    expect(validateFieldValue(field, { local: '2026-02-03T10:00', timeZone: 'Mars/Olympus' })).toBe(
      '"Mars/Olympus" is not a known time zone; use a name like America/New_York.',
    );
    expect(validateFieldValue(field, '2026-02-03T10:00')).toContain('Enter a date and time');
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Nowhere/City')).toBe(false);
  });

  it('file: file refs, count, accepted types, no duplicates', () => {
    const field = f({
      id: 'f',
      label: 'F',
      type: 'file',
      maxFiles: 2,
      accept: ['image/*', '.har'],
    });
    const ref = (id: string, name: string, type: string) => ({
      attachmentId: id,
      name,
      size: 10,
      type,
    });
    expect(
      validateFieldValue(field, [ref('1', 'a.png', 'image/png'), ref('2', 'b.har', '')]),
    ).toBeUndefined();
    expect(validateFieldValue(field, [ref('1', 'a.exe', 'application/x-msdownload')])).toContain(
      'a.exe: not an accepted file type',
    );
    expect(
      validateFieldValue(field, [
        ref('1', 'a.png', 'image/png'),
        ref('2', 'b.png', 'image/png'),
        ref('3', 'c.png', 'image/png'),
      ]),
    ).toBe('At most 2 files (this is 3).');
    expect(
      validateFieldValue(field, [ref('1', 'a.png', 'image/png'), ref('1', 'a.png', 'image/png')]),
    ).toBe('The same attachment is listed twice.');
    expect(validateFieldValue(field, ['a.png'])).toContain('malformed');
  });

  it('checkbox: a boolean', () => {
    const field = f({ id: 'c', label: 'C', type: 'checkbox' });
    expect(validateFieldValue(field, true)).toBeUndefined();
    expect(validateFieldValue(field, 'yes')).toContain('Tick or untick');
  });
});

describe('requiredProblem', () => {
  it('names the field; a required checkbox must be ticked', () => {
    const text = f({ id: 't', label: 'Release tag', type: 'text', required: true });
    expect(requiredProblem(text, undefined)).toBe('"Release tag" is required.');
    expect(requiredProblem(text, '  ')).toBe('"Release tag" is required.');
    expect(requiredProblem(text, 'v1')).toBeUndefined();
    const box = f({ id: 'c', label: 'Acknowledged', type: 'checkbox', required: true });
    expect(requiredProblem(box, false)).toBe('"Acknowledged" must be ticked.');
    expect(requiredProblem(box, true)).toBeUndefined();
    const optional = f({ id: 'o', label: 'O', type: 'text' });
    expect(requiredProblem(optional, undefined)).toBeUndefined();
  });
});

describe('value shape guards agree with the zod schemas', () => {
  // A valid value with one property swapped for a value at or past the edge
  // of its constraint, so each check is exercised on both sides.
  const near = <T extends Record<string, unknown>>(
    valid: fc.Arbitrary<T>,
    edges: Record<string, unknown[]>,
  ) =>
    fc.oneof(
      valid,
      fc.tuple(valid, fc.constantFrom(...Object.entries(edges))).chain(([base, [key, values]]) =>
        fc.constantFrom(...values).map((edge) => {
          const copy: Record<string, unknown> = { ...base };
          if (edge === undefined) delete copy[key];
          else copy[key] = edge;
          return copy;
        }),
      ),
      fc.anything(),
    );
  const s = (n: number) => 'a'.repeat(n);
  const count = [-1, 0.5, Number.NaN, Infinity, 2 ** 53, '3', null];
  const sanitizedEdges: unknown[] = [
    undefined,
    null,
    [],
    { redactions: 0, byKind: {} },
    { redactions: 2, byKind: { cookie: 1, jwt: 1.5 } },
    { redactions: -1, byKind: {} },
    { redactions: 0.5, byKind: {} },
    { byKind: {} },
    { redactions: 1 },
    { redactions: 1, byKind: { cookie: Infinity } },
    { redactions: 1, byKind: { cookie: Number.NaN } },
    { redactions: 1, byKind: { cookie: '1' } },
    { redactions: 1, byKind: [] },
    { redactions: 1, byKind: new Date(0) },
    { redactions: 1, byKind: Object.create(null) as object },
  ];
  const fileRef = near(
    fc.record(
      {
        attachmentId: fc.string({ minLength: 1, maxLength: 100 }),
        name: fc.string({ minLength: 1, maxLength: 500 }),
        size: fc.nat(),
        type: fc.string({ maxLength: 200 }),
        sanitized: fc.record({
          redactions: fc.nat(),
          byKind: fc.dictionary(fc.string({ maxLength: 8 }), fc.nat()),
        }),
      },
      { requiredKeys: ['attachmentId', 'name', 'size', 'type'] },
    ),
    {
      attachmentId: ['', s(100), s(101), 1, undefined],
      name: ['', s(500), s(501), null, undefined],
      size: [...count, undefined],
      type: ['', s(200), s(201), 0, undefined],
      sanitized: sanitizedEdges,
      extra: ['kept out'],
    },
  );
  const zoned = near(
    fc.record({
      local: fc.constantFrom('2026-03-04T09:15', '2026-03-04T09:15:30', '9999-99-99T99:99'),
      timeZone: fc.string({ minLength: 1, maxLength: 100 }),
    }),
    {
      local: [
        '2026-03-04 09:15',
        '2026-03-04T09:15:3',
        '2026-3-04T09:15',
        ' 2026-03-04T09:15',
        '2026-03-04T09:15\n',
        '',
        1,
        undefined,
      ],
      timeZone: ['', s(100), s(101), 0, null, undefined],
      extra: [{}],
    },
  );

  it('isFileRef accepts exactly what fileRefSchema accepts', () => {
    fc.assert(
      fc.property(fileRef, (value) => {
        expect(isFileRef(value)).toBe(fileRefSchema.safeParse(value).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('isZonedDateTime accepts exactly what zonedDateTimeSchema accepts', () => {
    fc.assert(
      fc.property(zoned, (value) => {
        expect(isZonedDateTime(value)).toBe(zonedDateTimeSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });
});
