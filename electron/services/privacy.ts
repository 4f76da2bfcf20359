import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Store } from '../store/store';

/** DSGVO tools: right of access (Art. 15), erasure (Art. 17), review of inactive contacts. */
export function privacyService(_store: Store) {
  const notYet = (): never => {
    throw new AppError('INTERNAL', 'not built yet');
  };
  return {
    access: async (_input: ParsedInputOf<'privacy.access'>): Promise<OutputOf<'privacy.access'>> => notYet(),
    erase: async (_input: ParsedInputOf<'privacy.erase'>): Promise<OutputOf<'privacy.erase'>> => notYet(),
    erasures: async (): Promise<OutputOf<'privacy.erasures'>> => notYet(),
    review: async (_input: ParsedInputOf<'privacy.review'>): Promise<OutputOf<'privacy.review'>> => notYet(),
    keep: async (_input: ParsedInputOf<'privacy.keep'>): Promise<OutputOf<'privacy.keep'>> => notYet(),
  };
}
