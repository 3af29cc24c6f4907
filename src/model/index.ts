export * from './common';
export * from './filters';
export * from './workspace';
export * from './workflow';
export * from './scenario';
export * from './default-workspace';
export * from './revision';
