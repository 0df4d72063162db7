// The generated documents and types (codegen.yml), the JSON shape of the JSONObject
// scalar, and the request helper. The preset's `graphql()` tag (generated/gql.ts) is not
// exported: operations live in ../operations/*.graphql, one document per operation.
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
export * from './generated/graphql';
export type { JsonObject, JsonValue } from './json';
export * from './request';
