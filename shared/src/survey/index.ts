export * from './questionnaire';
export * from './results';
