// A tiny typed SQL fragment builder in the style of PostGraphile's pg-sql2.
//
// Contract:
// - `sql\`...\`` interpolations must be fragments; anything else throws, so a
//   plain value can never be spliced into SQL text by mistake.
// - `sql.value(v)` is a bound parameter ($n). Interpolating the SAME value
//   fragment object several times binds it once (one $n), which keeps long
//   statements that reuse e.g. an instant readable and small.
// - `sql.identifier(...names)` quotes each name ("a"."b").
// - `sql.raw(text)` is for constant SQL text written in code: its parameter type
//   only accepts string literal types, never a computed `string`.
// - `compile(fragment)` numbers parameters $1..$n in text order.
// Imports nothing: shared by the DSL and the scoring service.

const FRAGMENT = Symbol('SqlFragment');

type SqlNode =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'value'; readonly value: unknown; readonly id: object }
  | { readonly kind: 'identifier'; readonly names: readonly string[] }
  /** A nested fragment, kept as is (not copied) so that building deep statements stays linear; compile() flattens. */
  | { readonly kind: 'fragment'; readonly fragment: SqlFragment };

export interface SqlFragment {
  readonly [FRAGMENT]: readonly SqlNode[];
}

export interface CompiledSql {
  readonly text: string;
  readonly values: unknown[];
}

function fragment(nodes: readonly SqlNode[]): SqlFragment {
  return Object.freeze({ [FRAGMENT]: nodes });
}

export function isSqlFragment(x: unknown): x is SqlFragment {
  return typeof x === 'object' && x !== null && FRAGMENT in x;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return `a ${typeof x}`;
}

function template(strings: TemplateStringsArray, ...parts: readonly SqlFragment[]): SqlFragment {
  const nodes: SqlNode[] = [];
  for (let i = 0; i < strings.length; i++) {
    if (strings[i] !== '') nodes.push({ kind: 'raw', text: strings[i] });
    if (i < parts.length) {
      const part: unknown = parts[i];
      if (!isSqlFragment(part)) {
        throw new TypeError(
          `sql: interpolation ${i + 1} is ${describe(part)}, not a fragment; wrap values in sql.value() and names in sql.identifier()`,
        );
      }
      nodes.push({ kind: 'fragment', fragment: part });
    }
  }
  return fragment(nodes);
}

/** A bound parameter. */
function value(v: unknown): SqlFragment {
  return fragment([{ kind: 'value', value: v, id: {} }]);
}

/** One or more names, quoted and joined with dots: sql.identifier('l', 'email') -> "l"."email". */
function identifier(...names: readonly string[]): SqlFragment {
  if (names.length === 0) throw new TypeError('sql.identifier: at least one name');
  for (const n of names) {
    if (typeof n !== 'string' || n === '' || n.includes('\0')) throw new TypeError('sql.identifier: names are non-empty strings without NUL');
  }
  return fragment([{ kind: 'identifier', names: [...names] }]);
}

/** Constant SQL text. The type accepts only string literals (`string` itself is rejected at compile time). */
function raw<T extends string>(text: string extends T ? never : T): SqlFragment {
  if (typeof text !== 'string') throw new TypeError('sql.raw: text must be a string');
  return fragment(text === '' ? [] : [{ kind: 'raw', text }]);
}

/** The fragments one after another, `separator` between them; an empty list is the empty fragment. */
function join(fragments: readonly SqlFragment[], separator: SqlFragment | string = ''): SqlFragment {
  const sep: readonly SqlNode[] =
    typeof separator === 'string' ? (separator === '' ? [] : [{ kind: 'raw', text: separator }]) : separatorNodes(separator);
  const nodes: SqlNode[] = [];
  fragments.forEach((f, i) => {
    if (!isSqlFragment(f)) throw new TypeError(`sql.join: item ${i + 1} is ${describe(f)}, not a fragment`);
    if (i > 0) nodes.push(...sep);
    nodes.push({ kind: 'fragment', fragment: f });
  });
  return fragment(nodes);
}

function separatorNodes(separator: unknown): readonly SqlNode[] {
  if (!isSqlFragment(separator)) throw new TypeError('sql.join: the separator is a fragment or a constant string');
  return [{ kind: 'fragment', fragment: separator }];
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Text with $1..$n placeholders and the values to bind, in order. */
export function compile(f: SqlFragment): CompiledSql {
  if (!isSqlFragment(f)) throw new TypeError(`compile: ${describe(f)} is not a fragment`);
  const parts: string[] = [];
  const values: unknown[] = [];
  const numbers = new Map<object, number>();
  // Depth-first over nested fragments with an explicit stack: statements can nest deeper than the call stack likes.
  const stack: { nodes: readonly SqlNode[]; at: number }[] = [{ nodes: f[FRAGMENT], at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.at === top.nodes.length) {
      stack.pop();
      continue;
    }
    const node = top.nodes[top.at++];
    switch (node.kind) {
      case 'raw':
        parts.push(node.text);
        break;
      case 'identifier':
        parts.push(node.names.map(quoteIdentifier).join('.'));
        break;
      case 'value': {
        let n = numbers.get(node.id);
        if (n === undefined) {
          values.push(node.value);
          n = values.length;
          numbers.set(node.id, n);
        }
        parts.push(`$${n}`);
        break;
      }
      case 'fragment':
        stack.push({ nodes: node.fragment[FRAGMENT], at: 0 });
        break;
      default: {
        const _exhaustive: never = node;
        throw new Error(`unknown node ${String(_exhaustive)}`);
      }
    }
  }
  return { text: parts.join(''), values };
}

export const sql = Object.assign(template, { value, identifier, raw, join, compile });
