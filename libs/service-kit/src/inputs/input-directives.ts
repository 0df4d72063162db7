import { Directive } from 'type-graphql';

/** SDL of the markers the input edge reads; every subgraph declares them. */
export const INPUT_DIRECTIVES_SDL = `
"""Kept exactly as sent: not trimmed (control characters are still refused)."""
directive @verbatim on INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION
"""May hold line breaks and tabs; other control characters are still refused."""
directive @multiline on INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION
`;

/** A password: trimming it would make the stored credential differ from what the user typed. */
export const Verbatim = () => Directive('@verbatim');

/** Free text over several lines: a description, a reason. */
export const Multiline = () => Directive('@multiline');
