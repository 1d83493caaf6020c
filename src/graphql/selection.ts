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

/** The field nodes selected at `path` below the current field, as selectedFields reads them (arguments included). */
export function selectedFieldNodes(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let sets = info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  for (const name of path) {
    sets = fieldsIn(sets, info.fragments)
      .filter((field) => field.name.value === name)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return fieldsIn(sets, info.fragments);
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
