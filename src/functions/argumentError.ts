/**
 * Why an argument cannot be used, independent of Excel so the adapters can be tested without the runtime.
 * "value": wrong type or missing; "number": a number outside what makes sense. Both become #VALUE! in Excel
 * (see errorValues.ts: Excel shows no custom message for #NUM!), the kind only says which of the two it is.
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
