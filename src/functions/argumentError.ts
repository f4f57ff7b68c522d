/**
 * Why an argument cannot be used, independent of Excel so the adapters can be tested without the runtime.
 * "value" -> #VALUE! (wrong type or missing), "number" -> #NUM! (a number outside what makes sense).
 */
export class ArgumentError extends Error {
  override readonly name = "ArgumentError";
  constructor(
    readonly kind: "value" | "number",
    message: string
  ) {
    super(message);
  }
}
