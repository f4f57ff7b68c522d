/* global globalThis */
/**
 * Lets the sidebar's function finder preview a result with the same implementation Excel calls: before
 * the CustomFunctions.associate calls that custom-functions-metadata-plugin appends to functions.ts run,
 * associate is wrapped so that each function it receives is also published by id in src/shared-state.
 * What Excel registers is unchanged (the original associate gets the same arguments, in order); when the
 * runtime's CustomFunctions cannot be wrapped, the functions register as before and the finder says it
 * cannot preview.
 */
import {
  publishFunctionImplementation,
  type FunctionImplementation,
} from "../shared-state/functionImplementations";

type Associate = (
  idOrMappings: string | Record<string, FunctionImplementation>,
  implementation?: FunctionImplementation
) => void;

interface CustomFunctionsLike {
  associate?: Associate;
}

const WRAPPED = Symbol.for("capacity-planner.associate-published");

function publish(
  idOrMappings: string | Record<string, FunctionImplementation>,
  implementation: FunctionImplementation | undefined
): void {
  if (typeof idOrMappings === "string") {
    if (typeof implementation === "function")
      publishFunctionImplementation(idOrMappings, implementation);
    return;
  }
  if (typeof idOrMappings !== "object" || idOrMappings === null) return;
  for (const [id, fn] of Object.entries(idOrMappings))
    if (typeof fn === "function") publishFunctionImplementation(id, fn);
}

/** Wraps the runtime's CustomFunctions.associate once; a no-op where there is none. */
export function publishAssociatedFunctions(scope: unknown = globalThis): void {
  const cf = (scope as { CustomFunctions?: CustomFunctionsLike }).CustomFunctions;
  if (typeof cf !== "object" || cf === null) return;
  const original = cf.associate;
  if (typeof original !== "function") return;
  if ((original as unknown as Record<symbol, unknown>)[WRAPPED] === true) return;
  const wrapped: Associate = function (this: unknown, idOrMappings, implementation) {
    // Excel first: if it refuses the association, nothing is published that it does not run.
    const result = original.call(cf, idOrMappings, implementation);
    try {
      publish(idOrMappings, implementation);
    } catch {
      // Publishing is for the preview only: it never stands in the way of registering a function.
    }
    return result;
  };
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  try {
    cf.associate = wrapped;
  } catch {
    // A frozen CustomFunctions: the functions register unwrapped and the finder cannot preview.
  }
}
