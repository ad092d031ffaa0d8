import { InvalidOptionError } from '../../src/vocabulary/errors/client-errors';

/** Runs a constructor that must refuse its options; returns what the InvalidOptionError says. */
export function invalidOptionOf(construct: () => unknown): { name: string; message: string; field: string } {
  try {
    construct();
  } catch (error) {
    if (error instanceof InvalidOptionError) return { name: error.name, message: error.message, field: error.field };
    throw error;
  }
  throw new Error('the constructor did not throw');
}
