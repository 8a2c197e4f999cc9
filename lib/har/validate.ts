/**
 * HAR 1.2 shape check (required fields and their types; extra `_` fields
 * allowed). Used to prove the sanitizer's output is still a valid HAR.
 */
import { z } from 'zod';

const nameValue = z.looseObject({ name: z.string(), value: z.string() });
const cookie = z.looseObject({ name: z.string(), value: z.string() });

export const harEntrySchema = z.looseObject({
  startedDateTime: z.string(),
  time: z.number(),
  request: z.looseObject({
    method: z.string(),
    url: z.string(),
    httpVersion: z.string(),
    cookies: z.array(cookie),
    headers: z.array(nameValue),
    queryString: z.array(nameValue),
    postData: z
      .looseObject({
        mimeType: z.string(),
        text: z.string().optional(),
        params: z
          .array(z.looseObject({ name: z.string(), value: z.string().optional() }))
          .optional(),
      })
      .optional(),
    headersSize: z.number(),
    bodySize: z.number(),
  }),
  response: z.looseObject({
    status: z.number(),
    statusText: z.string(),
    httpVersion: z.string(),
    cookies: z.array(cookie),
    headers: z.array(nameValue),
    content: z.looseObject({
      size: z.number(),
      mimeType: z.string(),
      text: z.string().optional(),
      encoding: z.string().optional(),
    }),
    redirectURL: z.string(),
    headersSize: z.number(),
    bodySize: z.number(),
  }),
  cache: z.looseObject({}),
  timings: z.looseObject({ send: z.number(), wait: z.number(), receive: z.number() }),
});

export const harSchema = z.looseObject({
  log: z.looseObject({
    version: z.string(),
    creator: z.looseObject({ name: z.string(), version: z.string() }),
    pages: z
      .array(
        z.looseObject({
          startedDateTime: z.string(),
          id: z.string(),
          title: z.string(),
          pageTimings: z.looseObject({}),
        }),
      )
      .optional(),
    entries: z.array(harEntrySchema),
  }),
});

export type Har = z.infer<typeof harSchema>;

/** Issues as readable lines; empty when `value` is a valid HAR 1.2 log. */
export function harIssues(value: unknown): string[] {
  const result = harSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
