export * from './courts/court-code';
export * from './transport/namespace';
export * from './transport/streams';
