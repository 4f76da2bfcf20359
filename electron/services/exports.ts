import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Store } from '../store/store';

// PLACEHOLDER — the exports helper replaces this module.
const todo = (): never => {
  throw new Error('not implemented yet');
};

export function exportService(store: Store) {
  void store;
  return {
    create: (_input: ParsedInputOf<'exports.create'>): Promise<OutputOf<'exports.create'>> => todo(),
    print: (_input: ParsedInputOf<'exports.print'>): Promise<OutputOf<'exports.print'>> => todo(),
    preview: (_input: ParsedInputOf<'exports.preview'>): OutputOf<'exports.preview'> => todo(),
    log: (_input: ParsedInputOf<'exports.log'>): OutputOf<'exports.log'> => todo(),
  };
}
