import type { Messages } from '../core';

/** The texts of the canvas's tools (the English texts: ../canvas-tools.ts). */
export const MESSAGES: Messages = {
  'canvasTools.map.hide': 'Ocultar el mapa general',
  'canvasTools.map.show': 'Mostrar el mapa general',
  'canvasTools.find.label': 'Buscar burbujas',
  'canvasTools.find.placeholder': 'Buscar por texto, tipo o id',
  'canvasTools.find.count': '{at} de {count}',
  'canvasTools.find.none': 'Ninguna burbuja coincide',
  'canvasTools.find.previous': 'Coincidencia anterior (Mayús+Intro)',
  'canvasTools.find.next': 'Coincidencia siguiente (Intro)',
  'canvasTools.find.close': 'Cerrar la búsqueda (Escape)',
  'canvasTools.selection.label': '{count} burbujas elegidas',
  'canvasTools.selection.count': '{count} burbujas elegidas',
  'canvasTools.selection.delete': 'Eliminar',
  'canvasTools.selection.copy': 'Copiar',
  'canvasTools.selection.move': 'Mover',
  'canvasTools.selection.clear': 'Quitar la selección',
  'canvasTools.selection.copied': '{count} acciones copiadas como JSON de flujo de trabajo.',
  'canvasTools.selection.moveHint': 'Elige un + para mover allí las {count} burbujas, una tras otra. Escape cancela.',
  'canvasTools.connect.handle': 'Arrastra sobre otra burbuja para ir allí (un ir a)',
  'canvasTools.connect.nowhere': 'Suelta la conexión sobre una burbuja para crear un «ir a» hacia ella.',
};
