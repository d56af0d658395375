export * from './grid';
export * from './classic-layout';
export * from './classic-read';
export * from './template';
export * from './read';
export * from './classic-plan';
