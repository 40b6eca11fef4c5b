// autocannon ships no types; bench/contact-load.ts uses a small part of it and casts at the edge.
declare module 'autocannon' {
  const autocannon: (options: unknown) => unknown;
  export default autocannon;
}
