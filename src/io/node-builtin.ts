// A Node builtin module where the runtime has one (Node 20.16+ through
// process.getBuiltinModule), without an import that the Worker bundle would
// have to resolve; undefined elsewhere. workerd with nodejs_compat answers
// too, with its own partial implementations: callers check what they use.
export function nodeBuiltin<T>(id: string): Partial<T> | undefined {
  return (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(id) as Partial<T> | undefined;
}
