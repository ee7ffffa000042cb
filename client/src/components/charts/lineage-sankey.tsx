import { Layer, Rectangle, ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import type { SankeyData } from '@zielmonitor/shared/lineage/flows';

type NodeProps = {
  x: number;
  y: number;
  width: number;
  height: number;
  index: number;
  payload: { name: string; value: number };
};

function Node({ x, y, width, height, payload, containerWidth }: NodeProps & { containerWidth: number }) {
  const left = x < containerWidth / 2;
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={height} fill="#1b4f8a" fillOpacity={1} />
      <text
        x={left ? x + width + 6 : x - 6}
        y={y + height / 2}
        dy="0.35em"
        textAnchor={left ? 'start' : 'end'}
        fontSize={13}
        fill="#1f1f1f"
      >
        {payload.name} ({payload.value})
      </text>
    </Layer>
  );
}

/** Presentational: flows from the fates of 1.0 goals to what they became in 2.0. */
export function LineageSankey({ data }: { data: SankeyData }) {
  const width = 900;
  return (
    <div style={{ width: '100%', height: Math.max(260, data.nodes.length * 42) }} aria-hidden="true" inert>
      <ResponsiveContainer>
        <Sankey
          data={{ nodes: data.nodes, links: data.links }}
          nodePadding={24}
          nodeWidth={12}
          margin={{ top: 10, right: 220, bottom: 10, left: 10 }}
          link={{ stroke: '#7a9cc6', strokeOpacity: 0.6 }}
          node={(props: NodeProps) => <Node {...props} containerWidth={width} />}
        >
          <Tooltip />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
}
