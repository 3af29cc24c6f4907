// The package entry "ticketflow/engine": simulate() and the step-by-step Simulation, with its types.
export * from '../engine';
