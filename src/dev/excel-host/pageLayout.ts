/* global Excel */
/**
 * Excel.PageLayout (ExcelApi 1.9), the part Capacity Planner uses: orientation, zoom (a scale or fit to
 * pages), centring, the six margins, and the print area. The record lives in the CellStore
 * (getPageLayout / setPageLayout); the workbench's Export .xlsx writes it as the sheet's page setup.
 *
 * Refusals, as Excel's reference states them and stricter where it is silent (README, "Simplified"):
 *  - orientation other than "Portrait" / "Landscape", a non-boolean centring -> InvalidArgument;
 *  - zoom: scale outside 10..400, fit-to-pages that is not a whole number 0..32767, a scale together with
 *    fit-to-pages, or none of the three -> InvalidArgument (the reference: "This value can be null if fit to
 *    page tall or wide is specified", and the reverse);
 *  - a margin that is not a finite number of points >= 0 -> InvalidArgument;
 *  - setPrintArea: a range of another sheet -> InvalidArgument; several areas ("A1:B2,D1:E2") ->
 *    UnsupportedOperation (Excel accepts them; the host models one rectangle).
 * Not modelled: paper size, headers and footers, print titles, getPrintArea (returns RangeAreas).
 */
import { parseAddress } from "./address";
import type { PageLayoutRecord, PageOrientationName } from "./cellStore";
import { MemoryExcelError } from "./errors";
import { requireBoolean, sheetOf } from "./handles";
import type { SheetHandle } from "./handles";
import { MemoryRange } from "./range";
import { MemoryClientObject } from "./runtime";
import type { ContextCore } from "./runtime";

type Readers<H> = { readonly [name: string]: (handle: H) => unknown };

const ORIENTATIONS: readonly PageOrientationName[] = ["Portrait", "Landscape"];

type MarginName =
  "topMargin" | "bottomMargin" | "leftMargin" | "rightMargin" | "headerMargin" | "footerMargin";

const MARGIN_KEYS: Readonly<Record<MarginName, keyof PageLayoutRecord["margins"]>> = {
  topMargin: "top",
  bottomMargin: "bottom",
  leftMargin: "left",
  rightMargin: "right",
  headerMargin: "header",
  footerMargin: "footer",
};

/** Excel's print scale range, in percent (PageLayoutZoomOptions.scale). */
const MIN_SCALE = 10;
const MAX_SCALE = 400;
/** The largest "fit to N pages" Excel's Page Setup dialog takes. */
const MAX_FIT_PAGES = 32767;

function requireOrientation(value: unknown): PageOrientationName {
  const found = ORIENTATIONS.find((o) => o === value);
  if (found === undefined)
    throw new MemoryExcelError("InvalidArgument", `Unknown page orientation: ${String(value)}`);
  return found;
}

function requireMargin(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new MemoryExcelError("InvalidArgument", `${what} must be a number of points >= 0.`);
  return value;
}

function fitPages(value: unknown, what: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_FIT_PAGES)
    throw new MemoryExcelError(
      "InvalidArgument",
      `${what} must be a whole number of pages from 0 to ${MAX_FIT_PAGES}.`
    );
  return value;
}

/** Checks an Excel.PageLayoutZoomOptions: a scale, or fit to pages wide and/or tall, never both. */
export function checkZoom(value: unknown): PageLayoutRecord["zoom"] {
  if (typeof value !== "object" || value === null)
    throw new MemoryExcelError("InvalidArgument", "zoom must be a PageLayoutZoomOptions object.");
  const options = value as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!["scale", "horizontalFitToPages", "verticalFitToPages"].includes(key))
      throw new MemoryExcelError("InvalidArgument", `Unknown zoom option: ${key}`);
  }
  const horizontal = fitPages(options["horizontalFitToPages"], "horizontalFitToPages");
  const vertical = fitPages(options["verticalFitToPages"], "verticalFitToPages");
  const rawScale = options["scale"];
  const scale = rawScale === undefined || rawScale === null ? null : rawScale;
  if (scale !== null) {
    if (
      typeof scale !== "number" ||
      !Number.isFinite(scale) ||
      scale < MIN_SCALE ||
      scale > MAX_SCALE
    )
      throw new MemoryExcelError(
        "InvalidArgument",
        `The print scale must be from ${MIN_SCALE} to ${MAX_SCALE} percent.`
      );
    if (horizontal !== null || vertical !== null)
      throw new MemoryExcelError(
        "InvalidArgument",
        "A print scale cannot be set together with fit to pages."
      );
    return { scale, horizontalFitToPages: null, verticalFitToPages: null };
  }
  if (horizontal === null && vertical === null)
    throw new MemoryExcelError(
      "InvalidArgument",
      "zoom needs a scale or fit to pages wide or tall."
    );
  return { scale: null, horizontalFitToPages: horizontal, verticalFitToPages: vertical };
}

type PageLayoutProps =
  "orientation" | "zoom" | "centerHorizontally" | "centerVertically" | MarginName;

