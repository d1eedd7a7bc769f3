import type { z } from 'zod';

/** One HTTP response of an operation: JSON with a schema, or another media type. */
export interface ApiResponse {
  description: string;
  /** JSON body schema; absent for non-JSON bodies (`mediaType`) or empty answers. */
  schema?: z.ZodType;
  /** Media type of a non-JSON body, e.g. `image/png`. */
  mediaType?: string;
  headers?: Record<string, string>;
}

/** One HTTP route as the OpenAPI document and the /docs page describe it. */
export interface ApiOperation {
  method: 'GET' | 'POST';
  /** Router pattern, `:name` for path parameters (`/api/pixels/:x/:y`). */
  path: string;
  operationId: string;
  tag: 'board' | 'orders' | 'pixels' | 'dev' | 'admin' | 'meta';
  summary: string;
  description?: string;
  /** Path parameters, an object schema whose keys are the `:name` segments. */
  params?: z.ZodObject;
  /** Query string, an object schema. */
  query?: z.ZodObject;
  /** JSON request body. */
  body?: z.ZodType;
  /** The body may be left out. */
  bodyOptional?: boolean;
  /** Needs `Authorization: Bearer $ADMIN_TOKEN`. */
  admin?: boolean;
  /** Successful answers by status; the error answers are added for every operation. */
  responses: Record<number, ApiResponse>;
  /** Error statuses this operation may answer besides 400 and 500. */
  errors?: readonly number[];
}
