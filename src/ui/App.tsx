import { defaultWorkspace } from '../model';

/** The application shell. */
export function App() {
  const ws = defaultWorkspace();
  return (
    <main>
      <h1>Ticketflow</h1>
      <p>{ws.name}</p>
    </main>
  );
}
