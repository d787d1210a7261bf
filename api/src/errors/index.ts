export { ErrorCode, HTTP_STATUS } from './codes.ts';
export { ApiError, badInput, limitExceeded, notFound, type ApiErrorOptions } from './ApiError.ts';
export { fromDriverError } from './fromDriverError.ts';
export { makeFormatError, type ErrorLogger } from './formatError.ts';
