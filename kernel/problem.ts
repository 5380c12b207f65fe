import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import './zod-messages.ts';
import { BadRequestError, DomainError, type FieldIssue } from './errors.ts';

/** Where problem types are documented; `type` URIs are stable identifiers, not fetched. */
export const PROBLEM_BASE = 'https://five-haves.gov.example/problems/';

/** The body of every refusal (RFC 9457), as the OpenAPI document publishes it. */
export const ProblemSchema = z
  .object({
    type: z.string().check(
      z.meta({ description: 'A stable URI naming the kind of problem.', examples: [`${PROBLEM_BASE}conflict`] }),
    ),
    title: z.string().check(z.meta({ description: 'A short, fixed summary of the kind of problem.' })),
    status: z.number().check(z.int(), z.gte(400), z.lte(599)),
    detail: z.string().check(z.meta({ description: 'What went wrong with this request, for a person to read.' })),
    instance: z.string().check(z.meta({ description: 'The request path.' })),
    correlationId: z.string().check(
      z.meta({ description: 'Quote it when asking about the request; also the `x-correlation-id` header.' }),
    ),
    errors: z
      .optional(z.array(z.object({ field: z.string().check(z.meta({ examples: ['body.street'] })), message: z.string() })))
      .check(z.meta({ description: 'For bad input: each failing field (`body.…`, `query.…`, `path.…`, `header.…`).' })),
  })
  .check(z.meta({ title: 'Problem' }));

/** The one mapper from an error to RFC 9457 application/problem+json. */
export function problemResponse(
  error: unknown,
  instance: string,
  correlationId: string,
): APIGatewayProxyStructuredResultV2 {
  const known = error instanceof DomainError;
  const status = known ? error.status : 500;
  const body = {
    type: PROBLEM_BASE + (known ? error.type : 'internal'),
    title: known ? error.title : 'Internal error',
    status,
    detail: known ? error.detail : `Something failed on our side; quote correlation id ${correlationId}.`,
    instance,
    correlationId,
    ...(known && error.fields ? { errors: error.fields } : {}),
  };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', 'x-correlation-id': correlationId },
    body: JSON.stringify(body),
  };
}

/** zod issues as field issues, prefixed with where the input came from (body, query, path). */
export function fieldIssues(location: string, error: z.core.$ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: `${base}.${key}`, message: 'unknown field' }));
    }
    return [{ field: base, message: issue.message }];
  });
}

export function validationError(location: string, error: z.core.$ZodError): BadRequestError {
  const fields = fieldIssues(location, error);
  const named = fields.map((f) => f.field).slice(0, 5).join(', ');
  return new BadRequestError(`Invalid ${location}: ${named}.`, fields);
}
