// Compile-time assertions: `type X = Holds<Same<A, B>>` fails to compile when two definitions that must
// name the same members (a union and the list it is derived from, a schema and the type it parses into)
// drift apart. Types only: nothing here exists at run time.

/** `true` when A and B are the same type, either way round. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only when T is `true`. */
export type Holds<T extends true> = T;
