/** The same nested keys as T, every leaf a string (lets a translation mirror the Swedish file). */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
