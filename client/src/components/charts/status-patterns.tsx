import type { Status } from '@zielmonitor/shared/schemas/common';
import { STATUS_STYLE } from '../../lib/status.ts';

export const statusFill = (status: Status) =>
  STATUS_STYLE[status].pattern === 'solid' ? STATUS_STYLE[status].color : `url(#pattern-${status})`;

const LINES: Record<string, string> = {
  diagonal: 'M0,8 L8,0',
  horizontal: 'M0,4 L8,4',
  vertical: 'M4,0 L4,8',
  cross: 'M0,0 L8,8 M8,0 L0,8',
  grid: 'M0,4 L8,4 M4,0 L4,8',
};

/** SVG patterns so that each status differs by texture as well as colour. */
export function StatusPatterns() {
  return (
    <defs>
      {(Object.entries(STATUS_STYLE) as [Status, (typeof STATUS_STYLE)[Status]][]).map(
        ([status, { color, pattern }]) =>
          pattern === 'solid' ? null : (
            <pattern key={status} id={`pattern-${status}`} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={color} />
              {pattern === 'dots' ? (
                <circle cx="4" cy="4" r="1.4" fill="#ffffff" fillOpacity="0.55" />
              ) : (
                <path d={LINES[pattern]} stroke="#ffffff" strokeOpacity="0.45" strokeWidth="1.4" />
              )}
            </pattern>
          ),
      )}
    </defs>
  );
}
