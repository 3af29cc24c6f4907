import { FileUp } from 'lucide-react';
import { useRef } from 'react';

/** A button that lets the user pick a JSON file and hands over its text; nothing is uploaded anywhere. */
export function JsonFileButton({ label, onText }: { label: string; onText: (text: string, fileName: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="tf-button" onClick={() => input.current?.click()}>
        <FileUp size={16} aria-hidden />
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so picking the same file again (after fixing it) fires again.
          e.target.value = '';
          if (file) void file.text().then((text) => onText(text, file.name));
        }}
      />
    </>
  );
}
