import type { AnswerBody, CorrectionRequest } from '@zielmonitor/shared/schemas/correction-request';
import { formatDate } from '@zielmonitor/shared/time/format';
import { figureSubjectWords } from '@zielmonitor/shared/vocabulary/figure-words';
import { renderMail, type RenderedMail } from '../mail/render.ts';
import type { StoredRequest } from '../repositories/correction-requests.ts';

/**
 * The answer to a requester who left an address. A figure is named in full — what it counts, the
 * version, whose assessment, the counting rule, the date and the value the reader saw — with its
 * citable link, so the requester can open the overview exactly as they saw it.
 */
export function answerMail(
  origin: string,
  request: Pick<StoredRequest, 'createdAt' | 'figure'>,
  view: CorrectionRequest,
  body: AnswerBody,
): RenderedMail {
  const figure = request.figure;
  const about = figure ? `der Zahl „${view.subject.label}“` : view.subject.label;
  const accepted = body.outcome === 'accepted';
  return renderMail(origin, {
    subject: `Zielmonitor: Antwort auf Ihren Hinweis zu ${figure ? `der Zahl „${figureSubjectWords(figure)}“` : about}`,
    title: accepted ? 'Ihr Hinweis hat zu einer Berichtigung geführt' : 'Ihr Hinweis wurde geprüft',
    paragraphs: [
      'Guten Tag,',
      `vielen Dank für Ihren Hinweis vom ${formatDate(request.createdAt, 'de')} zu ${about}.`,
      accepted
        ? `Wir haben ihn geprüft und ${figure ? 'die Angaben dazu' : 'den Eintrag'} berichtigt.`
        : `Wir haben ihn geprüft und ${figure ? 'die Angaben dazu' : 'den Eintrag'} nicht geändert.`,
      ...(body.answer === '' ? [] : [`${accepted ? 'Antwort' : 'Begründung'}: ${body.answer}`]),
    ],
    links: [
      ...(view.link ? [{ label: 'Zur Berichtigung', path: view.link.path }] : []),
      ...(figure
        ? [{ label: 'Die Zahl, wie Sie sie gesehen haben', path: view.subject.path }]
        : view.link
          ? []
          : [{ label: 'Im Zielmonitor ansehen', path: view.subject.path }]),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil Sie bei Ihrem Hinweis um eine Antwort gebeten haben. Ihre Adresse ist damit im Zielmonitor gelöscht.',
  });
}
