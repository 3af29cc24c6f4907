import { FileUp } from 'lucide-react';
import { useRef } from 'react';
import type { Problem } from '../../document';
import { readDocumentFile } from '../files/read-file';

/**
 * A button that lets the user pick a JSON file and hands over its text; nothing is uploaded anywhere.
 * The file is read with the bounded reader and the core's decoder; a file too large or not UTF-8 is
 * refused: `onRefused` gets the problem that names why, and `onText` is not called.
 */
export function JsonFileButton({
  label,
  onText,
  onRefused,
}: {
  label: string;
  onText: (text: string, fileName: string) => void;
  onRefused: (problems: Problem[], fileName: string) => void;
}) {
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
          if (!file) return;
          void readDocumentFile(file).then((read) => {
            if (read.ok) onText(read.text, file.name);
            else onRefused([read.problem], file.name);
          });
        }}
      />
    </>
  );
}
