/* global HTMLElement */
/**
 * Office's theme (light, dark, colorful...) applied to the sidebar through CSS variables; without it
 * the stylesheet follows prefers-color-scheme.
 */

/** Office.context.officeTheme (only what is read here). */
export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Relative luminance (0 black .. 1 white) of "#rgb" or "#rrggbb". */
export function luminance(color: string): number {
  const hex = color.length === 4 ? color.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3") : color;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function isDark(theme: OfficeThemeLike): boolean | undefined {
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const background = theme.bodyBackgroundColor;
  return background !== undefined && COLOR.test(background)
    ? luminance(background) < 0.4
    : undefined;
}

export function applyTheme(root: HTMLElement, theme: OfficeThemeLike | null | undefined): void {
  root.classList.remove("cp-theme-dark", "cp-theme-light");
  if (!theme) return;
  const dark = isDark(theme);
  if (dark !== undefined) root.classList.add(dark ? "cp-theme-dark" : "cp-theme-light");
  const vars: ReadonlyArray<[string, string | undefined]> = [
    ["--cp-bg", theme.bodyBackgroundColor],
    ["--cp-fg", theme.bodyForegroundColor],
    ["--cp-control-bg", theme.controlBackgroundColor],
    ["--cp-control-fg", theme.controlForegroundColor],
  ];
  for (const [name, value] of vars) {
    if (value !== undefined && COLOR.test(value)) root.style.setProperty(name, value);
  }
}
