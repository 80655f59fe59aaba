import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Field names selected directly in a selection set, through inline fragments and named fragments. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: FieldNode[] = []): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, into);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
  return into;
}

/**
 * The names of the fields a connection's nodes are asked for (under `nodes` and `edges { node }`), so a list can skip
 * reading what no one selected. Directives are ignored: a field under @skip counts as selected (reading it is safe).
 */
export function connectionNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const top = info.fieldNodes.flatMap((node) => fieldsOf(node.selectionSet, info));
  const nodes = [
    ...top.filter((field) => field.name.value === 'nodes'),
    ...top.filter((field) => field.name.value === 'edges').flatMap((edges) => fieldsOf(edges.selectionSet, info).filter((field) => field.name.value === 'node')),
  ];
  for (const node of nodes) for (const field of fieldsOf(node.selectionSet, info)) names.add(field.name.value);
  return names;
}

/** The names of the fields selected on the value of the field being resolved (a list of objects, say). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  return new Set(info.fieldNodes.flatMap((node) => fieldsOf(node.selectionSet, info)).map((field) => field.name.value));
}
