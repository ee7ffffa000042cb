/**
 * A small RDF graph and its two serialisations: JSON-LD (with a prefix context) and Turtle in
 * its simplest form, one triple per line with full IRIs (which is also valid N-Triples).
 */
export type Term = { iri: string } | { value: string; datatype?: string; lang?: string };
export type RdfNode = { id: string; types: string[]; props: [predicate: string, object: Term][] };

export const iri = (value: string): Term => ({ iri: value });
export const text = (value: string, lang = 'de'): Term => ({ value, lang });
export const typed = (value: string, datatype: string): Term => ({ value, datatype });

const expand = (name: string, prefixes: Record<string, string>): string => {
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? prefixes[name.slice(0, colon)] : undefined;
  return prefix ? `${prefix}${name.slice(colon + 1)}` : name;
};

/** JSON-LD: one object per node in @graph, predicates and types as prefixed names, values typed. */
export function toJsonLd(nodes: RdfNode[], prefixes: Record<string, string>): Record<string, unknown> {
  const object = (term: Term) =>
    'iri' in term
      ? { '@id': term.iri }
      : term.lang
        ? { '@value': term.value, '@language': term.lang }
        : term.datatype
          ? { '@value': term.value, '@type': term.datatype }
          : { '@value': term.value };
  return {
    '@context': prefixes,
    '@graph': nodes.map((node) => {
      const out: Record<string, unknown> = { '@id': node.id, '@type': node.types };
      for (const [predicate, term] of node.props) {
        const existing = out[predicate];
        out[predicate] = existing === undefined ? [object(term)] : [...(existing as unknown[]), object(term)];
      }
      return out;
    }),
  };
}

const escapeLiteral = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const escapeIri = (value: string) =>
  value.replace(
    // eslint-disable-next-line no-control-regex -- N-Triples escapes control characters in an IRI
    /[\u0000-\u0020<>"{}|^`\\]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
  );

/** Turtle, one triple per line with full IRIs: every Turtle and N-Triples reader takes it. */
export function toTurtle(nodes: RdfNode[], prefixes: Record<string, string>): string {
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  const term = (t: Term) => {
    if ('iri' in t) return `<${escapeIri(expand(t.iri, prefixes))}>`;
    const literal = `"${escapeLiteral(t.value)}"`;
    if (t.lang) return `${literal}@${t.lang}`;
    return t.datatype ? `${literal}^^<${expand(t.datatype, prefixes)}>` : literal;
  };
  const lines: string[] = [];
  for (const node of nodes) {
    const subject = `<${escapeIri(node.id)}>`;
    for (const type of node.types) lines.push(`${subject} <${RDF_TYPE}> <${expand(type, prefixes)}> .`);
    for (const [predicate, object] of node.props)
      lines.push(`${subject} <${expand(predicate, prefixes)}> ${term(object)} .`);
  }
  return `${lines.join('\n')}\n`;
}
