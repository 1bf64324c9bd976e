import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PageInfo } from "./page-info.type.js";

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or a function graphql-js' default resolver calls only when `totalCount` is selected (a mirror list's count). */
  totalCount?: number | null | (() => Promise<number>);
}

/** Builds the Relay `XxxConnection` and `XxxEdge` types for one node type. */
export function createConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // simple: graphql-js' default resolver, which calls a function-valued property: a mirror list's count runs only when selected.
    @Field(() => Int, { nullable: true, simple: true, description: "Total matching records: counted by the mirror, or as the provider reports it." })
    totalCount?: number | null;
  }
  return ConnectionType;
}
