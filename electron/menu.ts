/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions
 * shape), so it is tested without Electron. German labels; the Edit menu's roles
 * make copy and paste work in text fields; reload and developer tools only in
 * development builds.
 */
/** The subset of Electron's menu roles used here (a union, so the template stays assignable to Electron's type). */
export type MenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom';

export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItemTemplate[];
}

export function buildMenuTemplate({ isMac, isDev }: { isMac: boolean; isDev: boolean }): MenuItemTemplate[] {
  const separator: MenuItemTemplate = { type: 'separator' };
  const template: MenuItemTemplate[] = [];
  if (isMac) {
    template.push({
      label: 'Kundenkreis',
      submenu: [
        { role: 'about', label: 'Über Kundenkreis' },
        separator,
        { role: 'hide', label: 'Kundenkreis ausblenden' },
        { role: 'hideOthers', label: 'Andere ausblenden' },
        { role: 'unhide', label: 'Alle einblenden' },
        separator,
        { role: 'quit', label: 'Kundenkreis beenden' },
      ],
    });
  }
  template.push({
    label: 'Datei',
    submenu: [isMac ? { role: 'close', label: 'Fenster schließen' } : { role: 'quit', label: 'Beenden' }],
  });
  template.push({
    label: 'Bearbeiten',
    submenu: [
      { role: 'undo', label: 'Rückgängig' },
      { role: 'redo', label: 'Wiederholen' },
      separator,
      { role: 'cut', label: 'Ausschneiden' },
      { role: 'copy', label: 'Kopieren' },
      { role: 'paste', label: 'Einfügen' },
      { role: 'delete', label: 'Löschen' },
      separator,
      { role: 'selectAll', label: 'Alles auswählen' },
    ],
  });
  template.push({
    label: 'Ansicht',
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload', label: 'Neu laden' },
            { role: 'forceReload', label: 'Neu laden erzwingen' },
            { role: 'toggleDevTools', label: 'Entwicklerwerkzeuge' },
            separator,
          ] satisfies MenuItemTemplate[])
        : []),
      { role: 'resetZoom', label: 'Originalgröße' },
      { role: 'zoomIn', label: 'Vergrößern' },
      { role: 'zoomOut', label: 'Verkleinern' },
      separator,
      { role: 'togglefullscreen', label: 'Vollbild' },
    ],
  });
  template.push({
    label: 'Fenster',
    submenu: [
      { role: 'minimize', label: 'Minimieren' },
      isMac ? { role: 'zoom', label: 'Zoomen' } : { role: 'close', label: 'Schließen' },
    ],
  });
  return template;
}
