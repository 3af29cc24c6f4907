// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../../src/ui/common/PanelBoundary';

afterEach(cleanup);

let broken = true;
function Fragile({ label }: { label: string }) {
  if (broken) throw new Error(`cannot render ${label}`);
  return <p>{label} works</p>;
}

function Host() {
  const [tab, setTab] = useState('a');
  return (
    <div>
      <button type="button" onClick={() => setTab('b')}>
        other tab
      </button>
      <p>outside the panel</p>
      <PanelBoundary name="Simulation" resetKey={tab}>
        <Fragile label={tab} />
      </PanelBoundary>
    </div>
  );
}

describe('PanelBoundary', () => {
  it('shows an error in its panel only, names the panel and the error, and tries again on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    render(<Host />);
    expect(screen.getByRole('alert')).toHaveTextContent('The Simulation panel stopped because of an error.');
    expect(screen.getByRole('alert')).toHaveTextContent('cannot render a');
    expect(screen.getByText('outside the panel')).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('a works')).toBeInTheDocument();
  });

  it('clears a caught error when what it shows changes (another tab, another workflow)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    render(<Host />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'other tab' }));
    expect(screen.getByText('b works')).toBeInTheDocument();
  });
});
