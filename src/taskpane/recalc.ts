/**
 * The recalculation after a library change lives in src/excel (the only code that talks to Excel); the
 * sidebar's modules import it from here.
 */
export {
  recalculateIfChanged,
  requestFullRecalculation,
  type RecalcExcel,
  type RecalcOutcome,
} from "../excel/recalculate";
