import type { ArgumentCheck } from '../arguments';

/**
 * Checks the documents of a multiple write: each an object with an object `body`, and a non-empty `_id` when
 * `idRequired` (optional otherwise). Names them `documents[i]`, `documents[i]._id`, `documents[i].body` in errors.
 */
export function documentsToWrite<D extends { readonly _id?: string; readonly body: object }>(
  check: ArgumentCheck,
  documents: readonly D[],
  idRequired: boolean,
): readonly D[] {
  return check.array('documents', documents, (name, document) => {
    check.object(name, document);
    if (idRequired) check.string(`${name}._id`, document._id);
    else check.optionalString(`${name}._id`, document._id);
    check.object(`${name}.body`, document.body);
  });
}
