import type { Scenario } from '../../model';
import { useSimulationStore } from '../simulation/simulation-store';

/** The scenarios saved with the workspace, as a bundle carries them. */
export function scenariosForBundle(): Scenario[] {
  return useSimulationStore.getState().scenarios;
}

/** Puts a bundle's scenarios in place of the saved ones. */
export function restoreScenarios(scenarios: Scenario[]): void {
  useSimulationStore.getState().loadScenarios(scenarios, scenarios[0]?.id ?? null);
}
