// ln-service re-exports the methods of `lightning`, which ships the TypeScript types.
declare module 'ln-service' {
  export * from 'lightning';
}
