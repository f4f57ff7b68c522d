// office-addin-mock imports office-addin-manifest, an ESM package Jest cannot load; the mock never uses it.
export const OfficeAddinManifest = {};
export default {};
