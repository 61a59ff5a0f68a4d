/** The generators this folder's tests cover: every one `handoff build` runs, taken from its registry. */
import { GENERATORS } from '../../scripts/generate/index';
import type { Generator } from '../../scripts/generate/types';

export const GENERATOR_FILES: Generator[] = GENERATORS.map((g) => g.generate);
