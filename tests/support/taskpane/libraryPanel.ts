/**
 * The Library panel's user steps, shared by the library tests: load from a URL (type it, choose Load
 * from URL) or from a file, and wait until the sidebar is idle again.
 */
import { button, chooseFile, click, field, panel, type Sidebar } from "./harness";

export function libraryPanel(sidebar: Sidebar): HTMLElement {
  return panel(sidebar.root, "Library");
}

export async function loadUrl(sidebar: Sidebar, url: string): Promise<void> {
  field(libraryPanel(sidebar), "Team library URL").value = url;
  click(button(libraryPanel(sidebar), "Load from URL"));
  await sidebar.app.whenIdle();
}

export async function loadFile(sidebar: Sidebar, file: File): Promise<void> {
  const input = libraryPanel(sidebar).querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error("the Library panel has no file input");
  chooseFile(input, file);
  await sidebar.app.whenIdle();
}
