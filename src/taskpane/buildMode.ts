/**
 * Whether this bundle is a development build. webpack replaces `process.env.NODE_ENV` with its mode at build
 * time ("production" for `npm run build`), so production code carries a constant and no `process` object.
 */
declare const process: { readonly env: { readonly NODE_ENV?: string } };

export const DEVELOPMENT_BUILD: boolean = process.env.NODE_ENV !== "production";
