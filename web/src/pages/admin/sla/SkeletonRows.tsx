import { Skeleton, Table } from '@mantine/core';

/** Placeholder rows while a list loads. */
export function SkeletonRows({ columns, rows = 3 }: { columns: number; rows?: number }) {
  return Array.from({ length: rows }, (_, i) => `skeleton-${i}`).map((key) => (
    <Table.Tr key={key}>
      <Table.Td colSpan={columns}>
        <Skeleton h={28} />
      </Table.Td>
    </Table.Tr>
  ));
}
