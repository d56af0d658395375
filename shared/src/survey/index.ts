export * from './questionnaire';
export * from './results';
export * from './round';
export * from './precedence';
export * from './hasil';
