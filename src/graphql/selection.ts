// What a client selected below a field, read from the resolver's info.

import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names (not aliases) of the fields selected at `path` below the current
 * field, through fragments: in `leads { edges { node { id e: email } } }`,
 * ['edges', 'node'] gives {id, email}. @skip and @include are not evaluated:
 * a field under one counts as selected, so the answer is never smaller than
 * what execution resolves.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  return new Set(selectedFieldNodes(info, path).map((field) => field.name.value));
}

/**
 * Answers by field node and path. A field node belongs to one parsed document, which fixes its
 * selections and fragments, and Apollo hands every request with the same query text the same
 * document: a repeated query is walked once. Only single field nodes are kept (fields merged from
 * several nodes may differ from one request to the next with @skip/@include on variables).
 */
const answers = new WeakMap<FieldNode, Map<string, readonly FieldNode[]>>();

/** The field nodes selected at `path` below the current field, as selectedFields reads them (arguments included). */
export function selectedFieldNodes(info: GraphQLResolveInfo, path: readonly string[]): readonly FieldNode[] {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const key = path.join('.');
  const known = single && answers.get(single)?.get(key);
  if (known) return known;
  let sets = info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  for (const name of path) {
    sets = fieldsIn(sets, info.fragments)
      .filter((field) => field.name.value === name)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  const fields = fieldsIn(sets, info.fragments);
  if (single) {
    const byPath = answers.get(single) ?? new Map<string, readonly FieldNode[]>();
    byPath.set(key, fields);
    answers.set(single, byPath);
  }
  return fields;
}

/** The field nodes of selection sets, fragments spread (each fragment once: validation forbids cycles anyway). */
function fieldsIn(sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const spread = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!spread.has(selection.name.value) && fragments[selection.name.value]) {
        spread.add(selection.name.value);
        visit(fragments[selection.name.value].selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}
