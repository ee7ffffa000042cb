import { Link } from 'wouter';
import { useT } from '../../lib/i18n.ts';
import { ReplyWithdraw } from './reply-withdraw.tsx';
import type { Reply } from '@zielmonitor/shared/schemas/reply';
import { formatDate } from '@zielmonitor/shared/time/format';
import { replyAuthorLabel } from '@zielmonitor/shared/vocabulary/labels';
import { useVoicesT } from '../../lib/messages-voices.ts';

/**
 * The replies (Stellungnahmen) to one entry, beside it: who speaks, what they say, their evidence.
 * Text is rendered as text, never as markup; a corrected or withdrawn reply stays, struck through.
 */
export function ReplyList({
  replies,
  correctable,
  replyPath,
}: {
  replies: Reply[];
  /** Replies the signed-in user may withdraw (the API decides). */
  correctable: number[];
  /** The reply form for this entry, when the signed-in user may still answer it. */
  replyPath: string | null;
}) {
  const v = useVoicesT();
  const { lang } = useT();
  if (replies.length === 0 && replyPath === null) return null;
  return (
    <div className="replies" data-testid="replies">
      {replies.length > 0 && (
        <ul aria-label={v.replies}>
          {replies.map((r) => (
            <li key={r.id} id={`stellungnahme-${r.id}`} className={r.supersededBy ? 'reply superseded' : 'reply'}>
              <p className="event-head">
                <strong>{v.replyBy(replyAuthorLabel(r.author), formatDate(r.recordedAt.slice(0, 10), lang))}</strong>
                {r.corrects !== null && <span className="muted"> ({v.replyCorrected})</span>}
              </p>
              {r.supersededBy ? (
                <>
                  <p className="note">
                    <del>{r.text}</del>
                  </p>
                  <p className="superseded-note">
                    {(r.supersededBy.kind === 'withdrawal' ? v.replyWithdrawn : v.replySuperseded)(
                      formatDate(r.supersededBy.recordedAt.slice(0, 10), lang),
                      r.supersededBy.reason,
                    )}
                  </p>
                </>
              ) : (
                <p className="note">{r.text}</p>
              )}
              {(r.evidence.url || r.evidence.reference) && (
                <p className="muted">
                  {r.evidence.url && (
                    <a href={r.evidence.url} rel="noreferrer noopener" target="_blank">
                      {r.evidence.url}
                    </a>
                  )}
                  {r.evidence.reference && <> {r.evidence.reference}</>}
                </p>
              )}
              {correctable.includes(r.id) && r.supersededBy === null && <ReplyWithdraw replyId={r.id} />}
            </li>
          ))}
        </ul>
      )}
      {replyPath !== null && (
        <p className="event-actions">
          <Link className="button-link secondary" to={replyPath}>
            {v.reply}
          </Link>
        </p>
      )}
    </div>
  );
}
