import type { Messages } from '../core';

/** The texts of the app frame in Spanish (the English texts: ../app.ts). */
export const MESSAGES: Messages = {
  'app.panelFailed': 'El panel {name} se detuvo por un error.',
  'app.panelFailed.kept': 'Tu trabajo se conserva; el resto de la aplicación sigue funcionando.',
  'app.panelFailed.retry': 'Reintentar',
  'app.panel.header': 'de cabecera',
  'app.panel.left': 'de acciones y flujos',
  'app.panel.canvas': 'del lienzo',
  'app.panel.settings': 'de ajustes',
  'app.panel.preview': 'de vista previa',
  'app.workspaceConflict': 'Los ajustes del servicio de ayuda se cambiaron en otra pestaña mientras los editabas aquí. No se sobrescribió nada.',
  'app.workspaceConflict.reload': 'Cargar los ajustes de la otra pestaña',
  'app.workspaceConflict.keep': 'Conservar los míos (reemplazar los otros)',
};
