// A depth-first walk over the syntax tree, calling the visitor's function for
// each node's kind (graphql-js visitor style, enter only). The tree's depth is
// bounded by MAX_DEPTH (parse.ts), so recursion is safe.

import type { AstKind, AstNode } from './ast';

export type Visitor = {
  readonly [K in AstKind]?: (node: Extract<AstNode, { kind: K }>) => void;
};

export function visit(node: AstNode, visitor: Visitor): void {
  // One cast: TypeScript can't correlate node.kind with the mapped visitor type.
  const enter = visitor[node.kind] as ((node: AstNode) => void) | undefined;
  enter?.(node);
  for (const child of children(node)) visit(child, visitor);
}

export function children(node: AstNode): readonly AstNode[] {
  switch (node.kind) {
    case 'Program':
      return node.statements;
    case 'WhenRule':
      return [...(node.dimension ? [node.dimension] : []), node.points, node.condition, ...node.clauses];
    case 'PerRule':
      return [...(node.dimension ? [node.dimension] : []), node.points, node.selector, ...node.clauses];
    case 'QualifyRule':
      return [node.stage, node.condition, ...node.clauses];
    case 'DisqualifyRule':
      return [node.condition, ...node.clauses];
    case 'Points':
      return [node.value];
    case 'Within':
      return [node.duration];
    case 'Max':
      return [node.value];
    case 'Decay':
      return [node.percent, node.every];
    case 'Or':
    case 'And':
      return node.items;
    case 'Not':
      return [node.operand];
    case 'Comparison':
      return [node.attribute, node.operator, node.value];
    case 'In':
      return [node.attribute, node.list];
    case 'IsSet':
      return [node.attribute];
    case 'HasEvent':
      return node.within ? [node.selector, node.within] : [node.selector];
    case 'Count':
      return [node.selector, ...(node.within ? [node.within] : []), node.operator, node.value];
    case 'Inactive':
      return [node.operator, node.value];
    case 'Attribute':
      return node.path;
    case 'Selector':
      return [node.name, ...node.args];
    case 'NamedArgument':
      return [node.name, node.value];
    case 'List':
      return node.items;
    case 'Dimension':
    case 'Operator':
    case 'Name':
    case 'String':
    case 'Number':
    case 'Duration':
      return [];
    default: {
      const _exhaustive: never = node;
      return _exhaustive;
    }
  }
}
