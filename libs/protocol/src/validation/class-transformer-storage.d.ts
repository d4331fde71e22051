// class-transformer ships the types of its CommonJS storage module under types/, not beside it.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
