/** Stable error codes of the wire contract (HTTP bodies and socket acknowledgements). */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request'
  | 'body_too_large'
  | 'not_found'
  | 'order_not_found'
  | 'unauthorized'
  | 'rate_limited'
  | 'too_many_open_orders'
  | 'lightning_unavailable'
  | 'database_unavailable'
  | 'payment_failed'
  | 'unsupported_media_type'
  | 'cross_origin'
  | 'busy'
  | 'internal_error';

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}