export class MemoryPageLayout
  extends MemoryClientObject<SheetHandle>
  implements Pick<Excel.PageLayout, PageLayoutProps>
{
  constructor(context: ContextCore, parent: () => SheetHandle, enqueue: boolean) {
    super(context, "PageLayout", { resolve: parent }, "Worksheet.pageLayout", enqueue);
  }

  protected override _validate(handle: SheetHandle): void {
    sheetOf(this.store, handle);
  }

  private _patch(name: string, value: unknown, patch: () => Partial<PageLayoutRecord>): void {
    this._set(name, value, (h) => {
      sheetOf(this.store, h);
      this.store.setPageLayout(h.sheetId, patch());
    });
  }

  get orientation(): PageOrientationName {
    return this._get("orientation");
  }
  set orientation(value: PageOrientationName) {
    this._patch("orientation", value, () => ({ orientation: requireOrientation(value) }));
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this._patch("zoom", value, () => ({ zoom: checkZoom(value) }));
  }

  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this._patch("centerHorizontally", value, () => ({
      centerHorizontally: requireBoolean(value, "centerHorizontally"),
    }));
  }

  get centerVertically(): boolean {
    return this._get("centerVertically");
  }
  set centerVertically(value: boolean) {
    this._patch("centerVertically", value, () => ({
      centerVertically: requireBoolean(value, "centerVertically"),
    }));
  }

  private _margin(name: MarginName): number {
    return this._get(name);
  }
  private _setMargin(name: MarginName, value: number): void {
    this._set(name, value, (h) => {
      const points = requireMargin(value, name);
      sheetOf(this.store, h);
      const { margins } = this.store.getPageLayout(h.sheetId);
      this.store.setPageLayout(h.sheetId, { margins: { ...margins, [MARGIN_KEYS[name]]: points } });
    });
  }

  get topMargin(): number {
    return this._margin("topMargin");
  }
  set topMargin(value: number) {
    this._setMargin("topMargin", value);
  }
  get bottomMargin(): number {
    return this._margin("bottomMargin");
  }
  set bottomMargin(value: number) {
    this._setMargin("bottomMargin", value);
  }
  get leftMargin(): number {
    return this._margin("leftMargin");
  }
  set leftMargin(value: number) {
    this._setMargin("leftMargin", value);
  }
  get rightMargin(): number {
    return this._margin("rightMargin");
  }
  set rightMargin(value: number) {
    this._setMargin("rightMargin", value);
  }
  get headerMargin(): number {
    return this._margin("headerMargin");
  }
  set headerMargin(value: number) {
    this._setMargin("headerMargin", value);
  }
  get footerMargin(): number {
    return this._margin("footerMargin");
  }
  set footerMargin(value: number) {
    this._setMargin("footerMargin", value);
  }

  protected override _readers(): Readers<SheetHandle> {
    const layout = (h: SheetHandle): PageLayoutRecord => {
      sheetOf(this.store, h);
      return this.store.getPageLayout(h.sheetId);
    };
    const zoom = (h: SheetHandle): Excel.PageLayoutZoomOptions => {
      const z = layout(h).zoom;
      return z.scale !== null
        ? { scale: z.scale }
        : {
            ...(z.horizontalFitToPages === null
              ? {}
              : { horizontalFitToPages: z.horizontalFitToPages }),
            ...(z.verticalFitToPages === null ? {} : { verticalFitToPages: z.verticalFitToPages }),
          };
    };
    return {
      orientation: (h) => layout(h).orientation,
      zoom,
      centerHorizontally: (h) => layout(h).centerHorizontally,
      centerVertically: (h) => layout(h).centerVertically,
      topMargin: (h) => layout(h).margins.top,
      bottomMargin: (h) => layout(h).margins.bottom,
      leftMargin: (h) => layout(h).margins.left,
      rightMargin: (h) => layout(h).margins.right,
      headerMargin: (h) => layout(h).margins.header,
      footerMargin: (h) => layout(h).margins.footer,
    };
  }

  /** The print area: a range of this sheet, or its address ("A1:K55", "'Board memo'!A1:K55"). */
  setPrintArea(printArea: MemoryRange | string): void {
    this._queue("PageLayout.setPrintArea", (h) => {
      sheetOf(this.store, h);
      if (printArea instanceof MemoryRange) {
        if (printArea.context !== this.context)
          throw new MemoryExcelError("InvalidArgument", "The range is of another request context.");
        const range = printArea._rangeHandle();
        if (range.sheetId !== h.sheetId)
          throw new MemoryExcelError(
            "InvalidArgument",
            "The print area must be on this worksheet."
          );
        const { row, col, rowCount, colCount } = range;
        this.store.setPageLayout(h.sheetId, { printArea: { row, col, rowCount, colCount } });
        return;
      }
      if (typeof printArea !== "string")
        throw new MemoryExcelError("InvalidArgument", "The print area is a Range or an address.");
      if (printArea.includes(","))
        throw new MemoryExcelError(
          "UnsupportedOperation",
          "The in-memory host models a print area of one rectangle."
        );
      const parsed = parseAddress(printArea);
      if (parsed.sheet !== null && this.store.findSheetByName(parsed.sheet)?.id !== h.sheetId)
        throw new MemoryExcelError("InvalidArgument", "The print area must be on this worksheet.");
      this.store.setPageLayout(h.sheetId, { printArea: { ...parsed.range } });
    });
  }
}
