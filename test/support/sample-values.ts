import {
  isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, typeFromAST,
  type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode,
} from "graphql";

/** A plain valid value of each scalar the schema uses (paging sizes are asked for in full, to price the worst case). */
const SCALARS: Record<string, (name: string) => unknown> = {
  ID: () => "sample-id",
  String: () => "sample",
  Int: (name) => (name === "first" ? 200 : 1),
  Float: () => 1.5,
  Boolean: () => true,
  Decimal: () => "12.50",
  Date: () => "2026-09-30",
  DateTime: () => "2026-09-30T12:00:00Z",
  JSON: () => ({}),
};

/**
 * A valid value of an input type: required input fields filled, optional ones left out, lists of
 * one. For pricing example operations that take variables, and as the fuzzer's starting point.
 */
export function sampleValue(type: GraphQLInputType, name = ""): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [sampleValue(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type, field.name);
    }
    return value;
  }
  if (isScalarType(type)) {
    const make = SCALARS[type.name];
    if (!make) throw new Error(`no sample value for scalar ${type.name}`);
    return make(name);
  }
  throw new Error(`not an input type: ${String(type)}`);
}

/** Variables for an operation: a sample value for each declared variable. */
export function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type) variables[definition.variable.name.value] = sampleValue(type, definition.variable.name.value);
  }
  return variables;
}
