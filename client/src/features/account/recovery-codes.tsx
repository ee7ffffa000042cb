import { useAccountsT } from '../../lib/messages-accounts.ts';

/** Recovery codes, shown once right after they were made. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const a = useAccountsT();
  return (
    <div className="panel" role="region" aria-labelledby="codes-title">
      <h2 id="codes-title">{a.codesTitle}</h2>
      <p>{a.codesIntro}</p>
      <ol className="recovery-codes mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" onClick={onDone}>
        {a.codesDone}
      </button>
    </div>
  );
}
