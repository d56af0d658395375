export * from './instrument/types';
export * from './instrument/loader';
export * from './answers';
export * from './scoring';
export * from './eligibility';
export * from './instruments/index';
