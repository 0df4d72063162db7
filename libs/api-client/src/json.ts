/** A JSON value as it travels over the wire: what the `JSONObject` scalar holds. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** The `JSONObject` scalar: a JSON object (conditions are returned in this form). */
export interface JsonObject {
  [key: string]: JsonValue;
}
