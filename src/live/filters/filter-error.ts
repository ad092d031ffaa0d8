/** A filter that is not valid, or that cannot be evaluated or translated exactly. */
export class FilterError extends Error {
  override readonly name = 'FilterError';
}
