import { Table, VisuallyHidden } from '@mantine/core';

export interface TextAlternative {
  columns: readonly [string, string];
  rows: readonly (readonly [string, string | number])[];
}

/** A chart's data as a table for screen readers; the drawn chart is hidden from them. */
export function DataTable({ caption, columns, rows }: TextAlternative & { caption: string }) {
  return (
    <VisuallyHidden>
      <Table>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{columns[0]}</Table.Th>
            <Table.Th scope="col">{columns[1]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{typeof value === 'number' ? value.toLocaleString() : value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </VisuallyHidden>
  );
}
