import { describe, expect, it } from 'vitest';
import { VOCABULARY_IN_STEP } from './vocabulary';

describe('GraphQL vocabularies', () => {
  it('every generated union equals its shared vocabulary (checked by the type-checker; listed here)', () => {
    expect(Object.values(VOCABULARY_IN_STEP).every(Boolean)).toBe(true);
  });
});
