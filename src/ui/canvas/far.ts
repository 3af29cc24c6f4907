import { createContext, useContext } from 'react';

/** Whether the canvas is zoomed out below FAR_ZOOM: its nodes then draw as plain shapes in their kind's colour. */
export const FarContext = createContext(false);

/** Whether the canvas is zoomed out (see FarContext). */
export function useFar(): boolean {
  return useContext(FarContext);
}
