/**
 * Excel access for the sidebar: the only code that calls Excel.run / context.sync. Pass the global
 * `Excel` (or, in tests, the in-memory host from src/dev/excel-host) as `excel`.
 */
export type { ExcelApi } from "./excelApi";
export { insertTemplate } from "./insertTemplate";
export type {
  InsertOptions,
  InsertProgress,
  InsertResult,
  TemplatePlacement,
} from "./insertTemplate";
// refresh.ts re-exports the plan and row types of refreshSheet.ts with its functions.
export * from "./refresh";
export { runRiskAnalysis } from "./riskAnalysis";
export type { RiskAnalysisOptions, RiskAnalysisResult, RiskProgress } from "./riskAnalysis";
export { readTemplateRegistry, REGISTRY_KEY, UNDO_KEY } from "./templateRegistry";
export type { RegistryRead, TemplateEntry, TemplateRegistry } from "./templateRegistry";
export * from "./errors";
